import { randomBytes } from 'node:crypto';
import { VAULT_PRF_SALT, type WrappingKey } from '../../shared/crypto/vault';
import { wrappingKeyFromPrf } from '../../shared/crypto/vault-keys';
import type { SoftwareAuthenticator } from './software-authenticator';

/** Thrown when a passkey gives no PRF output: the authenticator lacks PRF, or the copy is another passkey's. */
export class PrfUnavailableError extends Error {
  constructor(credentialId: string) {
    super(`Passkey ${credentialId} gives no PRF output on this authenticator: unlock with the recovery key`);
    this.name = 'PrfUnavailableError';
  }
}

/**
 * The wrapping key of a passkey's PRF vault copy. The assertion stays on this machine, as in a
 * browser unlocking the vault: it only evaluates the PRF at {@link VAULT_PRF_SALT}, so its
 * challenge is local and nothing is sent to the server (the sign count still advances, which the
 * server's counter check tolerates).
 *
 * @throws {PrfUnavailableError} when the authenticator gives no PRF output for the passkey.
 * @throws {WebAuthnError} `NotAllowedError` when the passkey is not on this authenticator.
 */
export const prfWrappingKey = (
  authenticator: SoftwareAuthenticator,
  credentialId: string,
  personId: string,
  rpId: string | undefined,
): WrappingKey => {
  const { prf } = authenticator.getAssertion(
    {
      challenge: randomBytes(32).toString('base64url'),
      allowCredentials: [{ id: credentialId, type: 'public-key' }],
      userVerification: 'required',
      ...(rpId === undefined ? {} : { rpId }),
    },
    { prf: { first: VAULT_PRF_SALT }, credentialId },
  );
  if (!prf) {
    throw new PrfUnavailableError(credentialId);
  }
  return wrappingKeyFromPrf(prf.first, personId);
};
