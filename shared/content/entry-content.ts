/**
 * What each entry type's encrypted body holds: the JSON the author canonicalises, pads and
 * encrypts (docs/PROTOCOL.md §4.2). The server never sees it; `type` repeats the header's type
 * so that content cannot be replayed under another kind of header (decode-content.ts).
 */
import { z } from 'zod';
import type { EntryType } from '../schemas/entry-type';
import { AcknowledgementContent, CountersignatureContent } from './acknowledgement-content';
import { AmendableContent } from './amendable-content';
import { CommitmentContent } from './commitment-content';
import { AmendmentContent, RetractionContent } from './correction-content';
import { DisclosureContent } from './disclosure-content';
import { AgreedMinutesContent } from './minutes-content';
import { MembershipConsentContent, MembershipContent } from './stream-content';

/** The plaintext content of an entry, one variant per `EntryType`. */
export const EntryContent = z.discriminatedUnion('type', [
  ...AmendableContent.options,
  MembershipContent,
  MembershipConsentContent,
  AgreedMinutesContent,
  CountersignatureContent,
  AcknowledgementContent,
  CommitmentContent,
  DisclosureContent,
  AmendmentContent,
  RetractionContent,
]);
export type EntryContent = z.infer<typeof EntryContent>;

/** The content variant of one entry type: `ContentOf<'letter'>` is `LetterContent`. */
export type ContentOf<T extends EntryType> = Extract<EntryContent, { type: T }>;
