import { describe, expect, it } from 'vitest';
import { toBase64url } from '../../shared/encoding/bytes';
import { base64url } from './base64url';

describe('base64url', () => {
  it('agrees with shared toBase64url on every length up to 40, unpadded', () => {
    const source = Uint8Array.from({ length: 40 }, (_, index) => (index * 97 + 251) % 256);
    for (let length = 0; length <= source.length; length += 1) {
      const bytes = source.subarray(0, length);
      expect(base64url(bytes)).toBe(toBase64url(bytes));
      expect(base64url(bytes)).not.toContain('=');
    }
  });

  it('encodes only the view it is given, not the rest of its buffer', () => {
    const whole = Uint8Array.from([0xff, 0xfb, 0x01, 0x02, 0xff]);
    expect(base64url(whole.subarray(2, 4))).toBe('AQI');
  });
});
