import type { Receipts } from '../../../shared/content/receipts-for';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { EntryView } from '../../entries/entry-view';
import { partyName } from '../../entries/entry-view';
import { RecipientStatus } from '../people/RecipientStatus';
import { formatInstant } from '../timeline/labels';
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
            Received by <strong data-testid="receipt-party">{partyName(scope.names, receipt.party)}</strong> (
            <span data-testid="receipt-person">{personName(scope, receipt.person)}</span>),{' '}
            <time dateTime={receipt.receivedAt}>{formatInstant(receipt.receivedAt)}</time>
          </li>
        ))}
        {receipts.awaited.map((party) => (
          <li key={party} className="hint" data-testid="receipt-awaited" data-party={party}>
            No receipt yet from {partyName(scope.names, party)}
          </li>
        ))}
      </ul>
      {canAcknowledge && scope.canWrite ? (
        <>
          <button type="button" onClick={acknowledge} disabled={busy || !canSend} data-testid="acknowledge">
            {busy ? step || 'Working…' : 'Sign a receipt (received, not agreed)'}
          </button>
          {check.status === 'ready' && check.canSend ? null : <RecipientStatus check={check} />}
        </>
      ) : null}
      <ErrorNotice error={error} testId="acknowledge-error" />
    </div>
  );
};
