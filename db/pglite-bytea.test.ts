import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGLITE_BYTEA_CODEC, parseBytea, serializeBytea } from './pglite-bytea';

describe('the native bytea codec for PGlite', () => {
  it('reads and writes the hex format', () => {
    expect(parseBytea('\\x00ff10')).toEqual(new Uint8Array([0, 255, 16]));
    expect(parseBytea('\\xABcd')).toEqual(new Uint8Array([0xab, 0xcd]));
    expect(parseBytea('\\x')).toEqual(new Uint8Array(0));
    expect(serializeBytea(new Uint8Array([0, 255, 16]))).toBe('\\x00ff10');
    // A view into a larger buffer, as Buffer's pool hands out: only its own bytes.
    expect(serializeBytea(Buffer.from([9, 1, 2, 9]).subarray(1, 3))).toBe('\\x0102');
  });

  it('returns an array that owns its bytes', () => {
    const bytes = parseBytea('\\x0102');
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(2);
  });

  it('refuses what is not the hex format rather than guessing', () => {
    for (const text of ['0102', '\\x010', '\\x01zz', '\\001\\002', '\\x01 2']) {
      expect(() => parseBytea(text), text).toThrow(TypeError);
    }
    expect(() => serializeBytea('0102')).toThrow(TypeError);
    expect(() => serializeBytea([1, 2])).toThrow(TypeError);
  });

  describe('in PGlite', () => {
    let db: PGlite;
    beforeAll(async () => {
      db = await PGlite.create(PGLITE_BYTEA_CODEC);
    });
    afterAll(async () => {
      await db.close();
    });

    it('round-trips every byte value, as a value and in an array', async () => {
      const every = Uint8Array.from({ length: 256 }, (_, index) => index);
      const { rows } = await db.query<{ value: Uint8Array; hex: string; list: Uint8Array[] }>(
        "select $1::bytea as value, encode($1::bytea, 'hex') as hex, array[$1::bytea, '\\x0a'::bytea] as list",
        [every],
      );
      const [row] = rows;
      expect(row?.value).toEqual(every);
      expect(row?.hex).toBe(Buffer.from(every).toString('hex'));
      expect(row?.list).toEqual([every, new Uint8Array([10])]);
    });

    it("is the codec PGlite uses: its refusal, not PGlite's own, answers a parameter that is not bytes", async () => {
      await expect(db.query('select $1::bytea as value', ['0102'])).rejects.toThrow('must be a Uint8Array');
    });
  });
});
