import { Trans } from 'react-i18next';
import type { ContentView } from '../../entries/content-view';
import { useT } from '../../i18n/useT';
import { useUtcFormat } from '../../i18n/useUtcFormat';

type Commitment = Extract<ContentView, { type: 'commitment' }>;
type Translate = ReturnType<typeof useT>['t'];
type UtcFormat = ReturnType<typeof useUtcFormat>;

/** When it is due, as written: a date, a time of day in a zone, or N days or hours after an entry was logged. */
const dueText = (due: Commitment['due'], t: Translate, format: UtcFormat): string => {
  switch (due.kind) {
    case 'date':
      return t('terms.dueDate', { date: format.day(due.date) });
    case 'at':
      return t('terms.dueAt', { at: format.wallClock(due.at), zone: due.zone });
    case 'within_days':
      return t('terms.withinDays', { count: due.days, entry: due.of.slice(0, 10) });
    case 'within_hours':
      return t('terms.withinHours', { count: due.hours, entry: due.of.slice(0, 10) });
  }
};

const scopeText = (scope: Commitment['scope'], t: Translate, format: UtcFormat): string => {
  if (scope.kind === 'count') {
    return t('terms.children', { count: scope.count });
  }
  const cases = t('terms.cases', { count: scope.caseIds.length });
  return scope.kind === 'cohort' ? t('terms.cohort', { cases, date: format.day(scope.cohort.asOf) }) : cases;
};

/** The commitment's verbatim words and terms; its live state is in the panel below it. */
export const CommitmentContentView = ({ content }: { content: Commitment }) => {
  const { t } = useT('commitments');
  const format = useUtcFormat();
  return (
    <article className="commitment" data-testid="commitment">
      <blockquote className="letter-body" data-testid="commitment-text" dir="auto">
        {content.text}
      </blockquote>
      <p className="hint">
        <Trans
          t={t}
          i18nKey="terms.sentence"
          values={{
            madeOn: format.day(content.madeAt),
            due: dueText(content.due, t, format),
            scope: scopeText(content.scope, t, format),
          }}
          components={{ due: <span data-testid="commitment-due" />, scope: <span data-testid="commitment-scope" /> }}
        />
      </p>
      {content.publicStatement ? <p dir="auto">{t('terms.announce', { statement: content.publicStatement })}</p> : null}
    </article>
  );
};

/** A party's update on a commitment: a stance, a fulfilment claim, or both. */
export const CommitmentUpdateContentView = ({
  content,
}: {
  content: Extract<ContentView, { type: 'commitment_update' }>;
}) => {
  const { t } = useT('commitments');
  return (
    <p data-testid="commitment-update">
      {content.status ? t('update.stance', { stance: t(`stance.${content.status}`) }) : ''}
      {content.fulfilment ? t('update.claims', { case: content.fulfilment.caseId.slice(0, 8) }) : ''}
      {content.returnConfirmed ? t('update.confirms', { count: content.returnConfirmed.count }) : ''}
      {content.note}
    </p>
  );
};
