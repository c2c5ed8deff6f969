import { Link } from 'react-router';
import { listThreads } from '../../entries/load-streams';
import { useFormat } from '../../i18n/useFormat';
import { useT } from '../../i18n/useT';
import { useUtcFormat } from '../../i18n/useUtcFormat';
import { StreamQueryState } from '../cases/StreamQueryState';
import { useEntryQuery } from '../timeline/useEntryQuery';

/** Correspondence threads of the caller's party (every thread, headers only, for reviewers). */
export const ThreadListPage = () => {
  const { t: ts } = useT('screens');
  const { t } = useT('letters');
  const format = useUtcFormat();
  const { number } = useFormat();
  const { context, contextState, query, reload } = useEntryQuery(listThreads, 'threads');
  const threads = query.status === 'ready' ? query.data : null;
  return (
    <section aria-labelledby="threads-title">
      <h1 id="threads-title">{ts('threads.title')}</h1>
      <div className="entry-actions">
        {context?.me.role === 'envoy' ? (
          <Link to="/threads/new" className="button primary" data-testid="open-thread-link">
            {t('list.open')}
          </Link>
        ) : null}
        <button type="button" onClick={reload}>
          {t('list.reload')}
        </button>
      </div>
      <StreamQueryState contextState={contextState} query={query} what={t('list.verifying')} />
      {threads && threads.length === 0 ? <p data-testid="no-threads">{t('list.none')}</p> : null}
      {threads && threads.length > 0 ? (
        <table data-testid="thread-list">
          <thead>
            <tr>
              <th scope="col">{t('list.subject')}</th>
              <th scope="col">{t('list.parties')}</th>
              <th scope="col">{t('list.entries')}</th>
              <th scope="col">{t('list.lastActivity')}</th>
            </tr>
          </thead>
          <tbody>
            {threads.map((thread) => (
              <tr key={thread.id} data-testid="thread-row">
                <td>
                  <Link to={`/threads/${thread.id}`} data-testid="thread-link">
                    {thread.subject ?? t('list.noAccess')}
                  </Link>
                  {thread.isIntact ? null : <span className="badge key-changed">{t('list.broken')}</span>}
                </td>
                <td>{thread.partyNames.join(', ')}</td>
                <td>{number(thread.entryCount)}</td>
                <td>{thread.lastActivity ? format.instant(thread.lastActivity) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
};
