/**
 * Cutting byte streams into the pieces the attachment encryptor and decryptor take, holding at
 * most one chunk at a time (docs/PROTOCOL.md §6.1, §6.2).
 */
import { ATTACHMENT_CHUNK_BYTES } from '../../shared/crypto/attachment-size';

/** One plaintext chunk for the encryptor, and whether it is the last. */
export type FramedChunk = { readonly plain: Uint8Array; readonly isLast: boolean };

/**
 * Re-cuts any stream of byte pieces into the canonical chunking: exactly 65,536 bytes each except
 * the last (1 … 65,536 bytes; 0 only for an empty file). One full chunk is held back so that the
 * last one is known to be last when it is encrypted.
 */
export async function* framedChunks(source: AsyncIterable<Uint8Array>): AsyncGenerator<FramedChunk> {
  // A fresh buffer per chunk, filled in place: the chunk held back is that buffer, not a copy.
  let buffer = new Uint8Array(ATTACHMENT_CHUNK_BYTES);
  let filled = 0;
  let held: Uint8Array | undefined;
  for await (const piece of source) {
    let offset = 0;
    while (offset < piece.length) {
      const taken = Math.min(ATTACHMENT_CHUNK_BYTES - filled, piece.length - offset);
      buffer.set(piece.subarray(offset, offset + taken), filled);
      filled += taken;
      offset += taken;
      if (filled === ATTACHMENT_CHUNK_BYTES) {
        if (held) {
          yield { plain: held, isLast: false };
        }
        held = buffer;
        buffer = new Uint8Array(ATTACHMENT_CHUNK_BYTES);
        filled = 0;
      }
    }
  }
  if (held && filled === 0) {
    yield { plain: held, isLast: true };
    return;
  }
  if (held) {
    yield { plain: held, isLast: false };
  }
  yield { plain: buffer.subarray(0, filled), isLast: true };
}

/**
 * Re-cuts a stream into a first piece of `firstSize` bytes, then pieces of `size` bytes; the last
 * piece may be shorter. A stream that ends early yields what it had.
 *
 * Each piece is valid only until the next one is asked for: every piece of `size` bytes is filled
 * into the same buffer (a fresh buffer per piece cost the benchmark's 50 MiB download about a sixth
 * more client CPU). A caller that keeps a piece must copy it.
 */
export async function* fixedPieces(
  source: AsyncIterable<Uint8Array>,
  firstSize: number,
  size: number,
): AsyncGenerator<Uint8Array> {
  let wanted = firstSize;
  let buffer = new Uint8Array(wanted);
  let filled = 0;
  for await (const piece of source) {
    let offset = 0;
    while (offset < piece.length) {
      const taken = Math.min(wanted - filled, piece.length - offset);
      buffer.set(piece.subarray(offset, offset + taken), filled);
      filled += taken;
      offset += taken;
      if (filled === wanted) {
        yield buffer;
        if (wanted !== size) {
          buffer = new Uint8Array(size);
        }
        wanted = size;
        filled = 0;
      }
    }
  }
  if (filled > 0) {
    yield buffer.slice(0, filled);
  }
}
