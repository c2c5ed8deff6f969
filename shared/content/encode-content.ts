/**
 * Entry content to plaintext bytes: validated against its schema, then canonical JSON
 * (docs/PROTOCOL.md §1.2) so that every client produces the same bytes for the same content.
 */
import { type CanonicalValue, canonicalBytes } from '../encoding/canonical';
import { ContentError } from './content-error';
import { EntryContent } from './entry-content';

/** Path and message of each schema issue; never the values, which are personal data. */
export const describeIssues = (issues: readonly { path: readonly PropertyKey[]; message: string }[]): string =>
  issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');

/**
 * The plaintext to seal for `content`. Throws `ContentError` (`invalid-content`, or
 * `not-canonical` for a member set to `undefined`) rather than encode anything a reader would refuse.
 */
export const encodeContent = (content: EntryContent): Uint8Array => {
  const parsed = EntryContent.safeParse(content);
  if (!parsed.success) {
    throw new ContentError('invalid-content', describeIssues(parsed.error.issues));
  }
  try {
    return canonicalBytes(parsed.data as CanonicalValue);
  } catch (error) {
    throw new ContentError('not-canonical', error instanceof Error ? error.message : undefined);
  }
};
