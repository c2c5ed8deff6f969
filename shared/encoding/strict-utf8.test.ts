import { describe, expect, it } from 'vitest';
import { decodeStrictUtf8 } from './strict-utf8';

describe('decodeStrictUtf8', () => {
  it('decodes UTF-8, keeping a leading byte-order mark', () => {
    expect(decodeStrictUtf8(Uint8Array.of(0x7b, 0xc3, 0xa9, 0x7d))).toEqual({ ok: true, text: '{é}' });
    expect(decodeStrictUtf8(Uint8Array.of(0xef, 0xbb, 0xbf, 0x31))).toEqual({ ok: true, text: '\uFEFF1' });
  });

  it.each([
    ['a stray continuation byte', [0x22, 0x80, 0x22]],
    ['a truncated sequence', [0x22, 0xe2, 0x82]],
    ['an overlong encoding', [0xc0, 0xaf]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['a byte that never occurs', [0xff]],
  ])('refuses %s instead of repairing it', (_, bytes) => {
    expect(decodeStrictUtf8(Uint8Array.from(bytes))).toEqual({ ok: false, reason: 'is not valid UTF-8' });
  });
});
