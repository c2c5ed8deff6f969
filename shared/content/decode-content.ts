/**
 * Plaintext bytes (after opening and unpadding an entry) to validated content of the type the
 * signed header states.
 */

import { equalBytes, utf8String } from '../encoding/bytes';
import { type CanonicalValue, canonicalBytes } from '../encoding/canonical';
import type { EntryType } from '../schemas/entry-type';
import { ContentError } from './content-error';
import { describeIssues } from './encode-content';
import { type ContentOf, EntryContent } from './entry-content';

/**
 * Parses `bytes` as the content of an entry whose header says `expectedType`. Refuses, with a
 * `ContentError`, bytes that are not UTF-8 JSON, not canonical (so one content has one encoding:
 * no duplicate keys, whitespace, floats, booleans or null), not valid for any type, or of
 * another type than the header's.
 */
export const decodeContent = <T extends EntryType>(bytes: Uint8Array, expectedType: T): ContentOf<T> => {
  let value: unknown;
  try {
    value = JSON.parse(utf8String(bytes));
  } catch {
    throw new ContentError('not-utf8-json');
  }
  let canonical: Uint8Array;
  try {
    canonical = canonicalBytes(value as CanonicalValue);
  } catch (error) {
    throw new ContentError('not-canonical', error instanceof Error ? error.message : undefined);
  }
  if (!equalBytes(canonical, bytes)) {
    throw new ContentError('not-canonical');
  }
  const parsed = EntryContent.safeParse(value);
  if (!parsed.success) {
    throw new ContentError('invalid-content', describeIssues(parsed.error.issues));
  }
  if (parsed.data.type !== expectedType) {
    throw new ContentError('type-mismatch', `header says ${expectedType}, content says ${parsed.data.type}`);
  }
  return parsed.data as ContentOf<T>;
};
