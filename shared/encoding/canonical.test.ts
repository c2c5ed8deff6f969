import { describe, expect, it } from 'vitest';
import { utf8String } from './bytes';
import { canonicalBytes } from './canonical';

describe('canonicalBytes', () => {
  it('sorts keys and drops insignificant whitespace (RFC 8785)', () => {
    expect(utf8String(canonicalBytes({ b: 1, a: ['x', { d: 2, c: 'é' }] }))).toBe('{"a":["x",{"c":"é","d":2}],"b":1}');
  });

  it('gives the same bytes whatever order the keys were written in', () => {
    expect(canonicalBytes({ a: 1, b: 'two' })).toEqual(canonicalBytes({ b: 'two', a: 1 }));
  });

  it('escapes as RFC 8785 requires', () => {
    expect(utf8String(canonicalBytes({ s: '\u0000"\\\n\u2028' }))).toBe('{"s":"\\u0000\\"\\\\\\n\u2028"}');
  });

  it.each([
    ['a float', { n: 1.5 }],
    ['an unsafe integer', { n: 2 ** 53 }],
    ['null', { n: null }],
    ['undefined', { n: undefined }],
    ['a boolean', { n: true }],
    ['a date', { n: new Date(0) }],
  ])('refuses %s', (_, value) => {
    expect(() => canonicalBytes(value as never)).toThrow(TypeError);
  });
});
