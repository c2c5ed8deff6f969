/**
 * Recovery on a new device through an admin's recovery link: the server gives registration
 * options for the person the link names, the browser creates a new passkey, the server registers
 * it and signs the person in. Nothing secret comes or goes: the keys stay sealed in the vault the
 * person opens next with their own recovery key.
 */
import { API } from '../../shared/api/index';
import type { SessionView } from '../../shared/schemas/identity';
import type { RecoveryOptionsResponse } from '../../shared/schemas/recovery';
import { api } from '../api/transport';
import { createPasskey } from './passkeys';
import { keepForVaultCopy } from './recovered-passkey-copy';

export const openRecovery = (token: string): Promise<RecoveryOptionsResponse> =>
  api(API.recoveryOptions, { body: { token } });

export const recoverWithNewPasskey = async (token: string, offer: RecoveryOptionsResponse): Promise<SessionView> => {
  const { response, prfOutput } = await createPasskey(offer.options);
  try {
    const session = await api(API.recoveryVerify, { body: { token, response } });
    if (prfOutput !== null) {
      // No keys to seal to it until the vault is opened: kept for that moment.
      keepForVaultCopy(session.person.id, response.id, prfOutput);
    }
    return session;
  } finally {
    prfOutput?.fill(0);
  }
};
