import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { untranslatedText } from './untranslated-text';

const ROOT = join(import.meta.dirname, '..', '..');

const screens = readdirSync(join(ROOT, 'client'), { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.tsx') && !path.endsWith('.test.tsx'))
  .map((path) => `client/${path}`)
  .sort();

const untranslatedIn = (file: string) => untranslatedText(readFileSync(join(ROOT, file), 'utf8'));

describe('every word a screen shows comes from a catalogue', () => {
  it('finds the screens', () => {
    expect(screens.length).toBeGreaterThan(100);
  });

  it.each(screens)('%s', (file) => {
    expect(untranslatedIn(file)).toEqual([]);
  });
});

describe('the scanner', () => {
  it('finds JSX text, read attributes and literals shown in JSX', () => {
    const found = untranslatedText(
      `export const A = ({ n }: { n: number }) => (
        <p title="Hover text" className="not-read">
          Hello there {n > 1 ? 'items' : \`item\`} {'·'} <code>npm run verify</code> Parley
          <input aria-label={'Search cases'} placeholder="e.g. Olena" />
          <LockedNotice action="open a case" />
        </p>
      );`,
    );
    expect(found.map((hit) => hit.text).sort()).toEqual(
      ['Hover text', 'Hello there', 'items', 'item', 'Search cases', 'e.g. Olena', 'open a case'].sort(),
    );
  });

  it('accepts text from a catalogue', () => {
    expect(untranslatedText(`export const A = () => <p title={t('hint')}>{t('hello')} · 3</p>;`)).toEqual([]);
  });
});
