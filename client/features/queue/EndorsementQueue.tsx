import { useEffect } from 'react';
import { Link } from 'react-router';
import { API } from '../../../shared/api/index';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';
import { useT } from '../../i18n/useT';
import { publishQueueCount } from './queue-count';

/** An admin's work queue: the people of their party awaiting endorsement. */
export const EndorsementQueue = () => {
  const { t } = useT('daily');
  const [pending] = useQuery(() => api(API.listPendingEnrolments), []);
  const count = pending.status === 'ready' ? pending.data.pending.length : null;
  useEffect(() => publishQueueCount(count), [count]);
  return (
    <section className="panel" aria-labelledby="queue-title" data-testid="work-queue">
      <h2 id="queue-title">{t('queue.title')}</h2>
      {count === null ? null : count === 0 ? (
        <p data-testid="queue-empty">{t('queue.empty')}</p>
      ) : (
        <section data-testid="queue-kind" data-kind="endorse" data-count={count}>
          <h3>{t('queue.kind.endorse', { count })}</h3>
          <Link to="/admin/pending" data-testid="queue-link">
            {t('queue.endorseLink')}
          </Link>
        </section>
      )}
    </section>
  );
};
