/**
 * Content keys: one random 32-byte XChaCha20-Poly1305 key per entry, committed to in the signed
 * header and sealed (`crypto_box_seal`) to each recipient, or later to a reviewer (disclosure).
 * Spec: docs/PROTOCOL.md#5-content-keys-and-disclosure
 */
import type { BoxPublicKey, BoxSecretKey } from './identity-keys';
import { randomBytes } from './random';
import { sodium } from './sodium';
import { taggedMessage } from './tagged';

/** An entry's 32-byte content key. */
export type ContentKey = Uint8Array & { readonly __brand: 'ContentKey' };

/** A content key sealed to one X25519 key: ephemeral public key || box ciphertext, 80 bytes. */
export type SealedKey = Uint8Array & { readonly __brand: 'SealedKey' };

/** Length of a content key. */
export const CONTENT_KEY_BYTES = 32;

/** Length of a sealed content key: 32 (key) + 48 (`crypto_box_SEALBYTES`). */
export const SEALED_KEY_BYTES = 80;

/** Domain-separation tag of key commitments. */
export const KEY_COMMITMENT_TAG = 'parley/key-commitment/v1';

const requireContentKey = (key: Uint8Array): void => {
  if (key.length !== CONTENT_KEY_BYTES) {
    throw new RangeError(`a content key is ${CONTENT_KEY_BYTES} bytes, got ${key.length}`);
  }
};

/** A fresh random content key. */
export const generateContentKey = (): ContentKey => randomBytes(CONTENT_KEY_BYTES) as ContentKey;

/** Brands 32 bytes as a content key (for keys read from a vector or a disclosure); checks the length. */
export const asContentKey = (bytes: Uint8Array): ContentKey => {
  requireContentKey(bytes);
  return bytes as ContentKey;
};

/**
 * The key commitment: BLAKE2b-256 (`crypto_generichash`, no key) of
 * 'parley/key-commitment/v1' || 0x00 || contentKey. XChaCha20-Poly1305 is not key-committing;
 * signing this value binds the entry to one key, hence to one plaintext.
 */
export const computeKeyCommitment = (contentKey: ContentKey): Uint8Array => {
  requireContentKey(contentKey);
  return sodium.crypto_generichash(32, taggedMessage(KEY_COMMITMENT_TAG, contentKey), null);
};

/** Seals a content key to an X25519 public key (`crypto_box_seal`), e.g. to disclose it to a reviewer. */
export const resealContentKey = (contentKey: ContentKey, boxPublicKey: BoxPublicKey): SealedKey => {
  requireContentKey(contentKey);
  if (boxPublicKey.length !== sodium.crypto_box_PUBLICKEYBYTES) {
    throw new RangeError(`a box public key is ${sodium.crypto_box_PUBLICKEYBYTES} bytes, got ${boxPublicKey.length}`);
  }
  return sodium.crypto_box_seal(contentKey, boxPublicKey) as SealedKey;
};

/**
 * Opens a sealed content key with the recipient's box key pair (`crypto_box_seal_open`). Throws a
 * `RangeError` if it is not 80 bytes, was sealed to another key, or was altered.
 */
export const openSealedKey = (
  sealed: Uint8Array,
  boxPublicKey: BoxPublicKey,
  boxSecretKey: BoxSecretKey,
): ContentKey => {
  if (sealed.length !== SEALED_KEY_BYTES) {
    throw new RangeError(`a sealed key is ${SEALED_KEY_BYTES} bytes, got ${sealed.length}`);
  }
  let key: Uint8Array;
  try {
    key = sodium.crypto_box_seal_open(sealed, boxPublicKey, boxSecretKey);
  } catch {
    throw new RangeError('the sealed key does not open with this key pair');
  }
  return asContentKey(key);
};
