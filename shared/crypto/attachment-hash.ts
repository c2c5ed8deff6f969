/**
 * The digest an entry commits to for an attachment: SHA-256 over the whole encrypted stream,
 * computed incrementally so no one holds the file in memory.
 * Spec: docs/PROTOCOL.md#63-ciphertext-digest
 */
import { utf8Bytes } from '../encoding/bytes';
import { sodium } from './sodium';

/** Domain-separation tag of attachment ciphertext digests. */
export const ATTACHMENT_HASH_TAG = 'parley/attachment/v1';

/** An incremental SHA-256 (FIPS 180-4): any standard implementation gives the same digest. */
export type Sha256Stream = {
  readonly update: (bytes: Uint8Array) => void;
  readonly digest: () => Uint8Array;
};

/** Starts an incremental SHA-256. */
export type StartSha256 = () => Sha256Stream;

/**
 * libsodium's SHA-256 (WebAssembly), the one every platform has once `initCrypto()` has loaded it:
 * the JavaScript one was a third of an upload's CPU time, more than the encryption itself. Node
 * passes its native hash instead (client/sdk/native-sha256.ts), about five times faster again.
 */
export const sodiumSha256: StartSha256 = () => {
  const state = sodium.crypto_hash_sha256_init();
  return {
    update: (bytes) => {
      sodium.crypto_hash_sha256_update(state, bytes);
    },
    digest: () => sodium.crypto_hash_sha256_final(state),
  };
};

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
export const createAttachmentHasher = (startSha256: StartSha256 = sodiumSha256): AttachmentHasher => {
  const hash = startSha256();
  hash.update(utf8Bytes(ATTACHMENT_HASH_TAG));
  hash.update(new Uint8Array([0]));
  return hash;
};
