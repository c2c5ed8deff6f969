/**
 * Full-text search in the browser with MiniSearch: words folded by `foldForSearch`, prefixes and
 * small misspellings tolerated (a passport's "Yuliia" finds a record's "Юлія").
 */
import MiniSearch from 'minisearch';
import type { SearchDocument, SearchKind } from './search-documents';
import { foldForSearch } from './search-text';

/** A search hit: the document and its score. */
export type SearchHit = SearchDocument & { readonly score: number };

/** An index over `documents`. */
export const buildSearchIndex = (documents: readonly SearchDocument[]): MiniSearch<SearchDocument> => {
  const index = new MiniSearch<SearchDocument>({
    fields: ['title', 'text'],
    storeFields: ['id', 'kind', 'title', 'text', 'link'],
    processTerm: (term) => foldForSearch(term) || null,
    tokenize: (text) => foldForSearch(text).split(' '),
    searchOptions: { prefix: true, fuzzy: 0.2, combineWith: 'AND', boost: { title: 2 } },
  });
  index.addAll(documents);
  return index;
};

/** Hits for `query` (every word must match), of the given kinds, best first. */
export const searchIndex = (
  index: MiniSearch<SearchDocument>,
  query: string,
  kinds: ReadonlySet<SearchKind>,
): SearchHit[] => {
  if (foldForSearch(query) === '') {
    return [];
  }
  return index.search(query, { filter: (result) => kinds.has(result['kind'] as SearchKind) }).map((result) => ({
    id: result['id'] as string,
    kind: result['kind'] as SearchKind,
    title: result['title'] as string,
    text: result['text'] as string,
    link: result['link'] as string,
    score: result.score,
  }));
};
