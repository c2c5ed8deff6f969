/**
 * What decrypted content must agree on with the signed header around it, beyond the type that
 * `decodeContent` checks: the attachments it carries keys for are the uploads the header claims
 * (`meta.attachments`), and evidence is about a case the header links.
 */
import type { EntryHeader } from '../schemas/entry';
import type { AttachmentRef } from './attachment-ref';
import type { EntryContent } from './entry-content';

/** A way content and header disagree. */
export type ContentHeaderMismatch = 'type' | 'attachments' | 'evidence-case';

/** The attachments a content carries keys for. */
export const attachmentsOf = (content: EntryContent): readonly AttachmentRef[] => {
  switch (content.type) {
    case 'case_open':
      return content.photos ?? [];
    case 'dispute':
      return content.evidence.attachments;
    case 'amendment':
      return attachmentsOf(content.replacement);
    case 'letter':
    case 'note_verbale':
    case 'aide_memoire':
    case 'non_paper':
    case 'minutes':
    case 'agreed_minutes':
    case 'evidence':
      return content.attachments;
    default:
      return [];
  }
};

/**
 * The mismatches between `content` and `header`; empty when they agree. An amendment may keep
 * files the amended entry already carries (the server lets an upload belong to one entry only),
 * so for it only the uploads the header claims must appear in the replacement.
 */
export const checkContentHeader = (content: EntryContent, header: EntryHeader): ContentHeaderMismatch[] => {
  const mismatches: ContentHeaderMismatch[] = [];
  if (content.type !== header.type) {
    mismatches.push('type');
  }
  const carried = new Set(attachmentsOf(content).map((ref) => ref.id));
  const claimed = header.meta.attachments ?? [];
  const isSubset = claimed.every((id) => carried.has(id));
  if (!isSubset || (content.type !== 'amendment' && carried.size !== claimed.length)) {
    mismatches.push('attachments');
  }
  if (content.type === 'evidence' && content.caseId !== header.stream && !header.cases.includes(content.caseId)) {
    mismatches.push('evidence-case');
  }
  return mismatches;
};
