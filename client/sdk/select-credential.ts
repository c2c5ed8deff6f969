import type { PublicKeyCredentialDescriptorJSON } from '@simplewebauthn/server';
import { toBase64url } from '../../shared/encoding/bytes';
import type { StoredCredential } from './stored-credential';
import { WebAuthnError } from './webauthn-error';

/**
 * Picks the credential an assertion uses, as a browser's account chooser would: among the
 * credentials for `rpId` (restricted to `allowCredentials` when it is not empty), the one chosen
 * by `credentialId`, or the only one.
 *
 * @throws {WebAuthnError} `NotAllowedError` when none matches, or several match and none is chosen.
 */
export const selectCredential = (
  credentials: Iterable<StoredCredential>,
  rpId: string,
  allowCredentials: readonly PublicKeyCredentialDescriptorJSON[],
  credentialId: string | undefined,
): StoredCredential => {
  const allowed = new Set(allowCredentials.map((descriptor) => descriptor.id));
  const candidates = [...credentials].filter(
    (credential) => credential.rpId === rpId && (allowed.size === 0 || allowed.has(toBase64url(credential.id))),
  );
  if (credentialId !== undefined) {
    const chosen = candidates.find((credential) => toBase64url(credential.id) === credentialId);
    if (!chosen) {
      throw new WebAuthnError('NotAllowedError', `Credential ${credentialId} is not available for RP ID "${rpId}"`);
    }
    return chosen;
  }
  const [only, ...others] = candidates;
  if (!only) {
    throw new WebAuthnError('NotAllowedError', `No credential available for RP ID "${rpId}"`);
  }
  if (others.length > 0) {
    throw new WebAuthnError(
      'NotAllowedError',
      `${candidates.length} credentials match RP ID "${rpId}": pass options.credentialId to choose one`,
    );
  }
  return only;
};
