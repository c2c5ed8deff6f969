import { describe, expect, it } from 'vitest';
import type { SearchDocument, SearchKind } from './search-documents';
import { buildSearchIndex, searchIndex } from './search-index';
import { foldForSearch, textsOf } from './search-text';

const ALL = new Set<SearchKind>(['child', 'letter', 'minutes']);

const documents: SearchDocument[] = [
  { id: 'c1', kind: 'child', title: 'Олена Коваленко', text: 'Олена Андріївна Коваленко Херсон', link: '/cases/1' },
  { id: 'c2', kind: 'child', title: 'Юлія Мороз', text: 'Юлія Мороз Маріуполь', link: '/cases/2' },
  { id: 'c3', kind: 'child', title: 'Artem Shevchuk', text: 'Artem Shevchuk Kharkiv', link: '/cases/3' },
  {
    id: 'l1',
    kind: 'letter',
    title: 'Request for return',
    text: 'Excellency, I have the honour to request the return before the winter',
    link: '/threads/1#entry-2',
  },
  {
    id: 'm1',
    kind: 'minutes',
    title: 'Call',
    text: 'The registry confirmed the Doha channel list',
    link: '/threads/1',
  },
];

describe('search in the browser', () => {
  const index = buildSearchIndex(documents);
  const ids = (query: string, kinds = ALL) => searchIndex(index, query, kinds).map((hit) => hit.id);

  it('finds a child by Cyrillic and by Latin transliteration', () => {
    expect(ids('Олена Коваленко')).toEqual(['c1']);
    expect(ids('Olena Kovalenko')).toEqual(['c1']);
    expect(ids('kovalenko')).toEqual(['c1']);
    // The passport spelling differs from the library's table ("Yuliya"): tolerated.
    expect(ids('Yuliia Moroz')).toEqual(['c2']);
    expect(ids('Артем Шевчук')).toEqual(['c3']);
  });

  it('finds a phrase in a letter and in minutes, and filters by kind', () => {
    expect(ids('return before the winter')).toEqual(['l1']);
    expect(ids('Doha channel')).toEqual(['m1']);
    expect(ids('Doha channel', new Set<SearchKind>(['letter']))).toEqual([]);
  });

  it('finds nothing for an empty query or an unknown name', () => {
    expect(ids('  ')).toEqual([]);
    expect(ids('Taras Bulba')).toEqual([]);
  });

  it('folds scripts and case, and leaves ids and attachment keys out of the text', () => {
    expect(foldForSearch('Олена КОВАЛЕНКО')).toBe('olena kovalenko');
    expect(
      textsOf({
        name: 'Olena',
        caseId: '0b7f4f8e-3c55-4c2b-9a53-2bb3c1b1a001',
        photo: { key: 'secret', name: 'a.png' },
      }),
    ).toEqual(['Olena', 'a.png']);
  });
});
