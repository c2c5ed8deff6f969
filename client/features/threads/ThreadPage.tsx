import { Link, useParams } from 'react-router';
import { loadThread } from '../../entries/load-streams';
import { previewThread } from '../../entries/preview-stream';
import { useT } from '../../i18n/useT';
import { LiveStatus } from '../../live/LiveStatus';
import { useLiveRefresh } from '../../live/useLiveRefresh';
import { useIsUnlocked } from '../../session/useSession';
import { StreamQueryState } from '../cases/StreamQueryState';
import { DiscloseEntryLink, DisclosureLink } from '../disclosure/DisclosureLinks';
import { MembershipPanel } from '../membership/MembershipPanel';
import { useMarkSeen } from '../queue/seen-store';
import { PrintButton } from '../timeline/PrintButton';
import { Timeline } from '../timeline/Timeline';
import { useEntryQuery } from '../timeline/useEntryQuery';
import { EntryWorkflowPanel } from '../workflows/EntryWorkflowPanel';
import { useWorkflowScope } from '../workflows/useWorkflowScope';

/** A correspondence thread: every letter and record in it, verified and, where possible, decrypted. */
export const ThreadPage = () => {
  const { threadId = '' } = useParams();
  const { context, contextState, query, reload, refresh } = useEntryQuery(
    (ctx) => loadThread(ctx, threadId),
    `thread ${threadId}`,
    (ctx) => previewThread(ctx, threadId),
  );
  // Every stream can change this page: receipts in case streams confirm a commitment's returns.
  useLiveRefresh(refresh);
  const isUnlocked = useIsUnlocked();
  const { t } = useT('thread');
  const detail = query.status === 'ready' ? query.data : null;
  // The local store's copy is shown while the log is read; nothing is written or derived from it.
  const isRead = query.status === 'ready' && !query.provisional;
  const role = context?.me.role;
  const verified = detail?.loaded.streams.find(({ stream }) => stream.id === threadId);
  useMarkSeen(context?.me.personId, threadId, isRead ? verified?.head : undefined);
  const ownParty = context ? detail?.loaded.names.directory.currentKey(context.me.personId)?.party : undefined;
  // Membership from the signed entries, never the server's word.
  const isMember = ownParty !== undefined && verified?.members.includes(ownParty) === true;
  const canWrite = isRead && isMember && isUnlocked;
  const workflow = useWorkflowScope(context, isRead ? detail?.loaded : undefined, threadId, reload);
  const canDisclose = canWrite && (role === 'envoy' || role === 'staff');
  return (
    <section aria-labelledby="thread-title" data-testid="thread-page">
      <h1 id="thread-title" data-testid="thread-title">
        {detail ? (detail.summary.subject ?? t('noAccessTitle')) : t('title')}
      </h1>
      <LiveStatus />
      <StreamQueryState contextState={contextState} query={query} what={t('loading')} />
      {detail ? (
        <>
          {detail.summary.isIntact ? null : (
            <p role="alert" className="error" data-testid="thread-broken">
              {t('broken')}
            </p>
          )}
          {verified && context ? (
            <MembershipPanel
              target={{ context, streamId: threadId, streamKind: 'thread', onWritten: reload }}
              verified={verified}
              names={detail.loaded.names}
              canWrite={canWrite && verified.isIntact && (role === 'envoy' || role === 'staff')}
            />
          ) : null}
          <div className="entry-actions">
            {canWrite && role === 'envoy' ? (
              <Link to={`/threads/${threadId}/letter`} className="button primary" data-testid="write-letter">
                {t('writeLetter')}
              </Link>
            ) : null}
            {canWrite && (role === 'envoy' || role === 'staff') ? (
              <Link to={`/threads/${threadId}/minutes`} className="button" data-testid="thread-minutes">
                {t('attachMinutes')}
              </Link>
            ) : null}
            {canWrite && role === 'envoy' ? (
              <>
                <Link to={`/threads/${threadId}/agreed-minutes`} className="button" data-testid="circulate-minutes">
                  {t('circulateMinutes')}
                </Link>
                <Link to={`/threads/${threadId}/commitment`} className="button" data-testid="record-commitment">
                  {t('recordCommitment')}
                </Link>
              </>
            ) : null}
            <DisclosureLink kind="thread" streamId={threadId} isMember={isMember} canWrite={canDisclose} />
            <button type="button" onClick={reload} data-testid="thread-reload">
              {t('reload')}
            </button>
            <PrintButton />
          </div>
          <Timeline
            entries={detail.timeline}
            extra={(entry) => (
              <>
                {workflow ? <EntryWorkflowPanel entry={entry} scope={workflow} /> : null}
                {canDisclose ? <DiscloseEntryLink entry={entry} /> : null}{' '}
                {canWrite &&
                role === 'envoy' &&
                entry.type === 'letter' &&
                entry.author.partyId !== context?.me.partyId ? (
                  // Answers `entry`: the letter form puts its hash in the reply's signed refs.
                  <Link
                    to={`/threads/${threadId}/letter?replyTo=${encodeURIComponent(entry.entryHash)}`}
                    className="entry-disclose"
                    data-testid="reply-letter"
                  >
                    {t('reply')}
                  </Link>
                ) : null}
              </>
            )}
          />
        </>
      ) : null}
    </section>
  );
};
