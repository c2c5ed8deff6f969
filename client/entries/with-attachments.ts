import type { AttachmentRef } from '../../shared/content/attachment-ref';
import type { EntryContent } from '../../shared/content/entry-content';

/**
 * `content` carrying the uploaded files `refs` (after any it already carries): photos of a child
 * record, attachments of correspondence, minutes and evidence, evidence of a dispute.
 */
export const withAttachments = (content: EntryContent, refs: readonly AttachmentRef[]): EntryContent => {
  if (refs.length === 0) {
    return content;
  }
  switch (content.type) {
    case 'case_open':
      return { ...content, photos: [...(content.photos ?? []), ...refs] };
    case 'dispute':
      return { ...content, evidence: { ...content.evidence, attachments: [...content.evidence.attachments, ...refs] } };
    case 'letter':
    case 'note_verbale':
    case 'aide_memoire':
    case 'non_paper':
    case 'minutes':
    case 'agreed_minutes':
    case 'evidence':
      return { ...content, attachments: [...content.attachments, ...refs] };
    default:
      throw new Error(`A ${content.type} carries no files`);
  }
};
