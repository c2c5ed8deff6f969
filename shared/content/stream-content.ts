/**
 * Content of the entries that open a thread and change who takes part in a stream. The parties
 * themselves are in the header (`meta.members`, `meta.add`, `meta.remove`).
 */
import { z } from 'zod';
import { MediumText, ShortText } from './content-text';

/** Content of `thread_open`: what the channel is for. */
export const ThreadOpenContent = z.strictObject({
  type: z.literal('thread_open'),
  subject: ShortText,
  /** Who the parties are and in what capacity (`US envoy as intermediary`). */
  partiesNote: MediumText.optional(),
});
export type ThreadOpenContent = z.infer<typeof ThreadOpenContent>;

/** Content of `membership`: why parties join or leave. */
export const MembershipContent = z.strictObject({
  type: z.literal('membership'),
  reason: MediumText,
});
export type MembershipContent = z.infer<typeof MembershipContent>;

/**
 * Content of `membership_consent`: a member party agreeing to the membership change whose entry
 * hash is the consent's `refs[0]` (docs/PROTOCOL.md §4.9).
 */
export const MembershipConsentContent = z.strictObject({
  type: z.literal('membership_consent'),
  note: MediumText.optional(),
});
export type MembershipConsentContent = z.infer<typeof MembershipConsentContent>;
