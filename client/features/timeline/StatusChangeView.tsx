import { Trans } from 'react-i18next';
import type { ContentView } from '../../entries/content-view';
import { useT } from '../../i18n/useT';
import { valueLabel } from '../cases/value-labels';
import { shortHash } from './labels';
import { useDisplayDate } from './useDisplayDate';

/** A link to a cited entry, which the timeline shows under the anchor `entry-<hash>` when it is on the page. */
const Cited = ({ hash }: { hash: string }) => <a href={`#entry-${hash}`}>{shortHash(hash)}</a>;

/** A status change: the new status, its note, and the facts that status requires. */
export const StatusChangeView = ({ content }: { content: Extract<ContentView, { type: 'status_change' }> }) => {
  const { t } = useT(['timeline-views', 'case', 'cases-record']);
  const { plainDate } = useDisplayDate();
  return (
    <div className="status-change">
      <p>
        <Trans
          t={t}
          i18nKey={content.effectiveDate ? 'statusSetAsOf' : 'statusSet'}
          values={{
            status: t(`case:statuses.${content.status}`),
            ...(content.effectiveDate ? { date: plainDate(content.effectiveDate) } : {}),
          }}
          components={{
            status: <strong className={`status status-${content.status}`} data-testid="status-change-status" />,
          }}
        />
      </p>
      {content.note ? <p className="letter-body">{content.note}</p> : null}
      {content.locationConfidence ? (
        <p>{t('locationConfidence', { confidence: valueLabel(t, 'confidence', content.locationConfidence) })}</p>
      ) : null}
      {content.reunifiedWith ? (
        <p>
          {t('reunifiedWith')}{' '}
          {content.reunifiedWith
            .map((person) => [valueLabel(t, 'relation', person.relation), person.name].filter(Boolean).join(' '))
            .join('; ')}
        </p>
      ) : null}
      {content.disputedEntry ? (
        <p>
          {t('contests')} <Cited hash={content.disputedEntry} />
        </p>
      ) : null}
      {content.consentEvidence ? (
        <p>
          {t('consentRecord')} <Cited hash={content.consentEvidence} />
        </p>
      ) : null}
      {content.listRef ? (
        <p>
          {t('list')} <Cited hash={content.listRef} />
        </p>
      ) : null}
      {content.commitmentRef ? (
        <p>
          {t('commitment')} <Cited hash={content.commitmentRef} />
        </p>
      ) : null}
    </div>
  );
};
