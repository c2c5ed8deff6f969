import { describe, expect, it } from 'vitest';
import { utf8String } from './bytes';
import { type CanonicalValue, canonicalBytes, canonicalBytesWithAndWithout } from './canonical';

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

describe('canonicalBytesWithAndWithout', () => {
  const without = (value: Record<string, CanonicalValue>, key: string) =>
    Object.fromEntries(Object.entries(value).filter(([name]) => name !== key));

  it.each([
    ['a member in the middle', { b: 1, a: ['x', { d: 2, c: 'é' }], c: { z: 'y' } }, 'b'],
    ['the first member', { b: 1, a: 'first' }, 'a'],
    ['the last member', { b: 1, a: 'first' }, 'b'],
    ['the only member', { only: 'one' }, 'only'],
    ['a member it does not have', { b: 1, a: 'x' }, 'c'],
    ['a name that sorts by UTF-16 code units', { '\u{1F600}': 1, '\uFFFF': 2, é: 3, e: 4, E: 5 }, '\uFFFF'],
    ['a name that needs escaping', { 'a"b': 1, 'a\nb': 2, 'a\\b': 3 }, 'a\nb'],
    ['a nested member of the same name, kept', { h: 'top', n: { h: 'nested' } }, 'h'],
    ['the empty object', {}, 'a'],
  ])('gives canonicalBytes of the whole and of the rest, for %s', (_, value, omitted) => {
    const pair = canonicalBytesWithAndWithout(value as Record<string, CanonicalValue>, omitted);
    expect(utf8String(pair.whole)).toBe(utf8String(canonicalBytes(value as CanonicalValue)));
    expect(utf8String(pair.without)).toBe(utf8String(canonicalBytes(without(value, omitted))));
  });

  it.each([
    ['an array', ['a']],
    ['a string', 'a'],
    ['a date', new Date(0)],
    ['a member holding a float', { a: 1, n: { f: 1.5 } }],
    ['a member holding undefined', { a: 1, n: undefined }],
    ['a member holding null, even the omitted one', { a: 1, n: null }],
  ])('refuses %s as canonicalBytes does', (_, value) => {
    expect(() => canonicalBytesWithAndWithout(value as never, 'n')).toThrow(TypeError);
  });
});
