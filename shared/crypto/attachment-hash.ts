/**
 * The digest an entry commits to for an attachment: SHA-256 over the whole encrypted stream,
 * computed incrementally so no one holds the file in memory.
 * Spec: docs/PROTOCOL.md#63-ciphertext-digest
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8Bytes } from '../encoding/bytes';

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
  const hash = sha256.create();
  hash.update(utf8Bytes(ATTACHMENT_HASH_TAG));
  hash.update(new Uint8Array([0]));
  return {
    update: (bytes) => {
      hash.update(bytes);
    },
    digest: () => hash.digest(),
  };
};
