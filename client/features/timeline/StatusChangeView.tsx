import type { ContentView } from '../../entries/content-view';
import { STATUS_LABELS, shortHash } from './labels';

/** A link to a cited entry, which the timeline shows under the anchor `entry-<hash>` when it is on the page. */
const Cited = ({ hash }: { hash: string }) => <a href={`#entry-${hash}`}>{shortHash(hash)}</a>;

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
    {content.disputedEntry ? (
      <p>
        Contests entry <Cited hash={content.disputedEntry} />
      </p>
    ) : null}
    {content.consentEvidence ? (
      <p>
        Consent record: <Cited hash={content.consentEvidence} />
      </p>
    ) : null}
    {content.listRef ? (
      <p>
        List: <Cited hash={content.listRef} />
      </p>
    ) : null}
    {content.commitmentRef ? (
      <p>
        Commitment: <Cited hash={content.commitmentRef} />
      </p>
    ) : null}
  </div>
);
