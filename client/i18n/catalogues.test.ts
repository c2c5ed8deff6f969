import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './languages';

const LOCALES = join(import.meta.dirname, 'locales');

const keyPaths = (value: unknown, prefix = ''): string[] =>
  typeof value === 'object' && value !== null
    ? Object.entries(value).flatMap(([key, inner]) => keyPaths(inner, prefix ? `${prefix}.${key}` : key))
    : [prefix];

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const leaves = (value: unknown, prefix = ''): [string, string][] =>
  typeof value === 'object' && value !== null
    ? Object.entries(value).flatMap(([key, inner]) => leaves(inner, prefix ? `${prefix}.${key}` : key))
    : [[prefix, String(value)]];

/** i18next plural forms differ by language (English: one/other; Ukrainian, Russian: one/few/many/other). */
const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (key: string) => key.replace(PLURAL, '');
const baseKeys = (value: unknown) => [...new Set(keyPaths(value).map(base))].sort();

const load = (language: string, file: string) =>
  JSON.parse(readFileSync(join(LOCALES, language, file), 'utf8')) as unknown;

describe('catalogues', () => {
  const english = readdirSync(join(LOCALES, 'en')).filter((file) => file.endsWith('.json'));

  it.each(LANGUAGES.map((language) => language.code))('%s has the same namespace files as English', (code) => {
    expect(readdirSync(join(LOCALES, code)).sort()).toEqual(english.sort());
  });

  it.each(english)('%s: every language has exactly the English keys, with the same placeholders', (file) => {
    const reference = Object.fromEntries(
      leaves(load('en', file)).map(([key, text]) => [base(key), placeholders(text)]),
    );
    for (const { code } of LANGUAGES) {
      const catalogue = load(code, file);
      expect(baseKeys(catalogue), `${code}/${file}`).toEqual(Object.keys(reference).sort());
      for (const [key, text] of leaves(catalogue)) {
        expect(placeholders(text), `${code}/${file} ${key}`).toEqual(reference[base(key)]);
        expect(text.trim(), `${code}/${file} ${key} is empty`).not.toBe('');
      }
    }
  });

  it.each(english)('%s: Ukrainian and Russian are translated, not copies of English', (file) => {
    const reference = new Map(leaves(load('en', file)));
    for (const code of ['uk', 'ru']) {
      const copied = leaves(load(code, file)).filter(
        ([key, text]) => /[a-z]{4,}/i.test(text) && text === reference.get(key),
      );
      expect(
        copied.map(([key]) => key),
        `${code}/${file}`,
      ).toEqual([]);
    }
  });
});
