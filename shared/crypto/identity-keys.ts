/**
 * A person's identity keys: an Ed25519 signing key pair and a separate X25519 box key pair, and
 * the key id derived from both public keys.
 * Spec: docs/PROTOCOL.md#2-identity-keys-and-key-ids
 */
import { toBase64url } from '../encoding/bytes';
import { sodium } from './sodium';
import { taggedHash } from './tagged';

/** Ed25519 public key, 32 bytes. */
export type SignPublicKey = Uint8Array & { readonly __brand: 'SignPublicKey' };
/** Ed25519 secret key in libsodium's form (seed || public key), 64 bytes. */
export type SignSecretKey = Uint8Array & { readonly __brand: 'SignSecretKey' };
/** X25519 public key, 32 bytes. */
export type BoxPublicKey = Uint8Array & { readonly __brand: 'BoxPublicKey' };
/** X25519 secret key, 32 bytes. */
export type BoxSecretKey = Uint8Array & { readonly __brand: 'BoxSecretKey' };

/** One person's key set and its key id (base64url of 16 bytes). */
export type IdentityKeys = {
  readonly signPublicKey: SignPublicKey;
  readonly signSecretKey: SignSecretKey;
  readonly boxPublicKey: BoxPublicKey;
  readonly boxSecretKey: BoxSecretKey;
  readonly keyId: string;
};

/** Domain-separation tag of key ids. */
export const KEY_ID_TAG = 'parley/key-id/v1';

/** Length of an identity key seed (both key pairs). */
export const IDENTITY_SEED_BYTES = 32;

const KEY_ID_BYTES = 16;

const requireLength = (name: string, bytes: Uint8Array, length: number): void => {
  if (bytes.length !== length) {
    throw new RangeError(`${name} must be ${length} bytes, got ${bytes.length}`);
  }
};

/**
 * The key id of a key set: the first 16 bytes of
 * SHA-256('parley/key-id/v1' || 0x00 || signPublicKey || boxPublicKey), base64url.
 */
export const deriveKeyId = (signPublicKey: SignPublicKey, boxPublicKey: BoxPublicKey): string => {
  requireLength('signPublicKey', signPublicKey, sodium.crypto_sign_PUBLICKEYBYTES);
  requireLength('boxPublicKey', boxPublicKey, sodium.crypto_box_PUBLICKEYBYTES);
  return toBase64url(taggedHash(KEY_ID_TAG, signPublicKey, boxPublicKey).slice(0, KEY_ID_BYTES));
};

const assemble = (
  sign: { publicKey: Uint8Array; privateKey: Uint8Array },
  box: { publicKey: Uint8Array; privateKey: Uint8Array },
): IdentityKeys => {
  const signPublicKey = sign.publicKey as SignPublicKey;
  const boxPublicKey = box.publicKey as BoxPublicKey;
  return {
    signPublicKey,
    signSecretKey: sign.privateKey as SignSecretKey,
    boxPublicKey,
    boxSecretKey: box.privateKey as BoxSecretKey,
    keyId: deriveKeyId(signPublicKey, boxPublicKey),
  };
};

/** Fresh identity keys from libsodium's CSPRNG (`crypto_sign_keypair`, `crypto_box_keypair`). */
export const generateIdentityKeys = (): IdentityKeys =>
  assemble(sodium.crypto_sign_keypair(), sodium.crypto_box_keypair());

/**
 * Identity keys from two independent 32-byte seeds (`crypto_sign_seed_keypair`,
 * `crypto_box_seed_keypair`): for test vectors, and for keys restored from a seed backup.
 */
export const identityKeysFromSeeds = (signSeed: Uint8Array, boxSeed: Uint8Array): IdentityKeys => {
  requireLength('signSeed', signSeed, IDENTITY_SEED_BYTES);
  requireLength('boxSeed', boxSeed, IDENTITY_SEED_BYTES);
  return assemble(sodium.crypto_sign_seed_keypair(signSeed), sodium.crypto_box_seed_keypair(boxSeed));
};
