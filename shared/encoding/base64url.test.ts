import { afterEach, describe, expect, it } from 'vitest';
import { type Base64urlCodec, base64url, chooseCodec, nodeBufferCodec, scureCodec, uint8ArrayCodec } from './base64url';

// A deterministic generator, so that a failure names a reproducible case.
const generator = (seed: number) => {
  let state = seed;
  return (below: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state % below;
  };
};

const bytesOf = (length: number, next: (below: number) => number) => Uint8Array.from({ length }, () => next(256));

const outcome = (codec: Base64urlCodec, text: string): Uint8Array | 'refused' => {
  try {
    return codec.decode(text);
  } catch {
    return 'refused';
  }
};

const node = nodeBufferCodec();
if (node === undefined) {
  throw new Error('these tests run in Node, which has Buffer');
}

// What a browser's lenient `Uint8Array.fromBase64` accepts that the strict form does not: padding,
// whitespace, non-zero trailing bits. Stubbed from Buffer to test the wiring in Node 20, which lacks it.
const installTc39Stub = () => {
  const target = Uint8Array as unknown as Record<string, unknown> & { prototype: Record<string, unknown> };
  target['fromBase64'] = (text: string) => {
    if (/[^A-Za-z0-9\-_=\s]/.test(text)) {
      throw new SyntaxError('bad character');
    }
    return new Uint8Array(Buffer.from(text, 'base64url'));
  };
  target.prototype['toBase64'] = function (this: Uint8Array) {
    return Buffer.from(this).toString('base64url');
  };
  return () => {
    delete target['fromBase64'];
    delete target.prototype['toBase64'];
  };
};

const malformed = (body: string): string[] => [
  `${body}A`, // a length no encoding has (4n + 1)
  `${body}AA==`, // padding
  `${body}AAA=`,
  `${body}A A`, // whitespace
  `${body}AA\n`,
  `${body}+/AA`, // the other alphabet
  `${body}*AAA`, // a character of neither
  `${body}éAAA`,
  `${body}AB`, // non-zero trailing bits: one byte is "AA"
  `${body}AAB`, // two bytes end in a multiple of 4 bits
  `=${body}`,
];

describe('base64url', () => {
  let uninstall: (() => void) | undefined;
  afterEach(() => {
    uninstall?.();
    uninstall = undefined;
  });

  const short = 'QUJD';
  const long = 'QUJD'.repeat(64); // past the length where the native codec takes over

  it.each([
    ['the codec in use', base64url],
    ['Node Buffer made strict', chooseCodec(node)],
  ])('%s encodes as the reference does and decodes back, at every length up to 600 bytes', (_name, codec) => {
    const next = generator(7);
    for (let length = 0; length <= 600; length += 1) {
      const bytes = bytesOf(length, next);
      const text = scureCodec.encode(bytes);
      expect(codec.encode(bytes)).toBe(text);
      const decoded = codec.decode(text);
      expect(decoded).toEqual(bytes);
      expect(decoded.constructor).toBe(Uint8Array);
    }
  });

  it.each([
    ['short', short],
    ['long', long],
  ])('refuses every malformed %s text the reference refuses', (_size, body) => {
    for (const text of malformed(body)) {
      expect(outcome(scureCodec, text), text).toBe('refused');
      expect(outcome(base64url, text), text).toBe('refused');
      expect(outcome(chooseCodec(node), text), text).toBe('refused');
    }
  });

  it('agrees with the reference on random texts over a hostile alphabet', () => {
    const next = generator(11);
    const alphabet = 'AQgw_-+/= \n*';
    const strict = chooseCodec(node);
    let accepted = 0;
    for (let trial = 0; trial < 4000; trial += 1) {
      const length = 120 + next(30);
      const text = Array.from({ length }, () =>
        next(20) === 0 ? (alphabet[next(alphabet.length)] as string) : 'AQgw_-'[next(6)],
      ).join('');
      const expected = outcome(scureCodec, text);
      expect(outcome(strict, text), text).toEqual(expected);
      accepted += expected === 'refused' ? 0 : 1;
    }
    // Both outcomes were exercised, so the agreement means something.
    expect(accepted).toBeGreaterThan(100);
    expect(accepted).toBeLessThan(3900);
  });

  it('hands out bytes of their own, not a view into a shared pool', () => {
    const decoded = base64url.decode(long);
    expect(decoded.byteOffset).toBe(0);
    expect(decoded.buffer.byteLength).toBe(decoded.length);
  });

  it('uses TC39 Uint8Array.fromBase64 where it exists, made strict', () => {
    expect(uint8ArrayCodec()).toBeUndefined();
    uninstall = installTc39Stub();
    const tc39 = uint8ArrayCodec();
    if (tc39 === undefined) {
      throw new Error('the stub was not taken');
    }
    expect(outcome(tc39, `${long}AA==`)).not.toBe('refused'); // lenient by itself
    const codec = chooseCodec(tc39);
    const bytes = bytesOf(300, generator(3));
    expect(codec.decode(codec.encode(bytes))).toEqual(bytes);
    for (const text of malformed(long)) {
      expect(outcome(codec, text), text).toBe('refused');
    }
  });

  it('falls back to the reference where the runtime has no native codec', () => {
    expect(chooseCodec(undefined)).toBe(scureCodec);
  });
});
