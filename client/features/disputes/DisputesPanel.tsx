import { useState } from 'react';
import type { EntryView } from '../../entries/entry-view';
import { partyName } from '../../entries/entry-view';
import type { DisputeView } from '../../entries/workflow-view';
import { formatInstant } from '../timeline/labels';
import { personName, type WorkflowScope } from '../workflows/workflow-scope';
import { claimSummary } from './claim-summary';
import { DisputeForm } from './DisputeForm';

/**
 * The claims about one entry, side by side: the entry as its author's party recorded it
 * (unchanged), and each dispute with its reasons and counter-claim. Nothing is overwritten.
 */
export const DisputesPanel = ({
  entry,
  disputes,
  canDispute,
  scope,
}: {
  entry: EntryView;
  disputes: readonly DisputeView[];
  canDispute: boolean;
  scope: WorkflowScope;
}) => {
  const [isOpen, setOpen] = useState(false);
  const original = entry.content.state === 'decrypted' ? claimSummary(entry.content.value) : undefined;
  if (disputes.length === 0 && !(canDispute && scope.canWrite)) {
    return null;
  }
  return (
    <div className="disputes">
      {disputes.length > 0 ? (
        <div className="claims-side-by-side" data-testid="claims">
          <section className="claim" data-testid="claim-original">
            <h4>Recorded by {entry.author.partyName} (unchanged)</h4>
            <p>{original ?? 'Content not readable here.'}</p>
          </section>
          {disputes.map((dispute) => (
            <section key={dispute.entryHash} className="claim contested" data-testid="claim-dispute">
              <h4>
                Contested by <span data-testid="claim-party">{partyName(scope.names, dispute.party)}</span> (
                {personName(scope, dispute.person)}, {formatInstant(dispute.receivedAt)},{' '}
                <a href={`#entry-${dispute.entryHash}`}>#{dispute.seq}</a>)
              </h4>
              {dispute.reasons ? (
                <ul>
                  {dispute.reasons.map((reason) => (
                    <li key={reason} data-testid="claim-reason">
                      {reason}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="no-access">Content not readable here.</p>
              )}
              {dispute.counterClaim ? <p data-testid="claim-counter">{dispute.counterClaim}</p> : null}
              {dispute.evidence.length > 0 ? (
                <p className="hint">
                  Evidence:{' '}
                  {dispute.evidence.map((hash) => (
                    <a key={hash} href={`#entry-${hash}`} className="pointer">
                      {hash.slice(0, 10)}…
                    </a>
                  ))}
                </p>
              ) : null}
              {dispute.evidenceFiles.length > 0 ? (
                <p className="hint" data-testid="claim-files">
                  Evidence files: {dispute.evidenceFiles.join(', ')} (to open on{' '}
                  <a href={`#entry-${dispute.entryHash}`}>the dispute #{dispute.seq}</a>)
                </p>
              ) : null}
            </section>
          ))}
        </div>
      ) : null}
      {canDispute && scope.canWrite ? (
        <>
          <button type="button" onClick={() => setOpen(!isOpen)} data-testid="dispute-open">
            {isOpen ? 'Cancel the dispute' : 'Dispute this entry'}
          </button>
          {isOpen ? <DisputeForm entry={entry} scope={scope} onDone={() => setOpen(false)} /> : null}
        </>
      ) : null}
    </div>
  );
};
