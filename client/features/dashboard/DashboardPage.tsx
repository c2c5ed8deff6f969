import { useMemo } from 'react';
import { directoryPeople } from '../../entries/directory-people';
import { loadStreams } from '../../entries/load-streams';
import { useT } from '../../i18n/useT';
import { LiveStatus } from '../../live/LiveStatus';
import { useLiveRefresh } from '../../live/useLiveRefresh';
import { StreamQueryState } from '../cases/StreamQueryState';
import { useEntryQuery } from '../timeline/useEntryQuery';
import { CasesByStatus } from './CasesByStatus';
import { CommitmentsOverview } from './CommitmentsOverview';
import { dashboardView } from './dashboard-view';
import { ReceiptsAwaited } from './ReceiptsAwaited';
import { ReunifiedChart } from './ReunifiedChart';

/** Cases by status, reunifications per week, commitments and awaited receipts, kept up to date live. */
export const DashboardPage = () => {
  const { t: ts } = useT('screens');
  const { t } = useT('dashboard');
  const { contextState, query, refresh } = useEntryQuery(
    async (ctx) => ({ loaded: await loadStreams(ctx), now: new Date() }),
    'dashboard',
  );
  useLiveRefresh(refresh);
  const read = query.status === 'ready' ? query.data : null;
  // Receipts need every recipient's party: from the directory the streams were verified under.
  const view = useMemo(
    () => read && dashboardView(read.loaded, directoryPeople(read.loaded.names.directory), read.now),
    [read],
  );
  return (
    <section aria-labelledby="dashboard-title" data-testid="dashboard">
      <h1 id="dashboard-title">{ts('dashboard.title')}</h1>
      <LiveStatus />
      <p className="hint">{t('hint')}</p>
      <StreamQueryState contextState={contextState} query={query} what={t('verifying')} />
      {view ? (
        <>
          {view.brokenStreams > 0 ? (
            <p role="alert" className="error" data-testid="dashboard-broken">
              {t('broken', { count: view.brokenStreams })}
            </p>
          ) : null}
          <CasesByStatus groups={view.casesByStatus} total={view.caseCount} />
          <ReunifiedChart weeks={view.reunifiedPerWeek} />
          <CommitmentsOverview byStatus={view.commitmentsByStatus} commitments={view.commitments} />
          <ReceiptsAwaited rows={view.receiptsAwaited} />
        </>
      ) : null}
    </section>
  );
};
