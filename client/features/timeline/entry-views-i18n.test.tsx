import { describe, expect, it } from 'vitest';
import type { ContentView } from '../../entries/content-view';
import { renderInLanguage } from '../../i18n/render-in-language';
import { EntryContentView } from './EntryContentView';

const render = renderInLanguage;

const ENTITIES: Readonly<Record<string, string>> = {
  '&#x27;': "'",
  '&quot;': '"',
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
};

/** The text a person reads: markup without tags, with React's escapes read back. */
const text = (markup: string) =>
  markup.replace(/<[^>]*>/g, '').replace(/&#x27;|&quot;|&lt;|&gt;|&amp;/g, (entity) => ENTITIES[entity] ?? entity);

// Digits only, so that the shortened hash shown is not mistaken for a word.
const HASH = '0123456789'.repeat(6).slice(0, 64);

/** Contents of the kinds this folder lays out, with what people typed in Ukrainian. */
const CONTENTS: [string, ContentView][] = [
  ['case_open', { type: 'case_open', names: [], unknownName: 'yes' } as ContentView],
  [
    'status_change',
    {
      type: 'status_change',
      status: 'reunified',
      note: 'Передано бабусі.',
      effectiveDate: '2026-03-04',
      locationConfidence: 'confirmed_by_intermediary',
      reunifiedWith: [{ relation: 'grandparent', name: 'Ганна' }],
      disputedEntry: HASH,
      consentEvidence: HASH,
      listRef: HASH,
      commitmentRef: HASH,
    } as ContentView,
  ],
  ['evidence', { type: 'evidence', caseId: 'c', kind: 'handover_record', summary: 'Акт підписано.', attachments: [] }],
  [
    'amendment',
    {
      type: 'amendment',
      reason: 'Помилка в даті.',
      replacement: { type: 'evidence', caseId: 'c', kind: 'biography', summary: 'Нова редакція.', attachments: [] },
    } as ContentView,
  ],
  ['retraction', { type: 'retraction', reason: 'Дубль.' }],
  ['acknowledgement', { type: 'acknowledgement' }],
  ['acknowledgement with a note', { type: 'acknowledgement', note: 'Отримано в Дохі.' }],
  ['membership_consent', { type: 'membership_consent' } as ContentView],
  [
    'disclosure',
    {
      type: 'disclosure',
      purpose: 'перевірка',
      scope: 'entries',
      grants: [{ entryHash: HASH }, { entryHash: HASH }, { entryHash: HASH }],
    } as ContentView,
  ],
];

describe('entry contents speak the language on screen', () => {
  it.each(CONTENTS)('%s: no English word in Ukrainian or Russian', (_, content) => {
    for (const language of ['uk', 'ru']) {
      expect(
        text(render(language, <EntryContentView content={content} />)).match(/[A-Za-z]{3,}/g),
        language,
      ).toBeNull();
    }
  });

  it('keeps the English sentences the browser tests read', () => {
    const english = (content: ContentView) => text(render('en', <EntryContentView content={content} />));
    expect(
      english({ type: 'evidence', caseId: 'c', kind: 'consent_record', summary: 'Daryna asks.', attachments: [] }),
    ).toBe("Evidence (the person's own consent record): Daryna asks.");
    expect(english({ type: 'acknowledgement' })).toBe('Received.');
    expect(english(CONTENTS[8]?.[1] as ContentView)).toBe('Content keys of 3 entries disclosed for: перевірка');
    expect(english(CONTENTS[1]?.[1] as ContentView)).toContain('Status set to Reunified as of 4 Mar 2026');
  });

  it('counts entries with the plural forms of each language', () => {
    const disclosed = (language: string, count: number) =>
      text(
        render(
          language,
          <EntryContentView
            content={
              {
                type: 'disclosure',
                purpose: 'p',
                scope: 'entries',
                grants: Array.from({ length: count }, () => ({ entryHash: HASH })),
              } as ContentView
            }
          />,
        ),
      );
    expect(disclosed('en', 1)).toBe('Content keys of 1 entry disclosed for: p');
    expect(disclosed('uk', 3)).toBe('Ключі змісту 3 записів розкрито з метою: p');
    expect(disclosed('ru', 21)).toBe('Ключи содержания 21 записи раскрыты с целью: p');
  });
});
