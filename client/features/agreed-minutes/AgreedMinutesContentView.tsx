import type { ContentView } from '../../entries/content-view';
import { useT } from '../../i18n/useT';
import { useUtcFormat } from '../../i18n/useUtcFormat';
import { AttachmentList } from '../attachments/AttachmentList';

/** The text of one version of agreed minutes: title, when and where, who, and the numbered clauses. */
export const AgreedMinutesContentView = ({
  content,
}: {
  content: Extract<ContentView, { type: 'agreed_minutes' }>;
}) => {
  const { t } = useT('agreed-minutes');
  const format = useUtcFormat();
  return (
    <article className="minutes agreed-minutes" data-testid="agreed-minutes">
      <h3 data-testid="agreed-minutes-title" dir="auto">
        {content.title}
      </h3>
      <dl className="facts">
        <dt>{t('content.date')}</dt>
        <dd>{format.day(content.date)}</dd>
        {content.place ? (
          <>
            <dt>{t('content.place')}</dt>
            <dd dir="auto">{content.place}</dd>
          </>
        ) : null}
        <dt>{t('content.participants')}</dt>
        <dd dir="auto">
          {content.participants
            .map((participant) => (participant.role ? `${participant.name} (${participant.role})` : participant.name))
            .join('; ')}
        </dd>
      </dl>
      {content.changes ? (
        <p className="hint" data-testid="agreed-minutes-changes" dir="auto">
          {t('content.changes', { changes: content.changes })}
        </p>
      ) : null}
      <ol className="clauses">
        {content.clauses.map((clause) => (
          <li key={clause.number} value={clause.number} data-testid="agreed-minutes-clause" dir="auto">
            {clause.text}
          </li>
        ))}
      </ol>
      <AttachmentList files={content.attachments} />
    </article>
  );
};
