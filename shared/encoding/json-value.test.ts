import { describe, expect, it } from 'vitest';
import { findJsonValueViolations } from './json-value';

describe('findJsonValueViolations', () => {
  it('finds nothing in a plain value', () => {
    expect(findJsonValueViolations({ a: [1, 'é😀', { b: null }] })).toEqual([]);
  });

  it('names own forbidden members that JSON.parse keeps, at any depth', () => {
    const value = JSON.parse('{"h":{"__proto__":{"x":1},"m":[{"constructor":1}]},"prototype":2}') as unknown;
    expect(findJsonValueViolations(value).map(({ path }) => path)).toEqual([
      ['h', '__proto__'],
      ['h', 'm', 0, 'constructor'],
      ['prototype'],
    ]);
  });

  it('ignores inherited names: an object literal with a prototype has no own __proto__ member', () => {
    expect(findJsonValueViolations({ a: Object.create({ constructor: 1 }) as object })).toEqual([]);
  });

  it('names lone surrogates in strings and names', () => {
    expect(findJsonValueViolations({ a: ['\ud800'], ['b\udfff']: 'c' })).toEqual([
      { path: ['a', 0], reason: 'string is not well-formed Unicode (it holds a lone surrogate)' },
      { path: ['b\udfff'], reason: 'member name is not well-formed Unicode (it holds a lone surrogate)' },
    ]);
  });
});
