import { Link } from 'react-router';
import { listThreads } from '../../entries/load-streams';
import { useT } from '../../i18n/useT';
import { StreamQueryState } from '../cases/StreamQueryState';
import { formatInstant } from '../timeline/labels';
import { useEntryQuery } from '../timeline/useEntryQuery';

/** Correspondence threads of the caller's party (every thread, headers only, for reviewers). */
export const ThreadListPage = () => {
  const { t: ts } = useT('screens');
  const { context, contextState, query, reload } = useEntryQuery(listThreads, 'threads');
  const threads = query.status === 'ready' ? query.data : null;
  return (
    <section aria-labelledby="threads-title">
      <h1 id="threads-title">{ts('threads.title')}</h1>
      <div className="entry-actions">
        {context?.me.role === 'envoy' ? (
          <Link to="/threads/new" className="button primary" data-testid="open-thread-link">
            Open a thread
          </Link>
        ) : null}
        <button type="button" onClick={reload}>
          Reload
        </button>
      </div>
      <StreamQueryState contextState={contextState} query={query} what="Verifying and decrypting threads" />
      {threads && threads.length === 0 ? <p data-testid="no-threads">No threads yet.</p> : null}
      {threads && threads.length > 0 ? (
        <table data-testid="thread-list">
          <thead>
            <tr>
              <th scope="col">Subject</th>
              <th scope="col">Parties</th>
              <th scope="col">Entries</th>
              <th scope="col">Last activity</th>
            </tr>
          </thead>
          <tbody>
            {threads.map((thread) => (
              <tr key={thread.id} data-testid="thread-row">
                <td>
                  <Link to={`/threads/${thread.id}`} data-testid="thread-link">
                    {thread.subject ?? 'No access to content'}
                  </Link>
                  {thread.isIntact ? null : <span className="badge key-changed">Does not verify</span>}
                </td>
                <td>{thread.partyNames.join(', ')}</td>
                <td>{thread.entryCount}</td>
                <td>{thread.lastActivity ? formatInstant(thread.lastActivity) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
};
