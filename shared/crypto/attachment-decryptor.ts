/**
 * Streaming attachment decryption: authenticates each chunk, refuses reordering, truncation
 * (no FINAL), anything after FINAL and non-canonical chunk sizes. After any refusal it refuses
 * everything.
 * Spec: docs/PROTOCOL.md#62-decryption
 */
import { AttachmentError, type AttachmentFailure } from './attachment-error';
import { createAttachmentHasher, type StartSha256, sodiumSha256 } from './attachment-hash';
import { asAttachmentKey } from './attachment-key';
import {
  ATTACHMENT_CHUNK_BYTES,
  ATTACHMENT_CHUNK_OVERHEAD_BYTES,
  ATTACHMENT_CIPHER_CHUNK_BYTES,
  ATTACHMENT_HEADER_BYTES,
  ATTACHMENT_MAX_BYTES,
} from './attachment-size';
import { sodium } from './sodium';

/** One decrypted chunk, and whether it was the FINAL one. */
export type AttachmentChunk = { readonly plain: Uint8Array; readonly isLast: boolean };

/** An attachment being decrypted: feed the stream after its header in `ATTACHMENT_CIPHER_CHUNK_BYTES` pieces. */
export type AttachmentDecryptor = {
  /** Decrypts the next chunk; throws an `AttachmentError` and refuses every later call on any failure. */
  readonly decryptChunk: (cipher: Uint8Array) => AttachmentChunk;
  /** Whether the FINAL chunk has been seen: false at the end of the input means the file was truncated. */
  readonly isFinished: () => boolean;
  /** The stream's `ciphertextDigest`; throws 'truncated' before the FINAL chunk. */
  readonly ciphertextDigest: () => Uint8Array;
};

/**
 * Starts decrypting an attachment stream whose first 24 bytes were `header`. `startSha256`
 * computes the digest: libsodium's unless the platform has a faster one.
 */
export const createAttachmentDecryptor = (
  key: Uint8Array,
  header: Uint8Array,
  startSha256: StartSha256 = sodiumSha256,
): AttachmentDecryptor => {
  const checkedKey = asAttachmentKey(key);
  if (header.length !== ATTACHMENT_HEADER_BYTES) {
    throw new AttachmentError('invalid-header', `a header is ${ATTACHMENT_HEADER_BYTES} bytes, got ${header.length}`);
  }
  const state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(header, checkedKey);
  const hasher = createAttachmentHasher(startSha256);
  hasher.update(header);
  let chunks = 0;
  let plainSize = 0;
  let finished = false;
  let failed = false;
  let digest: Uint8Array | undefined;

  const fail = (reason: AttachmentFailure, message: string): never => {
    failed = true;
    throw new AttachmentError(reason, message);
  };

  const pull = (cipher: Uint8Array): { message: Uint8Array; tag: number } => {
    if (cipher.length < ATTACHMENT_CHUNK_OVERHEAD_BYTES || cipher.length > ATTACHMENT_CIPHER_CHUNK_BYTES) {
      return fail('chunk-size', `chunk ${chunks} is ${cipher.length} bytes, at most ${ATTACHMENT_CIPHER_CHUNK_BYTES}`);
    }
    const result = sodium.crypto_secretstream_xchacha20poly1305_pull(state, cipher, null);
    return result === false ? fail('tampered', `chunk ${chunks} does not authenticate`) : result;
  };

  const decryptChunk = (cipher: Uint8Array): AttachmentChunk => {
    if (failed) {
      return fail('failed-earlier', 'an earlier chunk was refused');
    }
    if (finished) {
      return fail('after-final', `chunk ${chunks} follows the FINAL chunk`);
    }
    const { message, tag } = pull(cipher);
    const isLast = tag === sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL;
    if (!isLast && tag !== sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE) {
      return fail('unexpected-tag', `chunk ${chunks} has tag ${tag}; only MESSAGE and FINAL are used`);
    }
    const isCanonicalSize = isLast ? message.length > 0 || chunks === 0 : message.length === ATTACHMENT_CHUNK_BYTES;
    if (!isCanonicalSize) {
      return fail('chunk-size', `chunk ${chunks} holds ${message.length} bytes, not a canonical chunk`);
    }
    if (plainSize + message.length > ATTACHMENT_MAX_BYTES) {
      return fail('too-large', `an attachment is at most ${ATTACHMENT_MAX_BYTES} bytes`);
    }
    hasher.update(cipher);
    chunks += 1;
    plainSize += message.length;
    finished = isLast;
    return { plain: message, isLast };
  };

  return {
    decryptChunk,
    isFinished: () => finished,
    ciphertextDigest: () => {
      if (!finished) {
        throw new AttachmentError('truncated', 'the stream ended without its FINAL chunk');
      }
      digest ??= hasher.digest();
      return digest;
    },
  };
};
