/**
 * A verification package for one case: biography, photographs, summaries of medical, social and
 * psychological care, documents, or the record of a handover.
 */
import { z } from 'zod';
import { Uuid } from '../schemas/common';
import { AttachmentRefs } from './attachment-ref';
import { LongText } from './content-text';

/** What a piece of evidence is. */
export const EvidenceKind = z.enum([
  'biography',
  'photos',
  'medical_summary',
  'social_summary',
  'psychological_summary',
  'documents',
  'handover_record',
  'consent_record',
  'other',
]);
export type EvidenceKind = z.infer<typeof EvidenceKind>;

/** Content of an `evidence` entry. */
export const EvidenceContent = z.strictObject({
  type: z.literal('evidence'),
  /** The case it is evidence for (the case stream it is written in). */
  caseId: Uuid,
  kind: EvidenceKind,
  summary: LongText,
  attachments: AttachmentRefs,
});
export type EvidenceContent = z.infer<typeof EvidenceContent>;
