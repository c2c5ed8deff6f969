import { beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from './random';
import { initCrypto } from './sodium';

beforeAll(async () => {
  await initCrypto();
});

describe('randomBytes', () => {
  it('returns the requested number of bytes', () => {
    expect(randomBytes(0)).toHaveLength(0);
    expect(randomBytes(24)).toHaveLength(24);
  });

  it('never returns the same 32 bytes twice', () => {
    expect(randomBytes(32)).not.toEqual(randomBytes(32));
  });

  it.each([-1, 1.5, Number.NaN])('refuses the length %s', (length) => {
    expect(() => randomBytes(length)).toThrow(RangeError);
  });
});
