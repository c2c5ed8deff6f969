import { createPrivateKey, generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { fromBase64url, toBase64url } from '../../shared/encoding/bytes';
import { Base64url, FixedBase64url } from '../../shared/schemas/common';

const CREDENTIAL_ID_BYTES = 16;
const PRF_SECRET_BYTES = 32;

/** A discoverable credential held by a software authenticator. */
export type StoredCredential = {
  id: Uint8Array;
  rpId: string;
  userHandle: Uint8Array;
  userName: string;
  privateKey: KeyObject;
  signCount: number;
  prfSecret: Uint8Array;
};

/** A stored credential in JSON: binary as base64url, the P-256 private key as PKCS#8 DER. */
export const StoredCredentialJSON = z.object({
  id: Base64url(1023).min(22, 'must encode at least 16 bytes'),
  rpId: z.string().min(1),
  userHandle: Base64url(64).min(1, 'must not be empty'),
  userName: z.string(),
  privateKey: Base64url(512),
  signCount: z.number().int().min(0).max(0xffff_ffff),
  prfSecret: FixedBase64url(PRF_SECRET_BYTES),
});
export type StoredCredentialJSON = z.infer<typeof StoredCredentialJSON>;

/** Creates a fresh credential: a P-256 key pair, a random id and a random PRF secret, sign count 0. */
export const createStoredCredential = (fields: { rpId: string; userHandle: Uint8Array; userName: string }) => {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const credential: StoredCredential = {
    ...fields,
    id: new Uint8Array(randomBytes(CREDENTIAL_ID_BYTES)),
    privateKey,
    signCount: 0,
    prfSecret: new Uint8Array(randomBytes(PRF_SECRET_BYTES)),
  };
  return credential;
};

/** Converts a credential to its JSON form. */
export const storedCredentialToJSON = (credential: StoredCredential): StoredCredentialJSON => ({
  id: toBase64url(credential.id),
  rpId: credential.rpId,
  userHandle: toBase64url(credential.userHandle),
  userName: credential.userName,
  privateKey: toBase64url(credential.privateKey.export({ format: 'der', type: 'pkcs8' })),
  signCount: credential.signCount,
  prfSecret: toBase64url(credential.prfSecret),
});

/**
 * Restores a credential from its JSON form.
 *
 * @throws {TypeError} when the private key is not a P-256 key.
 */
export const storedCredentialFromJSON = (json: StoredCredentialJSON): StoredCredential => {
  const privateKey = createPrivateKey({
    key: Buffer.from(fromBase64url(json.privateKey)),
    format: 'der',
    type: 'pkcs8',
  });
  if (privateKey.asymmetricKeyType !== 'ec' || privateKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new TypeError(`Credential ${json.id} does not hold a P-256 private key`);
  }
  return {
    id: fromBase64url(json.id),
    rpId: json.rpId,
    userHandle: fromBase64url(json.userHandle),
    userName: json.userName,
    privateKey,
    signCount: json.signCount,
    prfSecret: fromBase64url(json.prfSecret),
  };
};
