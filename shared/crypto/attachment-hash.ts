/**
 * The digest an entry commits to for an attachment: SHA-256 over the whole encrypted stream,
 * computed incrementally so no one holds the file in memory.
 * Spec: docs/PROTOCOL.md#63-ciphertext-digest
 */
import { utf8Bytes } from '../encoding/bytes';
import { sodium } from './sodium';

/** Domain-separation tag of attachment ciphertext digests. */
export const ATTACHMENT_HASH_TAG = 'parley/attachment/v1';

/** An incremental `ciphertextDigest`. */
export type AttachmentHasher = {
  /** Feeds the next bytes of the encrypted stream (header first, then each chunk in order). */
  readonly update: (bytes: Uint8Array) => void;
  /** SHA-256('parley/attachment/v1' || 0x00 || header || chunk₁ || … || chunkₙ); once only. */
  readonly digest: () => Uint8Array;
};

/**
 * Starts a `ciphertextDigest`. Equal to `taggedHash(ATTACHMENT_HASH_TAG, stream)`, but streaming:
 * the server checks an upload with it without the key, a reader checks a download.
 */
export const createAttachmentHasher = (): AttachmentHasher => {
  // libsodium's SHA-256 (WebAssembly): the JavaScript one was a third of an upload's CPU time, more
  // than the encryption itself. Needs `initCrypto()`, as everything that encrypts an attachment.
  const state = sodium.crypto_hash_sha256_init();
  sodium.crypto_hash_sha256_update(state, utf8Bytes(ATTACHMENT_HASH_TAG));
  sodium.crypto_hash_sha256_update(state, new Uint8Array([0]));
  return {
    update: (bytes) => {
      sodium.crypto_hash_sha256_update(state, bytes);
    },
    digest: () => sodium.crypto_hash_sha256_final(state),
  };
};
