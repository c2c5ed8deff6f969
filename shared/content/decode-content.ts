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
import { SEEN_CHECKPOINT_MEMBER, SeenCheckpoint } from './seen-checkpoint';

/** Content and the checkpoint gossip that travelled beside it in the plaintext, if any. */
export type DecodedPlaintext<T extends EntryType> = {
  readonly content: ContentOf<T>;
  readonly seenCheckpoint?: string;
};

/**
 * Parses `bytes` as the content of an entry whose header says `expectedType`. Refuses, with a
 * `ContentError`, bytes that are not UTF-8 JSON, not canonical (so one content has one encoding:
 * no duplicate keys, whitespace, floats, booleans or null), not valid for any type, or of
 * another type than the header's.
 */
export const decodeContent = <T extends EntryType>(bytes: Uint8Array, expectedType: T): ContentOf<T> =>
  decodePlaintext(bytes, expectedType).content;

/**
 * As {@link decodeContent}, also answering the optional `seenCheckpoint` member (a checkpoint
 * note the author's client verified, seen-checkpoint.ts), which is refused when not a string of
 * at most 8,192 characters.
 */
export const decodePlaintext = <T extends EntryType>(bytes: Uint8Array, expectedType: T): DecodedPlaintext<T> => {
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
  const { content, seen } = splitSeenCheckpoint(value);
  const parsed = EntryContent.safeParse(content);
  if (!parsed.success) {
    throw new ContentError('invalid-content', describeIssues(parsed.error.issues));
  }
  if (parsed.data.type !== expectedType) {
    throw new ContentError('type-mismatch', `header says ${expectedType}, content says ${parsed.data.type}`);
  }
  if (seen === undefined) {
    return { content: parsed.data as ContentOf<T> };
  }
  const checkpoint = SeenCheckpoint.safeParse(seen);
  if (!checkpoint.success) {
    const issues = checkpoint.error.issues.map((issue) => ({
      ...issue,
      path: [SEEN_CHECKPOINT_MEMBER, ...issue.path],
    }));
    throw new ContentError('invalid-content', describeIssues(issues));
  }
  return { content: parsed.data as ContentOf<T>, seenCheckpoint: checkpoint.data };
};

// The gossip member is taken off before the content schema (strict per type) sees the object.
const splitSeenCheckpoint = (value: unknown): { content: unknown; seen?: unknown } => {
  if (
    typeof value !== 'object' ||
    value === null ||
    Array.isArray(value) ||
    !Object.hasOwn(value, SEEN_CHECKPOINT_MEMBER)
  ) {
    return { content: value };
  }
  const { [SEEN_CHECKPOINT_MEMBER]: seen, ...content } = value as Record<string, unknown>;
  return { content, seen };
};
