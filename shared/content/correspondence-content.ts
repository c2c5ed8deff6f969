/**
 * Written exchanges between delegations, after diplomatic practice (domain.md §2): first-person
 * letters, numbered notes verbales, aides-mémoire (no courtesy formula) and non-papers (no
 * attribution, never the source of a commitment).
 */
import { z } from 'zod';
import { Hash32 } from '../schemas/common';
import { AttachmentRefs } from './attachment-ref';
import { LongText, ShortText } from './content-text';

const written = {
  subject: ShortText,
  body: LongText,
  attachments: AttachmentRefs,
};

/** Content of a `letter`: signed by the principal in the first person ("Excellency, …"). */
export const LetterContent = z.strictObject({
  type: z.literal('letter'),
  ...written,
  salutation: ShortText.optional(),
  closing: ShortText.optional(),
});
export type LetterContent = z.infer<typeof LetterContent>;

/** Content of a `note_verbale`: third person, numbered per sending party. */
export const NoteVerbaleContent = z.strictObject({
  type: z.literal('note_verbale'),
  ...written,
  salutation: ShortText.optional(),
  /** The sending party's running number for its notes (1, 2, …). */
  number: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  /** The sender's file reference, as printed on the note (`No. 412/2025`). */
  reference: ShortText.optional(),
});
export type NoteVerbaleContent = z.infer<typeof NoteVerbaleContent>;

/** Content of an `aide_memoire`: an informal summary of a conversation, without courtesy formula. */
export const AideMemoireContent = z.strictObject({
  type: z.literal('aide_memoire'),
  ...written,
  /** The `minutes` entry of the meeting it summarises. */
  meetingRef: Hash32.optional(),
});
export type AideMemoireContent = z.infer<typeof AideMemoireContent>;

/** Content of a `non_paper`: a basis for discussion, explicitly without attribution. */
export const NonPaperContent = z.strictObject({
  type: z.literal('non_paper'),
  ...written,
  attribution: z.literal('none'),
});
export type NonPaperContent = z.infer<typeof NonPaperContent>;
