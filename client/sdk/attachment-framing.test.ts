import { describe, expect, it } from 'vitest';
import { ATTACHMENT_CHUNK_BYTES } from '../../shared/crypto/attachment-size';
import { fixedPieces, framedChunks } from './attachment-framing';

const bytes = (size: number) => Uint8Array.from({ length: size }, (_, i) => (i * 31) % 251);

// The same bytes cut into uneven pieces (7, 70,000, 7, 70,000, …), as a file stream might arrive.
async function* uneven(data: Uint8Array): AsyncGenerator<Uint8Array> {
  let offset = 0;
  for (let turn = 0; offset < data.length; turn += 1) {
    const size = turn % 2 === 0 ? 7 : 70_000;
    yield data.subarray(offset, offset + size);
    offset += size;
  }
}

const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const all: T[] = [];
  for await (const item of items) {
    all.push(item);
  }
  return all;
};

describe('framedChunks', () => {
  it.each([0, 1, 65_535, 65_536, 65_537, 3 * 65_536, 3 * 65_536 + 9])(
    'cuts %i bytes into full chunks and one last chunk, whatever the input pieces',
    async (size) => {
      const data = bytes(size);
      const chunks = await collect(framedChunks(uneven(data)));
      expect(chunks).toHaveLength(Math.max(1, Math.ceil(size / ATTACHMENT_CHUNK_BYTES)));
      expect(chunks.map((chunk) => chunk.isLast)).toEqual(chunks.map((_, i) => i === chunks.length - 1));
      expect(chunks.slice(0, -1).every((chunk) => chunk.plain.length === ATTACHMENT_CHUNK_BYTES)).toBe(true);
      expect(Buffer.concat(chunks.map((chunk) => chunk.plain)).equals(Buffer.from(data))).toBe(true);
    },
  );
});

// fixedPieces reuses its buffer: a piece is valid until the next is asked for, so keep copies.
const collectCopies = async (pieces: AsyncIterable<Uint8Array>): Promise<Uint8Array[]> => {
  const all: Uint8Array[] = [];
  for await (const piece of pieces) {
    all.push(piece.slice());
  }
  return all;
};

describe('fixedPieces', () => {
  it('yields a first piece, then pieces of the given size, and a short tail', async () => {
    const data = bytes(24 + 2 * 100 + 17);
    const pieces = await collectCopies(fixedPieces(uneven(data), 24, 100));
    expect(pieces.map((piece) => piece.length)).toEqual([24, 100, 100, 17]);
    expect(Buffer.concat(pieces).equals(Buffer.from(data))).toBe(true);
  });

  it('yields what a stream that ends early had', async () => {
    expect((await collectCopies(fixedPieces(uneven(bytes(10)), 24, 100))).map((piece) => piece.length)).toEqual([10]);
    expect(await collectCopies(fixedPieces(uneven(bytes(0)), 24, 100))).toEqual([]);
  });
});
