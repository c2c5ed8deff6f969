/**
 * The content an `amendment` may replace. Left out on purpose: agreed minutes and commitments
 * (changed only by a superseding version both sides see), countersignatures, receipts,
 * disclosures, membership changes, and corrections themselves.
 */
import { z } from 'zod';
import { CaseOpenContent } from './case-open-content';
import { CommitmentUpdateContent } from './commitment-content';
import { AideMemoireContent, LetterContent, NonPaperContent, NoteVerbaleContent } from './correspondence-content';
import { DisputeContent } from './dispute-content';
import { EvidenceContent } from './evidence-content';
import { MinutesContent } from './minutes-content';
import { StatusChangeContent } from './status-change-content';
import { ThreadOpenContent } from './stream-content';

/** Content of any entry type that can be amended. */
export const AmendableContent = z.discriminatedUnion('type', [
  CaseOpenContent,
  ThreadOpenContent,
  StatusChangeContent,
  LetterContent,
  NoteVerbaleContent,
  AideMemoireContent,
  NonPaperContent,
  MinutesContent,
  EvidenceContent,
  CommitmentUpdateContent,
  DisputeContent,
]);
export type AmendableContent = z.infer<typeof AmendableContent>;
