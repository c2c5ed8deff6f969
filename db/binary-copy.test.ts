import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BinaryCopyColumn } from './binary-copy';

// Written from the format's documentation, independently of the reader.
const SIGNATURE = Buffer.from([0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00]);
const int16 = (value: number) => Buffer.from([(value >> 8) & 0xff, value & 0xff]);
const int32 = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeInt32BE(value);
  return bytes;
};
const header = (flags = 0, extension = Buffer.alloc(0)) =>
  Buffer.concat([SIGNATURE, int32(flags), int32(extension.length), extension]);
const row = (value: Buffer) => Buffer.concat([int16(1), int32(value.length), value]);
const TRAILER = int16(-1);
const copyOutput = (values: Buffer[], head = header()) => Buffer.concat([head, ...values.map(row), TRAILER]);

const readInChunks = (output: Buffer, sizes: (at: number) => number) => {
  const reader = new BinaryCopyColumn();
  const slices: Buffer[] = [];
  for (let at = 0; at < output.length; ) {
    const size = Math.max(1, sizes(at));
    slices.push(...reader.push(output.subarray(at, at + size)));
    at += size;
  }
  return { bytes: Buffer.concat(slices), rows: reader.end(), slices };
};

describe('BinaryCopyColumn', () => {
  const values = [randomBytes(300), Buffer.alloc(0), randomBytes(1), randomBytes(70_000)];
  const output = copyOutput(values);

  it('gives back every row’s bytes in order, however the output is split', () => {
    for (const sizes of [() => output.length, () => 1, () => 7, () => 65_536, () => Math.ceil(Math.random() * 5_000)]) {
      const read = readInChunks(output, sizes);
      expect(read.rows).toBe(4);
      expect(read.bytes.equals(Buffer.concat(values))).toBe(true);
    }
  });

  it('hands out views into the chunks, not copies', () => {
    const read = readInChunks(output, () => output.length);
    expect(read.slices.every((slice) => slice.buffer === output.buffer)).toBe(true);
  });

  it('reads an output with no rows', () => {
    expect(readInChunks(copyOutput([]), () => 3)).toMatchObject({ rows: 0, bytes: Buffer.alloc(0) });
  });

  it('skips a header extension and ignores the low flag bits', () => {
    const extended = copyOutput(values, header(0x0000_0001, Buffer.from('future')));
    expect(readInChunks(extended, () => 5).bytes.equals(Buffer.concat(values))).toBe(true);
  });

  it('refuses what is not one non-null column per row of binary COPY', () => {
    const refusals: [Buffer, RegExp][] = [
      [Buffer.concat([Buffer.from('PGCOPY\n\xfe\r\n\0', 'latin1'), output.subarray(11)]), /signature/],
      [copyOutput(values, header(0x0001_0000)), /flags/],
      [
        Buffer.concat([header(), int16(2), int32(1), Buffer.from('a'), int32(1), Buffer.from('b'), TRAILER]),
        /2 columns/,
      ],
      [Buffer.concat([header(), int16(1), int32(-1), TRAILER]), /null/],
      [Buffer.concat([output, Buffer.from([0])]), /after the trailer/],
    ];
    for (const [bad, reason] of refusals) {
      expect(() => readInChunks(bad, () => 4)).toThrow(reason);
    }
  });

  it('refuses an output that stops short, wherever it stops', () => {
    for (const cut of [0, 5, 19, 20, 22, 24, 100, output.length - 1]) {
      expect(() => readInChunks(output.subarray(0, cut), () => 4096)).toThrow(/stopped before its trailer/);
    }
  });
});
