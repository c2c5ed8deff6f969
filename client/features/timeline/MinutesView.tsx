import type { ContentView } from '../../entries/content-view';
import { useT } from '../../i18n/useT';
import { AttachmentList } from '../attachments/AttachmentList';

/** A memorandum of a meeting or call: when, where or how, who, and what was said. */
export const MinutesView = ({ content }: { content: Extract<ContentView, { type: 'minutes' }> }) => {
  const { t } = useT('timeline');
  return (
    <article className="minutes" data-testid="minutes">
      <h3 data-testid="minutes-subject">{content.subject}</h3>
      <dl className="facts">
        <dt>{content.kind === 'meeting' ? t('meetingOn') : t('callOn')}</dt>
        <dd>{content.date}</dd>
        {content.place ? (
          <>
            <dt>{t('place')}</dt>
            <dd>{content.place}</dd>
          </>
        ) : null}
        {content.medium ? (
          <>
            <dt>{t('medium')}</dt>
            <dd>{content.medium}</dd>
          </>
        ) : null}
        <dt>{t('participants')}</dt>
        <dd data-testid="minutes-participants">
          {content.participants
            .map((participant) => (participant.role ? `${participant.name} (${participant.role})` : participant.name))
            .join('; ')}
        </dd>
      </dl>
      <div className="letter-body" data-testid="minutes-text">
        {content.text}
      </div>
      <AttachmentList files={content.attachments} />
    </article>
  );
};
