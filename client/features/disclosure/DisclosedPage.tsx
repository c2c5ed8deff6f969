import { Link, useParams } from 'react-router';
import { loadStreams } from '../../entries/load-streams';
import { LiveStatus } from '../../live/LiveStatus';
import { useLiveRefresh } from '../../live/useLiveRefresh';
import { StreamQueryState } from '../cases/StreamQueryState';
import { formatInstant } from '../timeline/labels';
import { useEntryQuery } from '../timeline/useEntryQuery';
import { AccessRowView } from './AccessRowView';
import { disclosedTo, disclosureStream } from './disclosure-view';

/**
 * What of a case or thread was disclosed to the reader: the disclosures to them, then every entry
 * with how they hold it. A disclosed entry is opened only with a key matching its signed
 * commitment. Routes: /cases/:caseId/disclosed and /threads/:threadId/disclosed.
 */
export const DisclosedPage = () => {
  const { caseId, threadId } = useParams();
  const streamId = caseId ?? threadId ?? '';
  const { context, contextState, query, refresh } = useEntryQuery(
    (ctx) => loadStreams(ctx, (id) => id === streamId),
    `disclosed ${streamId}`,
  );
  useLiveRefresh(refresh, (id) => id === streamId);
  const loaded = query.status === 'ready' ? query.data : null;
  const stream = loaded ? disclosureStream(loaded, streamId) : undefined;
  const view = stream && loaded && context ? disclosedTo(stream, loaded.names, context.me.personId) : null;
  const back = caseId ? `/cases/${caseId}` : `/threads/${threadId ?? ''}`;
  return (
    <section aria-labelledby="disclosed-title" data-testid="disclosed-page">
      <h1 id="disclosed-title">Disclosed to you{stream ? `: ${stream.label}` : ''}</h1>
      <LiveStatus />
      <p>
        <Link to={back}>Back to the timeline</Link>
      </p>
      <StreamQueryState contextState={contextState} query={query} what="Verifying and opening the stream" />
      {loaded && !stream ? <p role="alert">No such stream, or not one you may see.</p> : null}
      {view ? (
        <>
          <h2>Disclosures to you</h2>
          {view.grants.length === 0 ? (
            <p className="no-access" data-testid="no-disclosures">
              Nothing of this stream has been disclosed to you.
            </p>
          ) : (
            <ul data-testid="disclosures">
              {view.grants.map((grant) => (
                <li key={grant.entryHash} data-testid="disclosure-grant">
                  #{grant.seq}: {grant.by} ({grant.party}) disclosed {grant.count}{' '}
                  {grant.count === 1 ? 'entry' : 'entries'}
                  {grant.scope === 'case' ? ' (the whole case so far)' : ''} on {formatInstant(grant.claimedAt)} for:{' '}
                  <q>{grant.purpose}</q>
                </li>
              ))}
            </ul>
          )}
          <h2>Entries</h2>
          <ol className="timeline" data-testid="access-rows">
            {view.rows.map((row) => (
              <AccessRowView key={row.view.entryHash} row={row} />
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
};
