import { Link } from 'react-router';
import { formatInstant } from '../timeline/labels';
import type { CommitmentRow, DashboardView } from './dashboard-view';

/** Commitments by status, then each commitment, overdue first. */
export const CommitmentsOverview = ({
  byStatus,
  commitments,
}: {
  byStatus: DashboardView['commitmentsByStatus'];
  commitments: readonly CommitmentRow[];
}) => (
  <section className="panel" aria-labelledby="commitments-title" data-testid="commitments-overview">
    <h2 id="commitments-title">Commitments ({commitments.length})</h2>
    {commitments.length === 0 ? (
      <p className="hint">No commitment in the threads you can read.</p>
    ) : (
      <>
        <ul className="status-counts">
          {byStatus.map((item) => (
            <li key={item.status} data-testid="commitment-count" data-status={item.status}>
              {item.label}: <strong>{item.count}</strong>
            </li>
          ))}
        </ul>
        <ol className="dashboard-list">
          {commitments.map((item) => (
            <li
              key={item.entryHash}
              className={item.isOverdue ? 'is-overdue' : undefined}
              data-testid="dashboard-commitment"
              data-status={item.status}
            >
              <strong>{item.statusLabel}</strong> · {item.obligor} to {item.obligee}: {item.text}{' '}
              <span className="hint">
                {item.fulfilled} of {item.total} cases fulfilled
                {item.deadline ? ` · due ${formatInstant(item.deadline)}` : ' · deadline not readable here'} ·{' '}
                <Link to={`/threads/${item.threadId}#entry-${item.entryHash}`}>{item.threadLabel}</Link>
              </span>
            </li>
          ))}
        </ol>
      </>
    )}
  </section>
);
