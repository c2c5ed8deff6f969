import { passkeyRoutes } from '../../shared/api/identity';
import type { StatementSigner } from '../../shared/crypto/key-statement';
import { PASSKEY_REMOVAL_TAG, passkeyRemovalMessage } from '../../shared/crypto/passkey-removal';
import { signTagged } from '../../shared/crypto/sign';
import { toBase64url } from '../../shared/encoding/bytes';
import type { ParleyHttp } from './parley-http';

/**
 * Removes one of the person's passkeys: asks for a fresh challenge, signs the removal (person,
 * passkey, challenge) with their current key and sends it. The server deletes the passkey and its
 * PRF vault copy and ends every session it signed in; it refuses to remove the last one.
 *
 * @returns how many sessions the removal ended.
 * @throws {ApiProblem} when the server refuses the removal.
 */
export const removeOwnPasskey = async (
  http: ParleyHttp,
  signer: StatementSigner,
  credentialId: string,
): Promise<number> => {
  const { challenge } = await http.api(passkeyRoutes.passkeyRemovalChallenge);
  const message = passkeyRemovalMessage(signer.person, credentialId, challenge);
  const signature = toBase64url(signTagged(PASSKEY_REMOVAL_TAG, message, signer.signSecretKey));
  const { endedSessions } = await http.api(passkeyRoutes.removePasskey, {
    params: { credentialId },
    body: { challenge, keyId: signer.keyId, signature },
  });
  return endedSessions;
};
