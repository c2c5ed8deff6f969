import type { FileHandle } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { writeAll, writeBatched } from './attachment-files';

/** A file that takes at most `limit` bytes per writev, as a disk may, and keeps what it took. */
const shortWritingFile = (limit: number) => {
  const written: Buffer[] = [];
  const calls: number[] = [];
  const handle: Pick<FileHandle, 'writev'> = {
    writev: async <T extends readonly NodeJS.ArrayBufferView[]>(buffers: T) => {
      const all = Buffer.concat(buffers as unknown as Buffer[]);
      const taken = all.subarray(0, limit);
      written.push(Buffer.from(taken));
      calls.push(buffers.length);
      return { bytesWritten: taken.length, buffers };
    },
  };
  return { handle, written, calls };
};

describe('writeAll', () => {
  it('writes every byte in order when the file takes fewer than asked at each call', async () => {
    const pieces = [Buffer.from('abcdef'), Buffer.alloc(0), Buffer.from('gh'), Buffer.from('ijklmnop')];
    const file = shortWritingFile(5);
    await writeAll(file.handle, pieces);
    expect(Buffer.concat(file.written).toString()).toBe('abcdefghijklmnop');
    expect(file.calls).toHaveLength(4);
  });

  it('fails, rather than loop, when the file takes no byte at all', async () => {
    await expect(writeAll(shortWritingFile(0).handle, [Buffer.from('a')])).rejects.toThrow('took none');
  });

  it('writes a batch in one call when the file takes it all, and nothing for an empty batch', async () => {
    const file = shortWritingFile(Number.MAX_SAFE_INTEGER);
    await writeAll(file.handle, [Buffer.from('one'), Buffer.from('two')]);
    await writeAll(file.handle, []);
    expect(file.calls).toEqual([2]);
    expect(Buffer.concat(file.written).toString()).toBe('onetwo');
  });
});

async function* pieces(count: number, size: number): AsyncGenerator<Buffer> {
  for (let index = 0; index < count; index += 1) {
    yield Buffer.alloc(size, index % 256);
  }
}

describe('writeBatched', () => {
  it('gathers chunks up to 1 MiB per writev', async () => {
    const file = shortWritingFile(Number.MAX_SAFE_INTEGER);
    await writeBatched(file.handle, pieces(40, 64 * 1024));
    expect(file.calls).toEqual([16, 16, 8]);
    expect(Buffer.concat(file.written).length).toBe(40 * 64 * 1024);
  });

  it('writes at most 64 waiting chunks at once, however small, in order', async () => {
    const file = shortWritingFile(Number.MAX_SAFE_INTEGER);
    await writeBatched(file.handle, pieces(150, 1));
    expect(file.calls).toEqual([64, 64, 22]);
    expect([...Buffer.concat(file.written)]).toEqual(Array.from({ length: 150 }, (_, index) => index % 256));
  });
});
