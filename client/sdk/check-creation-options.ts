import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import { fromBase64url, toBase64url } from '../../shared/encoding/bytes';
import { COSE_ALG_ES256 } from './encode-cose-public-key';
import type { StoredCredential } from './stored-credential';
import { WebAuthnError } from './webauthn-error';

/**
 * The checks a browser and authenticator make on creation options before creating a credential
 * (WebAuthn L3 §5.1.3, CTAP2 authenticatorMakeCredential). Returns the user handle.
 *
 * @param storedForRpId the credentials already stored for the RP ID.
 * @throws {WebAuthnError} `NotSupportedError` without ES256 in `pubKeyCredParams`,
 *   `InvalidStateError` when a stored credential is in `excludeCredentials`.
 * @throws {TypeError} when `user.id` is not 1 to 64 bytes of base64url.
 */
export const checkCreationOptions = (
  optionsJSON: PublicKeyCredentialCreationOptionsJSON,
  storedForRpId: readonly StoredCredential[],
): Uint8Array => {
  if (!optionsJSON.pubKeyCredParams.some((param) => param.type === 'public-key' && param.alg === COSE_ALG_ES256)) {
    throw new WebAuthnError('NotSupportedError', 'pubKeyCredParams does not offer ES256 (-7)');
  }
  const excluded = new Set(optionsJSON.excludeCredentials?.map((descriptor) => descriptor.id));
  if (storedForRpId.some((credential) => excluded.has(toBase64url(credential.id)))) {
    throw new WebAuthnError('InvalidStateError', 'A credential in excludeCredentials is on this authenticator');
  }
  const userHandle = fromBase64url(optionsJSON.user.id);
  if (userHandle.length < 1 || userHandle.length > 64) {
    throw new TypeError(`user.id must be 1 to 64 bytes, got ${userHandle.length}`);
  }
  return userHandle;
};
