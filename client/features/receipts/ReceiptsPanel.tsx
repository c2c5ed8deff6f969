import { Trans } from 'react-i18next';
import type { Receipts } from '../../../shared/content/receipts-for';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { EntryView } from '../../entries/entry-view';
import { partyName } from '../../entries/entry-view';
import { useT } from '../../i18n/useT';
import { useUtcFormat } from '../../i18n/useUtcFormat';
import { RecipientStatus } from '../people/RecipientStatus';
import { useWorkflowWrite } from '../workflows/useWorkflowWrite';
import { personName, type WorkflowScope } from '../workflows/workflow-scope';

/**
 * Who acknowledged receiving an entry and when, who is still awaited, and, for a recipient of
 * another party, a button to sign a receipt over the entry's hash: proof of delivery, not agreement.
 */
export const ReceiptsPanel = ({
  entry,
  receipts,
  canAcknowledge,
  scope,
}: {
  entry: EntryView;
  receipts: Receipts;
  canAcknowledge: boolean;
  scope: WorkflowScope;
}) => {
  const { t } = useT('receipts');
  const format = useUtcFormat();
  const { write, busy, error, step, check, canSend } = useWorkflowWrite(scope);
  if (receipts.recipientParties.length === 0) {
    return null;
  }
  const acknowledge = () =>
    write(
      { streamId: entry.streamId, streamKind: entry.streamKind },
      { type: 'acknowledgement', refs: [entry.entryHash], content: { type: 'acknowledgement' } },
    );
  return (
    <div className="receipts" data-testid="receipts">
      <ul className="receipt-list">
        {receipts.acknowledged.map((receipt) => (
          <li key={receipt.entryHash} data-testid="receipt" data-party={receipt.party}>
            <Trans
              t={t}
              i18nKey="receivedBy"
              values={{
                party: partyName(scope.names, receipt.party),
                person: personName(scope, receipt.person),
                time: format.instant(receipt.receivedAt),
              }}
              components={{
                party: <strong data-testid="receipt-party" />,
                person: <span data-testid="receipt-person" />,
                time: <time dateTime={receipt.receivedAt} />,
              }}
            />
          </li>
        ))}
        {receipts.awaited.map((party) => (
          <li key={party} className="hint" data-testid="receipt-awaited" data-party={party}>
            {t('awaited', { party: partyName(scope.names, party) })}
          </li>
        ))}
      </ul>
      {canAcknowledge && scope.canWrite ? (
        <>
          <button type="button" onClick={acknowledge} disabled={busy || !canSend} data-testid="acknowledge">
            {busy ? step || t('working') : t('acknowledge')}
          </button>
          {check.status === 'ready' && check.canSend ? null : <RecipientStatus check={check} />}
        </>
      ) : null}
      <ErrorNotice error={error} testId="acknowledge-error" />
    </div>
  );
};
