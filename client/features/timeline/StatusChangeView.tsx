import type { ContentView } from '../../entries/content-view';
import { STATUS_LABELS, shortHash } from './labels';

/** A status change: the new status, its note, and the facts that status requires. */
export const StatusChangeView = ({ content }: { content: Extract<ContentView, { type: 'status_change' }> }) => (
  <div className="status-change">
    <p>
      Status set to{' '}
      <strong className={`status status-${content.status}`} data-testid="status-change-status">
        {STATUS_LABELS[content.status]}
      </strong>
      {content.effectiveDate ? ` as of ${content.effectiveDate}` : ''}
    </p>
    {content.note ? <p className="letter-body">{content.note}</p> : null}
    {content.locationConfidence ? <p>Location confidence: {content.locationConfidence.replaceAll('_', ' ')}</p> : null}
    {content.reunifiedWith ? (
      <p>
        Reunified with:{' '}
        {content.reunifiedWith.map((person) => [person.relation, person.name].filter(Boolean).join(' ')).join('; ')}
      </p>
    ) : null}
    {content.disputedEntry ? <p>Contests entry {shortHash(content.disputedEntry)}</p> : null}
    {content.consentEvidence ? <p>Consent record: {shortHash(content.consentEvidence)}</p> : null}
    {content.listRef ? <p>List: {shortHash(content.listRef)}</p> : null}
    {content.commitmentRef ? <p>Commitment: {shortHash(content.commitmentRef)}</p> : null}
  </div>
);
