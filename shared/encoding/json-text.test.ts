import { describe, expect, it } from 'vitest';
import { describeJsonViolation, MAX_JSON_DEPTH, parseStrictJson, readJsonText } from './json-text';

const violationsOf = (text: string) => {
  const reading = readJsonText(text);
  if (!reading.ok) {
    throw new Error(reading.reason);
  }
  return reading.violations.map(describeJsonViolation);
};

describe('readJsonText', () => {
  it('accepts ordinary JSON with nothing to report', () => {
    expect(readJsonText('{"a":[1,-2,0,"é😀"],"b":{"c":null,"d":true,"e":0.5}}')).toEqual({
      ok: true,
      value: { a: [1, -2, 0, 'é😀'], b: { c: null, d: true, e: 0.5 } },
      violations: [],
    });
  });

  it.each([
    ['__proto__', '{"header":{"__proto__":{"claimedAt":"2020-01-01T00:00:00.000Z"}}}', 'header.__proto__'],
    ['constructor', '{"a":[{"b":{"constructor":1}}]}', 'a[0].b.constructor'],
    ['prototype', '{"prototype":"x"}', 'prototype'],
  ])('names an own %s member at any depth', (name, text, path) => {
    expect(violationsOf(text)).toEqual([`${path}: member name "${name}" is never allowed`]);
  });

  it('names a duplicate member name, even with the same value or written with an escape', () => {
    expect(violationsOf('{"v":1,"x":{"v":2},"v":1}')).toEqual(['v: member "v" appears twice in one object']);
    expect(violationsOf('{"ab":1,"a\\u0062":1}')).toEqual(['ab: member "ab" appears twice in one object']);
  });

  it('names lone surrogates in strings and member names, but not escaped pairs', () => {
    expect(violationsOf('{"s":"\\ud83d\\ude00","t":["\\ud800"],"\\udc00":1}')).toEqual([
      't[0]: string is not well-formed Unicode (it holds a lone surrogate)',
      '["\\udc00"]: member name is not well-formed Unicode (it holds a lone surrogate)',
    ]);
  });

  it.each([
    ['2.0', '2'],
    ['1e0', '1'],
    ['1E2', '100'],
    ['-0', '0'],
    ['0.50', '0.5'],
    ['9007199254740993', '9007199254740992'],
    ['1e400', 'Infinity'],
  ])('names the number %s, which is not in its canonical form', (written, canonical) => {
    expect(violationsOf(`{"n":[${written}]}`)).toEqual([
      `n[0]: number ${written} is not in its one canonical form (${canonical})`,
    ]);
  });

  it('refuses what RFC 8259 refuses, and a byte-order mark', () => {
    for (const text of ['', '{', '{"a":1,}', '[1 2]', "{'a':1}", '{"a":01}', '// c\n{}', 'NaN']) {
      expect(readJsonText(text).ok).toBe(false);
    }
    expect(readJsonText('\uFEFF{}')).toEqual({ ok: false, reason: 'starts with a byte-order mark' });
  });
});

describe('parseStrictJson', () => {
  it('gives the value of a text that keeps every rule', () => {
    expect(parseStrictJson('{"a":[1,"x"]}')).toEqual({ ok: true, value: { a: [1, 'x'] } });
  });

  it('refuses at the first breach, naming where it is', () => {
    expect(parseStrictJson('{"a":{"__proto__":{}},"b":1.0}')).toEqual({
      ok: false,
      reason: 'a.__proto__: member name "__proto__" is never allowed',
      path: ['a', '__proto__'],
    });
    expect(parseStrictJson('{"a":')).toMatchObject({ ok: false, reason: expect.stringMatching(/^not JSON: /) });
  });
});

describe('nesting depth', () => {
  it(`refuses arrays and objects nested deeper than ${MAX_JSON_DEPTH} levels, without walking them`, () => {
    const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
    expect(readJsonText(deep(MAX_JSON_DEPTH))).toMatchObject({ ok: true });
    expect(readJsonText(deep(MAX_JSON_DEPTH + 1))).toEqual({
      ok: false,
      reason: `arrays and objects nest deeper than ${MAX_JSON_DEPTH} levels`,
    });
    expect(readJsonText(deep(200_000))).toMatchObject({ ok: false });
    // Brackets inside strings, escaped quotes included, do not count.
    expect(readJsonText(JSON.stringify({ text: `\\"${'['.repeat(500)}` }))).toMatchObject({ ok: true });
  });
});
