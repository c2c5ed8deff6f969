import { type ReactNode, useState } from 'react';
import { Trans } from 'react-i18next';
import type { EntryView } from '../../entries/entry-view';
import { partyName } from '../../entries/entry-view';
import type { DisputeView } from '../../entries/workflow-view';
import { useT } from '../../i18n/useT';
import { useDisplayDate } from '../timeline/useDisplayDate';
import { personName, type WorkflowScope } from '../workflows/workflow-scope';
import { claimSummary } from './claim-summary';
import { DisputeForm } from './DisputeForm';

/** A link to an entry on this page; its words come from the sentence it stands in. */
const EntryLink = ({ hash, children }: { hash: string; children?: ReactNode }) => (
  <a href={`#entry-${hash}`}>{children}</a>
);

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
  const { t } = useT('disputes');
  const { instant } = useDisplayDate();
  const original = entry.content.state === 'decrypted' ? claimSummary(entry.content.value, t) : undefined;
  if (disputes.length === 0 && !(canDispute && scope.canWrite)) {
    return null;
  }
  return (
    <div className="disputes">
      {disputes.length > 0 ? (
        <div className="claims-side-by-side" data-testid="claims">
          <section className="claim" data-testid="claim-original">
            <h4>{t('panel.recordedBy', { party: entry.author.partyName })}</h4>
            <p>{original ?? t('panel.notReadable')}</p>
          </section>
          {disputes.map((dispute) => (
            <section key={dispute.entryHash} className="claim contested" data-testid="claim-dispute">
              <h4>
                {t('panel.contestedBy')} <span data-testid="claim-party">{partyName(scope.names, dispute.party)}</span>{' '}
                ({personName(scope, dispute.person)}, {instant(dispute.receivedAt)},{' '}
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
                <p className="no-access">{t('panel.notReadable')}</p>
              )}
              {dispute.counterClaim ? <p data-testid="claim-counter">{dispute.counterClaim}</p> : null}
              {dispute.evidence.length > 0 ? (
                <p className="hint">
                  {t('panel.evidence')}{' '}
                  {dispute.evidence.map((hash) => (
                    <a key={hash} href={`#entry-${hash}`} className="pointer">
                      {hash.slice(0, 10)}…
                    </a>
                  ))}
                </p>
              ) : null}
              {dispute.evidenceFiles.length > 0 ? (
                <p className="hint" data-testid="claim-files">
                  <Trans
                    t={t}
                    i18nKey="panel.evidenceFiles"
                    values={{ files: dispute.evidenceFiles.join(', '), seq: dispute.seq }}
                    components={{ link: <EntryLink hash={dispute.entryHash} /> }}
                  />
                </p>
              ) : null}
            </section>
          ))}
        </div>
      ) : null}
      {canDispute && scope.canWrite ? (
        <>
          <button type="button" onClick={() => setOpen(!isOpen)} data-testid="dispute-open">
            {isOpen ? t('panel.cancel') : t('panel.open')}
          </button>
          {isOpen ? <DisputeForm entry={entry} scope={scope} onDone={() => setOpen(false)} /> : null}
        </>
      ) : null}
    </div>
  );
};
