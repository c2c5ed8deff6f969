import { Link } from 'react-router';
import { useFormat } from '../../i18n/useFormat';
import { useT } from '../../i18n/useT';
import { useUtcFormat } from '../../i18n/useUtcFormat';
import type { CommitmentRow, DashboardView } from './dashboard-view';
import { streamLabelText } from './stream-label';

/** Commitments by status, then each commitment, overdue first. */
export const CommitmentsOverview = ({
  byStatus,
  commitments,
}: {
  byStatus: DashboardView['commitmentsByStatus'];
  commitments: readonly CommitmentRow[];
}) => {
  const { t } = useT(['dashboard', 'commitments']);
  const format = useUtcFormat();
  const { number } = useFormat();
  return (
    <section className="panel" aria-labelledby="commitments-title" data-testid="commitments-overview">
      <h2 id="commitments-title">{t('commitments.title', { count: number(commitments.length) })}</h2>
      {commitments.length === 0 ? (
        <p className="hint">{t('commitments.none')}</p>
      ) : (
        <>
          <ul className="status-counts">
            {byStatus.map((item) => (
              <li key={item.status} data-testid="commitment-count" data-status={item.status}>
                {t(`commitments:status.${item.status}`)}: <strong>{number(item.count)}</strong>
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
                <strong>{t(`commitments:status.${item.status}`)}</strong> ·{' '}
                {t('commitments.parties', { obligor: item.obligor, obligee: item.obligee })}:{' '}
                <span dir="auto">{item.text}</span>{' '}
                <span className="hint">
                  {t('commitments.fulfilled', { fulfilled: item.fulfilled, count: item.total })}
                  {item.deadline
                    ? t('commitments.due', { deadline: format.instant(item.deadline) })
                    : t('commitments.dueUnknown')}{' '}
                  ·{' '}
                  <Link to={`/threads/${item.threadId}#entry-${item.entryHash}`}>
                    {streamLabelText(t, item.threadLabel)}
                  </Link>
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
};
