/**
 * Corrections by the author's party of its own entry (`refs[0]`): an amendment carries the
 * replacement content, a retraction only the reason. Neither removes anything: readers show the
 * original with its corrections beside it (entry-corrections.ts).
 */
import { z } from 'zod';
import { AmendableContent } from './amendable-content';
import { MediumText } from './content-text';

/** Content of an `amendment`: the complete corrected content of the amended entry, and why. */
export const AmendmentContent = z.strictObject({
  type: z.literal('amendment'),
  /** Same `type` as the amended entry; readers ignore a replacement of another type. */
  replacement: AmendableContent,
  reason: MediumText,
});
export type AmendmentContent = z.infer<typeof AmendmentContent>;

/** Content of a `retraction`. */
export const RetractionContent = z.strictObject({
  type: z.literal('retraction'),
  reason: MediumText,
});
export type RetractionContent = z.infer<typeof RetractionContent>;
