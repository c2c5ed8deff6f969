import type { FileHandle } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { writeAll } from './attachment-files';

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

  it('writes a batch in one call when the file takes it all, and nothing for an empty batch', async () => {
    const file = shortWritingFile(Number.MAX_SAFE_INTEGER);
    await writeAll(file.handle, [Buffer.from('one'), Buffer.from('two')]);
    await writeAll(file.handle, []);
    expect(file.calls).toEqual([2]);
    expect(Buffer.concat(file.written).toString()).toBe('onetwo');
  });
});
