/**
 * Sealing the browser's local store (a cache of verified streams, drafts): each record under a key
 * derived from the person's unlocked keyring, so that a locked tab, or another person on the same
 * browser, reads nothing. XChaCha20-Poly1305 with the record's name as associated data: a record
 * moved to another name, or under another person's key, does not open.
 * Spec: docs/PROTOCOL.md#86-the-browsers-local-store
 */
import { utf8Bytes } from '../encoding/bytes';
import { randomBytes } from './random';
import { sodium } from './sodium';
import { taggedMessage } from './tagged';

/** The 32-byte key every record of one person's local store is sealed under. */
export type LocalStoreKey = Uint8Array & { readonly __brand: 'LocalStoreKey' };

/** Domain-separation tag of the store key derivation. */
export const LOCAL_STORE_KEY_TAG = 'parley/local-store-key/v1';
/** Domain-separation tag of a record's associated data. */
export const LOCAL_STORE_RECORD_TAG = 'parley/local-store-record/v1';

const KEY_BYTES = 32;
const NONCE_BYTES = 24;

/**
 * The store key: keyed BLAKE2b-256 of 'parley/local-store-key/v1' || 0x00 || utf8(personId) under
 * a secret key of the keyring (the caller passes the box secret key of the oldest key, the one
 * that stays across rotations). Never stored: derived again at each unlock.
 */
export const localStoreKey = (secret: Uint8Array, personId: string): LocalStoreKey => {
  if (secret.length !== KEY_BYTES) {
    throw new RangeError(`a keyring secret is ${KEY_BYTES} bytes, got ${secret.length}`);
  }
  return sodium.crypto_generichash(
    KEY_BYTES,
    taggedMessage(LOCAL_STORE_KEY_TAG, utf8Bytes(personId)),
    secret,
  ) as LocalStoreKey;
};

const recordAd = (name: string) => taggedMessage(LOCAL_STORE_RECORD_TAG, utf8Bytes(name));

/** Seals `plaintext` as the record `name` with a given nonce (tests only: use {@link sealLocalRecord}). */
export const sealLocalRecordWithNonce = (
  key: LocalStoreKey,
  name: string,
  plaintext: Uint8Array,
  nonce: Uint8Array,
): Uint8Array => {
  if (nonce.length !== NONCE_BYTES) {
    throw new RangeError(`a record nonce is ${NONCE_BYTES} bytes, got ${nonce.length}`);
  }
  const sealed = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext, recordAd(name), null, nonce, key);
  const out = new Uint8Array(NONCE_BYTES + sealed.length);
  out.set(nonce, 0);
  out.set(sealed, NONCE_BYTES);
  return out;
};

/** Seals `plaintext` as the record `name`: a fresh 24-byte nonce, then the AEAD ciphertext. */
export const sealLocalRecord = (key: LocalStoreKey, name: string, plaintext: Uint8Array): Uint8Array =>
  sealLocalRecordWithNonce(key, name, plaintext, randomBytes(NONCE_BYTES));

/** Opens the record `name`; null when it was altered, moved, or sealed under another key. */
export const openLocalRecord = (key: LocalStoreKey, name: string, sealed: Uint8Array): Uint8Array | null => {
  if (sealed.length < NONCE_BYTES + sodium.crypto_aead_xchacha20poly1305_ietf_ABYTES) {
    return null;
  }
  try {
    return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      sealed.subarray(NONCE_BYTES),
      recordAd(name),
      sealed.subarray(0, NONCE_BYTES),
      key,
    );
  } catch {
    return null;
  }
};
