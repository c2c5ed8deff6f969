import { Link, useParams } from 'react-router';
import { loadThread } from '../../entries/load-streams';
import { useIsUnlocked } from '../../session/useSession';
import { StreamQueryState } from '../cases/StreamQueryState';
import { Timeline } from '../timeline/Timeline';
import { useEntryQuery } from '../timeline/useEntryQuery';
import { EntryWorkflowPanel } from '../workflows/EntryWorkflowPanel';
import { useWorkflowScope } from '../workflows/useWorkflowScope';

/** A correspondence thread: every letter and record in it, verified and, where possible, decrypted. */
export const ThreadPage = () => {
  const { threadId = '' } = useParams();
  const { context, contextState, query, reload } = useEntryQuery(
    (ctx) => loadThread(ctx, threadId),
    `thread ${threadId}`,
  );
  const isUnlocked = useIsUnlocked();
  const detail = query.status === 'ready' ? query.data : null;
  const role = context?.me.role;
  const canWrite = detail?.summary.isMember === true && isUnlocked;
  const workflow = useWorkflowScope(context, detail?.loaded, threadId, reload);
  return (
    <section aria-labelledby="thread-title" data-testid="thread-page">
      <h1 id="thread-title" data-testid="thread-title">
        {detail ? (detail.summary.subject ?? 'Thread (no access to content)') : 'Thread'}
      </h1>
      <StreamQueryState contextState={contextState} query={query} what="Verifying and decrypting the thread" />
      {detail ? (
        <>
          <p>Parties: {detail.summary.partyNames.join(', ')}</p>
          {detail.summary.isIntact ? null : (
            <p role="alert" className="error" data-testid="thread-broken">
              This thread does not verify: a signature or a chain link fails.
            </p>
          )}
          <div className="entry-actions">
            {canWrite && role === 'envoy' ? (
              <Link to={`/threads/${threadId}/letter`} className="button primary" data-testid="write-letter">
                Write a letter
              </Link>
            ) : null}
            {canWrite && (role === 'envoy' || role === 'staff') ? (
              <Link to={`/threads/${threadId}/minutes`} className="button" data-testid="thread-minutes">
                Attach minutes
              </Link>
            ) : null}
            {canWrite && role === 'envoy' ? (
              <>
                <Link to={`/threads/${threadId}/agreed-minutes`} className="button" data-testid="circulate-minutes">
                  Circulate agreed minutes
                </Link>
                <Link to={`/threads/${threadId}/commitment`} className="button" data-testid="record-commitment">
                  Record a commitment
                </Link>
              </>
            ) : null}
            <button type="button" onClick={reload} data-testid="thread-reload">
              Reload
            </button>
          </div>
          <Timeline
            entries={detail.timeline}
            {...(workflow ? { extra: (entry) => <EntryWorkflowPanel entry={entry} scope={workflow} /> } : {})}
          />
        </>
      ) : null}
    </section>
  );
};
