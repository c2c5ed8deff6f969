/**
 * A file's bytes as canonical secretstream chunks (docs/PROTOCOL.md §6.1), read from
 * `File.stream()` one piece at a time: the stream header first, then one encrypted chunk per
 * 64 KiB of plaintext, the last one FINAL. Neither the file nor its ciphertext is held whole.
 */
import type { AttachmentEncryptor } from '../../shared/crypto/attachment-encryptor';
import { ATTACHMENT_CHUNK_BYTES } from '../../shared/crypto/attachment-size';

/** Yields the encrypted stream of `file`: header, then each chunk. Throws if the file changes while read. */
export async function* encryptFile(file: Blob, encryptor: AttachmentEncryptor): AsyncGenerator<Uint8Array> {
  yield encryptor.header;
  const size = file.size;
  if (size === 0) {
    yield encryptor.encryptChunk(new Uint8Array(0), true);
    return;
  }
  const reader = file.stream().getReader();
  const buffer = new Uint8Array(ATTACHMENT_CHUNK_BYTES);
  let filled = 0;
  let consumed = 0;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        break;
      }
      let offset = 0;
      while (offset < value.length) {
        const take = Math.min(ATTACHMENT_CHUNK_BYTES - filled, value.length - offset);
        buffer.set(value.subarray(offset, offset + take), filled);
        filled += take;
        offset += take;
        consumed += take;
        if (filled === ATTACHMENT_CHUNK_BYTES) {
          // libsodium copies the plaintext into its own output, so the buffer can be reused.
          yield encryptor.encryptChunk(buffer, consumed === size);
          filled = 0;
        }
      }
    }
  } finally {
    reader.releaseLock();
  }
  if (filled > 0) {
    yield encryptor.encryptChunk(buffer.subarray(0, filled), true);
  }
  if (consumed !== size || !encryptor.isFinished()) {
    throw new Error(`The file changed while it was read (${consumed} of ${size} bytes)`);
  }
}
