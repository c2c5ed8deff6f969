import { Link } from 'react-router';
import { ENTRY_TYPE_LABELS, formatInstant } from '../timeline/labels';
import type { AwaitedRow } from './dashboard-view';

/** Entries some recipient party has not yet signed a receipt for, oldest first. */
export const ReceiptsAwaited = ({ rows }: { rows: readonly AwaitedRow[] }) => (
  <section className="panel" aria-labelledby="receipts-awaited-title" data-testid="receipts-awaited">
    <h2 id="receipts-awaited-title">Receipts still awaited ({rows.length})</h2>
    {rows.length === 0 ? (
      <p className="hint">Every entry you can read has been acknowledged by the parties it was sent to.</p>
    ) : (
      <ol className="dashboard-list">
        {rows.map((row) => (
          <li key={row.entryHash} data-testid="awaited-receipt" data-entry-type={row.type}>
            <strong>{ENTRY_TYPE_LABELS[row.type]}</strong> by {row.author}, logged {formatInstant(row.receivedAt)}:
            awaiting <span data-testid="awaited-parties">{row.awaited.join(', ')}</span> ·{' '}
            <Link to={`/${row.streamKind === 'case' ? 'cases' : 'threads'}/${row.streamId}#entry-${row.entryHash}`}>
              {row.streamLabel}
            </Link>
          </li>
        ))}
      </ol>
    )}
  </section>
);
