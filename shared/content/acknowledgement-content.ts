/**
 * Signed answers to another entry (`refs[0]`): a countersignature of agreed minutes (the intent
 * is in the header's `meta.intent`) and a receipt. A receipt proves delivery, not agreement.
 */
import { z } from 'zod';
import { MediumText } from './content-text';

/** Content of a `countersignature`. */
export const CountersignatureContent = z.strictObject({
  type: z.literal('countersignature'),
  /** Anything the signer adds, e.g. the authority an ad referendum signature awaits. */
  statement: MediumText.optional(),
});
export type CountersignatureContent = z.infer<typeof CountersignatureContent>;

/** Content of an `acknowledgement`: "received", optionally with a note. */
export const AcknowledgementContent = z.strictObject({
  type: z.literal('acknowledgement'),
  note: MediumText.optional(),
});
export type AcknowledgementContent = z.infer<typeof AcknowledgementContent>;
