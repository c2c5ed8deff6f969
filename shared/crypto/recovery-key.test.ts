import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatRecoveryKey, generateRecoveryKey, parseRecoveryKey, RecoveryKeyError } from './recovery-key';
import { initCrypto } from './sodium';

beforeAll(initCrypto);

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** A fixed key, so that the exhaustive typo test is exact rather than probabilistic. */
const FIXED = Uint8Array.from({ length: 32 }, (_, index) => (index * 37 + 11) % 256);

const reason = (typed: string): string => {
  try {
    parseRecoveryKey(typed);
    return 'accepted';
  } catch (error) {
    return error instanceof RecoveryKeyError ? error.reason : 'other error';
  }
};

describe('recovery key', () => {
  it('is 55 characters in 11 dash-separated groups of five and round-trips', () => {
    const key = generateRecoveryKey();
    const text = formatRecoveryKey(key);
    expect(text).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){10}[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(parseRecoveryKey(text)).toEqual(key);
    expect(generateRecoveryKey()).not.toEqual(key);
  });

  it('is Crockford base32 of the key and the first 2 bytes of its tagged SHA-256 (checked with node:crypto)', () => {
    const checksum = createHash('sha256').update('parley/recovery-checksum/v1\0').update(FIXED).digest().subarray(0, 2);
    const bits = [...FIXED, ...checksum].map((byte) => byte.toString(2).padStart(8, '0')).join('');
    const padded = bits.padEnd(Math.ceil(bits.length / 5) * 5, '0');
    const expected = (padded.match(/.{5}/g) ?? []).map((chunk) => ALPHABET[Number.parseInt(chunk, 2)]).join('');
    expect(formatRecoveryKey(FIXED).replace(/-/g, '')).toBe(expected);
  });

  it('reads lower case, spaces and dashes anywhere, O as 0 and I or L as 1', () => {
    const key = generateRecoveryKey();
    const compact = formatRecoveryKey(key).replace(/-/g, '');
    const sloppy = ` ${compact.slice(0, 7)}  -${compact.slice(7, 30)}\t${compact.slice(30)} `.toLowerCase();
    expect(parseRecoveryKey(sloppy)).toEqual(key);
    expect(parseRecoveryKey(compact.replace(/0/g, 'O').replace(/1/g, 'l'))).toEqual(key);
    expect(parseRecoveryKey(compact.replace(/1/g, 'I'))).toEqual(key);
  });

  it('detects one typo and says so', () => {
    const compact = formatRecoveryKey(FIXED).replace(/-/g, '');
    const typo = `${compact.slice(0, 20)}${compact[20] === 'X' ? 'Y' : 'X'}${compact.slice(21)}`;
    expect(() => parseRecoveryKey(typo)).toThrow(/typing mistake/);
  });

  it('detects every single-character substitution of a fixed key', () => {
    const compact = formatRecoveryKey(FIXED).replace(/-/g, '');
    let tried = 0;
    for (let position = 0; position < compact.length; position++) {
      for (const replacement of ALPHABET) {
        if (replacement !== compact[position]) {
          tried++;
          const typo = compact.slice(0, position) + replacement + compact.slice(position + 1);
          expect(reason(typo), `${replacement} at ${position}`).toBe('checksum');
        }
      }
    }
    expect(tried).toBe(55 * 31);
  });

  it('detects every swap of two neighbouring characters of a fixed key', () => {
    const compact = formatRecoveryKey(FIXED).replace(/-/g, '');
    for (let position = 0; position + 1 < compact.length; position++) {
      const swapped =
        compact.slice(0, position) + compact[position + 1] + compact[position] + compact.slice(position + 2);
      if (swapped !== compact) {
        expect(reason(swapped), `swap at ${position}`).toBe('checksum');
      }
    }
  });

  it('refuses a wrong length or a character outside the alphabet with a clear message', () => {
    const text = formatRecoveryKey(FIXED);
    expect(() => parseRecoveryKey(text.slice(0, -6))).toThrow(/has 55 characters; this has 50/);
    expect(() => parseRecoveryKey(`${text}-00000`)).toThrow(/has 55 characters; this has 60/);
    expect(() => parseRecoveryKey(`U${text.slice(1)}`)).toThrow(/has no "U"/);
    expect(reason('')).toBe('length');
    expect(reason(`${text.slice(0, -1)}!`)).toBe('characters');
  });

  it('refuses to format anything but 32 bytes', () => {
    expect(() => formatRecoveryKey(new Uint8Array(31))).toThrow(RangeError);
  });
});
