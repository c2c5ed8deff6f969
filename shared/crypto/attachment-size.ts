/**
 * Attachment framing constants: 64 KiB plaintext chunks in a libsodium secretstream.
 * Spec: docs/PROTOCOL.md#6-attachments
 */

/** Plaintext bytes per chunk; every chunk but the last is exactly this long. */
export const ATTACHMENT_CHUNK_BYTES = 65_536;

/** Per-chunk overhead of `crypto_secretstream_xchacha20poly1305`: 1 tag byte + 16 MAC bytes. */
export const ATTACHMENT_CHUNK_OVERHEAD_BYTES = 17;

/** Ciphertext bytes of a full chunk: the size a reader splits the stream into. */
export const ATTACHMENT_CIPHER_CHUNK_BYTES = ATTACHMENT_CHUNK_BYTES + ATTACHMENT_CHUNK_OVERHEAD_BYTES;

/** Length of the secretstream header that starts the ciphertext stream. */
export const ATTACHMENT_HEADER_BYTES = 24;

/** Largest attachment plaintext: 50 MiB. */
export const ATTACHMENT_MAX_BYTES = 50 * 1024 * 1024;

/** How many chunks a file of `plainSize` bytes has: at least one (an empty file is one empty FINAL chunk). */
export const attachmentChunkCount = (plainSize: number): number => {
  if (!Number.isSafeInteger(plainSize) || plainSize < 0 || plainSize > ATTACHMENT_MAX_BYTES) {
    throw new RangeError(`an attachment is 0 to ${ATTACHMENT_MAX_BYTES} bytes, got ${plainSize}`);
  }
  return Math.max(1, Math.ceil(plainSize / ATTACHMENT_CHUNK_BYTES));
};

/**
 * The exact length of the encrypted stream of a `plainSize`-byte file:
 * 24 + plainSize + 17 × max(1, ⌈plainSize / 65,536⌉).
 */
export const encryptedAttachmentSize = (plainSize: number): number =>
  ATTACHMENT_HEADER_BYTES + plainSize + ATTACHMENT_CHUNK_OVERHEAD_BYTES * attachmentChunkCount(plainSize);
