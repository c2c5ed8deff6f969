import type { ContentView } from '../../entries/content-view';
import { AttachmentList } from '../attachments/AttachmentList';

/** A memorandum of a meeting or call: when, where or how, who, and what was said. */
export const MinutesView = ({ content }: { content: Extract<ContentView, { type: 'minutes' }> }) => (
  <article className="minutes" data-testid="minutes">
    <h3 data-testid="minutes-subject">{content.subject}</h3>
    <dl className="facts">
      <dt>{content.kind === 'meeting' ? 'Meeting' : 'Call'} on</dt>
      <dd>{content.date}</dd>
      {content.place ? (
        <>
          <dt>Place</dt>
          <dd>{content.place}</dd>
        </>
      ) : null}
      {content.medium ? (
        <>
          <dt>Medium</dt>
          <dd>{content.medium}</dd>
        </>
      ) : null}
      <dt>Participants</dt>
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
