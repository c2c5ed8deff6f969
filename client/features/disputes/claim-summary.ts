/**
 * One line saying what an entry claims, to stand beside the disputes of it: the original is never
 * changed, so the two accounts are read side by side.
 */
import type { TFunction } from 'i18next';
import type { ContentView } from '../../entries/content-view';

/**
 * The claim of a decrypted entry in one line, in the language of `t`; undefined for kinds that
 * claim nothing themselves.
 */
export const claimSummary = (content: ContentView, t: TFunction): string | undefined => {
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
      return t(content.note ? 'disputes:claim.statusWithNote' : 'disputes:claim.status', {
        status: t(`case:statuses.${content.status}`),
        note: content.note,
      });
    case 'evidence':
      return t('disputes:claim.evidence', {
        kind: t(`timeline-views:evidenceKind.${content.kind}`).toLocaleLowerCase(),
        summary: content.summary,
      });
    case 'commitment':
      return content.text;
    case 'commitment_update':
      return [
        content.status && t('disputes:claim.stance', { stance: t(`disputes:stance.${content.status}`) }),
        content.note,
      ]
        .filter((part) => part)
        .join(': ');
    case 'dispute':
      return content.counterClaim ?? content.reasons.join(' ');
    case 'case_open':
      return t('disputes:claim.caseOpened');
    default:
      return undefined;
  }
};
