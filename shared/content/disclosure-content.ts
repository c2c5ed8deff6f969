/**
 * Granting content keys to someone who was not a recipient (a reviewer, a later member), for a
 * stated purpose. The grantee is in the header (`meta.grantee`) and among the recipients.
 * Spec: docs/PROTOCOL.md#5-content-keys-and-disclosure
 */
import { z } from 'zod';
import { FixedBase64url, Hash32 } from '../schemas/common';
import { isUniqueBy, MediumText } from './content-text';

/** One entry's content key, handed over. */
export const ContentKeyGrant = z.strictObject({
  entryHash: Hash32,
  /** The 32-byte content key; the grantee checks it against the entry's `keyCommitment`. */
  contentKey: FixedBase64url(32),
});
export type ContentKeyGrant = z.infer<typeof ContentKeyGrant>;

/** Content of a `disclosure` entry. */
export const DisclosureContent = z.strictObject({
  type: z.literal('disclosure'),
  grants: z
    .array(ContentKeyGrant)
    .min(1)
    .max(1000)
    .refine((items) => isUniqueBy(items, (grant) => grant.entryHash), 'each entry is granted once'),
  /** Why (purpose limitation: reunification data does not feed other files without a basis). */
  purpose: MediumText,
  /** A selection of entries, or every entry of the case so far. */
  scope: z.enum(['entries', 'case']),
});
export type DisclosureContent = z.infer<typeof DisclosureContent>;
