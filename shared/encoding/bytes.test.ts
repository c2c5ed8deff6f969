import { describe, expect, it } from 'vitest';
import { equalBytes } from './bytes';

describe('equalBytes', () => {
  const hash = Uint8Array.from({ length: 32 }, (_, index) => index);

  it('is true for the same bytes in different arrays, and for two empty arrays', () => {
    expect(equalBytes(hash, hash.slice())).toBe(true);
    expect(equalBytes(new Uint8Array(0), new Uint8Array(0))).toBe(true);
  });

  it('is false when any one byte differs, first, middle or last', () => {
    for (const at of [0, 17, 31]) {
      const other = hash.slice();
      other[at] = (other[at] as number) ^ 1;
      expect(equalBytes(hash, other)).toBe(false);
    }
  });

  it('is false for a prefix or an extension', () => {
    expect(equalBytes(hash, hash.subarray(0, 31))).toBe(false);
    expect(equalBytes(hash.subarray(0, 31), hash)).toBe(false);
    expect(equalBytes(new Uint8Array(0), hash)).toBe(false);
  });
});
