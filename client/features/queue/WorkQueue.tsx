import { useEffect, useMemo } from 'react';
import { Link } from 'react-router';
import { directoryPeople } from '../../entries/directory-people';
import { loadStreams } from '../../entries/load-streams';
import { useT } from '../../i18n/useT';
import { useUtcFormat } from '../../i18n/useUtcFormat';
import { useLiveRefresh } from '../../live/useLiveRefresh';
import { StreamQueryState } from '../cases/StreamQueryState';
import { useEntryQuery } from '../timeline/useEntryQuery';
import { publishQueueCount } from './queue-count';
import { seenOf } from './seen-store';
import { QUEUE_KINDS, type QueueItem, workQueue } from './work-queue';

const linkOf = (item: QueueItem) =>
  `/${item.streamKind === 'case' ? 'cases' : 'threads'}/${item.streamId}#entry-${item.entryHash}`;

/** Home's work queue: each kind of pending item with its count, each item a link to act on it. */
export const WorkQueue = () => {
  const { t } = useT(['daily', 'timeline']);
  const format = useUtcFormat();
  const { context, contextState, query, refresh } = useEntryQuery(
    async (ctx) => ({ loaded: await loadStreams(ctx), now: new Date() }),
    'work queue',
  );
  useLiveRefresh(refresh);
  const read = query.status === 'ready' ? query.data : null;
  const items = useMemo(() => {
    if (!read || !context) {
      return null;
    }
    const reader = { personId: context.me.personId, partyId: context.me.partyId, seen: seenOf(context.me.personId) };
    return workQueue(read.loaded, directoryPeople(read.loaded.names.directory), reader, read.now);
  }, [read, context]);
  useEffect(() => publishQueueCount(items ? items.length : null), [items]);
  return (
    <section className="panel" aria-labelledby="queue-title" data-testid="work-queue">
      <h2 id="queue-title">{t('queue.title')}</h2>
      <StreamQueryState contextState={contextState} query={query} what={t('search.loading')} />
      {items ? (
        items.length === 0 ? (
          <p data-testid="queue-empty">{t('queue.empty')}</p>
        ) : (
          QUEUE_KINDS.map((kind) => {
            const ofKind = items.filter((item) => item.kind === kind);
            return ofKind.length === 0 ? null : (
              <section key={kind} data-testid="queue-kind" data-kind={kind} data-count={ofKind.length}>
                <h3>{t(`queue.kind.${kind}`, { count: ofKind.length })}</h3>
                <ul>
                  {ofKind.map((item) => (
                    <li key={`${kind}-${item.entryHash}`} data-testid="queue-item" data-kind={kind}>
                      <Link to={linkOf(item)} data-testid="queue-link">
                        {t(`timeline:entryType.${item.type}`)}
                      </Link>{' '}
                      <span className="hint">{format.instant(item.at)}</span>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })
        )
      ) : null}
    </section>
  );
};
