import { Trans } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { loadStreams } from '../../entries/load-streams';
import { useT } from '../../i18n/useT';
import { useUtcFormat } from '../../i18n/useUtcFormat';
import { LiveStatus } from '../../live/LiveStatus';
import { useLiveRefresh } from '../../live/useLiveRefresh';
import { StreamQueryState } from '../cases/StreamQueryState';
import { useEntryQuery } from '../timeline/useEntryQuery';
import { AccessRowView } from './AccessRowView';
import { disclosedTo, disclosureStream } from './disclosure-view';
import { streamName } from './stream-name';

/**
 * What of a case or thread was disclosed to the reader: the disclosures to them, then every entry
 * with how they hold it. A disclosed entry is opened only with a key matching its signed
 * commitment. Routes: /cases/:caseId/disclosed and /threads/:threadId/disclosed.
 */
export const DisclosedPage = () => {
  const { t } = useT('disclosure');
  const format = useUtcFormat();
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
      <h1 id="disclosed-title">
        {stream ? t('disclosed.titleOf', { stream: streamName(t, stream.name, 'name') }) : t('disclosed.title')}
      </h1>
      <LiveStatus />
      <p>
        <Link to={back}>{t('disclosed.back')}</Link>
      </p>
      <StreamQueryState contextState={contextState} query={query} what={t('disclosed.verifying')} />
      {loaded && !stream ? <p role="alert">{t('disclosed.noStream')}</p> : null}
      {view ? (
        <>
          <h2>{t('disclosed.grants')}</h2>
          {view.grants.length === 0 ? (
            <p className="no-access" data-testid="no-disclosures">
              {t('disclosed.none')}
            </p>
          ) : (
            <ul data-testid="disclosures">
              {view.grants.map((grant) => (
                <li key={grant.entryHash} data-testid="disclosure-grant">
                  <Trans
                    t={t}
                    i18nKey={grant.scope === 'case' ? 'disclosed.grantCase' : 'disclosed.grant'}
                    count={grant.count}
                    values={{
                      seq: grant.seq,
                      by: grant.by,
                      party: grant.party,
                      time: format.instant(grant.claimedAt),
                      purpose: grant.purpose,
                    }}
                    components={{ q: <q dir="auto" /> }}
                  />
                </li>
              ))}
            </ul>
          )}
          <h2>{t('disclosed.entries')}</h2>
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
