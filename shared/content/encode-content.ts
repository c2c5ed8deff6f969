/**
 * Entry content to plaintext bytes: validated against its schema, then canonical JSON
 * (docs/PROTOCOL.md §1.2) so that every client produces the same bytes for the same content.
 */
import { type CanonicalValue, canonicalBytes } from '../encoding/canonical';
import { ContentError } from './content-error';
import { EntryContent } from './entry-content';
import { SeenCheckpoint } from './seen-checkpoint';

/** Path and message of each schema issue; never the values, which are personal data. */
export const describeIssues = (issues: readonly { path: readonly PropertyKey[]; message: string }[]): string =>
  issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');

/** What travels beside the content in the same plaintext: the checkpoint gossip (seen-checkpoint.ts). */
export type ContentExtras = { readonly seenCheckpoint?: string | undefined };

/**
 * The plaintext to seal for `content`, with `extras.seenCheckpoint` as a top-level member when
 * given. Throws `ContentError` (`invalid-content`, or `not-canonical` for a member set to
 * `undefined`) rather than encode anything a reader would refuse.
 */
export const encodeContent = (content: EntryContent, extras: ContentExtras = {}): Uint8Array => {
  const parsed = EntryContent.safeParse(content);
  if (!parsed.success) {
    throw new ContentError('invalid-content', describeIssues(parsed.error.issues));
  }
  const seen = extras.seenCheckpoint === undefined ? undefined : SeenCheckpoint.safeParse(extras.seenCheckpoint);
  if (seen?.success === false) {
    throw new ContentError('invalid-content', describeIssues(seen.error.issues.map(underSeenCheckpoint)));
  }
  try {
    return canonicalBytes({ ...parsed.data, ...(seen ? { seenCheckpoint: seen.data } : {}) } as CanonicalValue);
  } catch (error) {
    throw new ContentError('not-canonical', error instanceof Error ? error.message : undefined);
  }
};

const underSeenCheckpoint = <T extends { path: readonly PropertyKey[] }>(issue: T): T => ({
  ...issue,
  path: ['seenCheckpoint', ...issue.path],
});
