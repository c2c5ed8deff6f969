/**
 * Contesting another entry (`refs[0]`) without touching it: the reasons, the evidence, and the
 * disputing side's own version of the facts, recorded side by side with the original.
 */
import { z } from 'zod';
import { Hash32 } from '../schemas/common';
import { AttachmentRefs } from './attachment-ref';
import { LongText, MediumText } from './content-text';

/** Content of a `dispute`. */
export const DisputeContent = z.strictObject({
  type: z.literal('dispute'),
  reasons: z.array(MediumText).min(1).max(32),
  evidence: z.strictObject({
    /** Entries that support the dispute. */
    entries: z.array(Hash32).max(64),
    attachments: AttachmentRefs,
  }),
  /** The disputing side's own account (e.g. "19 children were handed over, not 29"). */
  counterClaim: LongText.optional(),
});
export type DisputeContent = z.infer<typeof DisputeContent>;
