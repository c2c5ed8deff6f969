/**
 * Signing in with a discoverable passkey (no user name), unlocking through the PRF copy of that
 * passkey in the same touch when it has one.
 */
import { API } from '../../shared/api/index';
import type { SessionView } from '../../shared/schemas/identity';
import { api, setCsrfToken, switchingSession } from '../api/transport';
import { lockKeyring } from './keyring-store';
import { assertPasskey } from './passkeys';
import { unlockWithPrf } from './vault-unlock';

/** A new session, and whether the keys were unlocked with the passkey's PRF (else ask for more). */
export type SignInResult = {
  readonly session: SessionView;
  /** The passkey gave a PRF output on this device (it may still not open a vault). */
  readonly hasPrf: boolean;
  readonly unlocked: boolean;
  readonly unlockError?: unknown;
};

const ceremony = async (credentialId?: string): Promise<SignInResult> => {
  const { options } = await api(API.signInOptions);
  const { response, prfOutput } = await assertPasskey(options, credentialId);
  const session = await switchingSession(async () => {
    const started = await api(API.signInVerify, { body: { response } });
    setCsrfToken(started.csrfToken);
    return started;
  });
  if (prfOutput === null) {
    return { session, hasPrf: false, unlocked: false };
  }
  try {
    await unlockWithPrf(session.person.id, session.credentialId, prfOutput);
    return { session, hasPrf: true, unlocked: true };
  } catch (unlockError) {
    return { session, hasPrf: true, unlocked: false, unlockError };
  }
};

/** Any passkey of this site, chosen by the person; the keys of anyone unlocked before are dropped. */
export const signInWithPasskey = async (): Promise<SignInResult> => {
  lockKeyring('signed-out');
  return ceremony();
};

/**
 * Unlocks again (after an idle lock or a reload) with the passkey of the current session: a fresh
 * assertion restricted to that passkey, which also renews the session.
 */
export const unlockWithPasskey = async (current: SessionView): Promise<SignInResult> => {
  const result = await ceremony(current.credentialId);
  if (result.session.person.id !== current.person.id) {
    lockKeyring('other-person');
    throw new Error('That passkey belongs to someone else');
  }
  return result;
};
