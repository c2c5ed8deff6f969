/**
 * One line saying what an entry claims, to stand beside the disputes of it: the original is never
 * changed, so the two accounts are read side by side.
 */
import type { ContentView } from '../../entries/content-view';
import { STATUS_LABELS } from '../timeline/labels';

/** The claim of a decrypted entry in one line; undefined for kinds that claim nothing themselves. */
export const claimSummary = (content: ContentView): string | undefined => {
  switch (content.type) {
    case 'letter':
    case 'note_verbale':
    case 'aide_memoire':
    case 'non_paper':
      return `${content.subject}: ${content.body}`;
    case 'minutes':
      return `${content.subject}: ${content.text}`;
    case 'agreed_minutes':
      return `${content.title}: ${content.clauses.map((clause) => `(${clause.number}) ${clause.text}`).join(' ')}`;
    case 'status_change':
      return `Status: ${STATUS_LABELS[content.status]}${content.note ? ` (${content.note})` : ''}`;
    case 'evidence':
      return `Evidence (${content.kind.replaceAll('_', ' ')}): ${content.summary}`;
    case 'commitment':
      return content.text;
    case 'commitment_update':
      return [content.status && `Stance: ${content.status.replaceAll('_', ' ')}`, content.note]
        .filter((part) => part)
        .join(': ');
    case 'dispute':
      return content.counterClaim ?? content.reasons.join(' ');
    case 'case_open':
      return 'The child record as opened';
    default:
      return undefined;
  }
};
