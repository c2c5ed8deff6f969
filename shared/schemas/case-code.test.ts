import { describe, expect, it } from 'vitest';
import { CASE_CODE_BYTES, CaseCode, caseCodeFrom, isCaseCode } from './case-code';

describe('case codes', () => {
  it('encodes 80 random bits as C- and four groups of Crockford base32', () => {
    expect(caseCodeFrom(new Uint8Array(CASE_CODE_BYTES))).toBe('C-0000-0000-0000-0000');
    expect(caseCodeFrom(new Uint8Array(CASE_CODE_BYTES).fill(255))).toBe('C-ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    expect(caseCodeFrom(Uint8Array.from([0x3a, 0x45, 0xb7, 0x9e, 0x81, 0x22, 0x6f, 0xd0, 0x04, 0x99]))).toMatch(
      /^C-[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/,
    );
  });

  it('refuses the wrong number of random bytes', () => {
    expect(() => caseCodeFrom(new Uint8Array(8))).toThrow(RangeError);
  });

  it.each([
    'Olena Kovalenko 14.03.2014 Kherson',
    'UA-2025-0147',
    'C-0000-0000-0000-000',
    'C-0000-0000-0000-0000 ',
    'c-0000-0000-0000-0000',
    'C-IIII-0000-0000-0000',
    'C-ОЛЕН-0000-0000-0000',
  ])('is not a case code: %j', (text) => {
    expect(isCaseCode(text)).toBe(false);
    expect(CaseCode.safeParse(text).success).toBe(false);
  });
});
