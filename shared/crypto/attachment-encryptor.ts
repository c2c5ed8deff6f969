/**
 * Streaming attachment encryption: one chunk at a time, so neither browser nor Node holds the
 * whole file. Enforces the canonical framing, so the ciphertext size follows from the file size.
 * Spec: docs/PROTOCOL.md#61-encryption
 */
import { AttachmentError } from './attachment-error';
import { createAttachmentHasher, type StartSha256, sodiumSha256 } from './attachment-hash';
import { type AttachmentKey, asAttachmentKey, generateAttachmentKey } from './attachment-key';
import { ATTACHMENT_CHUNK_BYTES, ATTACHMENT_MAX_BYTES } from './attachment-size';
import { sodium } from './sodium';

/** An attachment being encrypted. Write `header`, then the result of each `encryptChunk`, in order. */
export type AttachmentEncryptor = {
  /** The file's key: put it in the entry's content, never anywhere else. */
  readonly key: AttachmentKey;
  /** The 24-byte secretstream header that starts the ciphertext stream. */
  readonly header: Uint8Array;
  /**
   * Encrypts the next chunk: exactly `ATTACHMENT_CHUNK_BYTES` unless `isLast`; the last chunk is
   * 0 to `ATTACHMENT_CHUNK_BYTES` bytes and may be empty only if it is the only chunk.
   */
  readonly encryptChunk: (plain: Uint8Array, isLast: boolean) => Uint8Array;
  /** Whether the FINAL chunk has been written. */
  readonly isFinished: () => boolean;
  /** The stream's `ciphertextDigest`; throws 'truncated' before the FINAL chunk. */
  readonly ciphertextDigest: () => Uint8Array;
};

/**
 * Starts encrypting an attachment under `key` (a fresh random key if omitted). The secretstream
 * header is random (drawn by libsodium), so two encryptions of a file never share a ciphertext.
 * `startSha256` computes the digest: libsodium's unless the platform has a faster one.
 */
export const createAttachmentEncryptor = (
  key: AttachmentKey = generateAttachmentKey(),
  startSha256: StartSha256 = sodiumSha256,
): AttachmentEncryptor => {
  const checkedKey = asAttachmentKey(key);
  const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(checkedKey);
  const hasher = createAttachmentHasher(startSha256);
  hasher.update(header);
  let chunks = 0;
  let plainSize = 0;
  let digest: Uint8Array | undefined;
  let finished = false;

  const encryptChunk = (plain: Uint8Array, isLast: boolean): Uint8Array => {
    if (finished) {
      throw new AttachmentError('after-final', 'the FINAL chunk has already been written');
    }
    const isCanonicalSize = isLast
      ? plain.length <= ATTACHMENT_CHUNK_BYTES && (plain.length > 0 || chunks === 0)
      : plain.length === ATTACHMENT_CHUNK_BYTES;
    if (!isCanonicalSize) {
      const wanted = isLast ? `1 to ${ATTACHMENT_CHUNK_BYTES} (0 only alone)` : `${ATTACHMENT_CHUNK_BYTES}`;
      throw new AttachmentError('chunk-size', `chunk ${chunks} must be ${wanted} bytes, got ${plain.length}`);
    }
    if (plainSize + plain.length > ATTACHMENT_MAX_BYTES) {
      throw new AttachmentError('too-large', `an attachment is at most ${ATTACHMENT_MAX_BYTES} bytes`);
    }
    const tag = isLast
      ? sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
      : sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
    const cipher = sodium.crypto_secretstream_xchacha20poly1305_push(state, plain, null, tag);
    hasher.update(cipher);
    chunks += 1;
    plainSize += plain.length;
    finished = isLast;
    return cipher;
  };

  return {
    key: checkedKey,
    header,
    encryptChunk,
    isFinished: () => finished,
    ciphertextDigest: () => {
      if (!finished) {
        throw new AttachmentError('truncated', 'the stream has no FINAL chunk yet');
      }
      digest ??= hasher.digest();
      return digest;
    },
  };
};
