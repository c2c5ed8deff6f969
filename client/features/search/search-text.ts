/**
 * How words are compared in search: Cyrillic and Latin are both folded to lower-case ASCII by a
 * maintained transliteration table, so "Olena Kovalenko" and "Олена Коваленко" meet on one term.
 */
import { transliterate } from 'transliteration';

/** One word (or a whole query) in the form the index stores and looks up. */
export const foldForSearch = (text: string): string =>
  transliterate(text.normalize('NFC'))
    .toLowerCase()
    .replaceAll(/[^a-z0-9]+/g, ' ')
    .trim();

const IDENTIFIER = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[A-Za-z0-9_-]{43})$/;

/**
 * Every human text in decrypted content: string leaves, except ids and hashes (nobody searches for
 * a UUID) and the keys and digests of attachments.
 */
export const textsOf = (value: unknown): string[] => {
  if (typeof value === 'string') {
    return IDENTIFIER.test(value) ? [] : [value];
  }
  if (Array.isArray(value)) {
    return value.flatMap(textsOf);
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      key === 'key' || key === 'digest' || key === 'header' ? [] : textsOf(item),
    );
  }
  return [];
};
