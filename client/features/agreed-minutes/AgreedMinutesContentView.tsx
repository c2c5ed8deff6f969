import type { ContentView } from '../../entries/content-view';
import { AttachmentList } from '../attachments/AttachmentList';

/** The text of one version of agreed minutes: title, when and where, who, and the numbered clauses. */
export const AgreedMinutesContentView = ({
  content,
}: {
  content: Extract<ContentView, { type: 'agreed_minutes' }>;
}) => (
  <article className="minutes agreed-minutes" data-testid="agreed-minutes">
    <h3 data-testid="agreed-minutes-title">{content.title}</h3>
    <dl className="facts">
      <dt>Date</dt>
      <dd>{content.date}</dd>
      {content.place ? (
        <>
          <dt>Place</dt>
          <dd>{content.place}</dd>
        </>
      ) : null}
      <dt>Participants</dt>
      <dd>
        {content.participants
          .map((participant) => (participant.role ? `${participant.name} (${participant.role})` : participant.name))
          .join('; ')}
      </dd>
    </dl>
    {content.changes ? (
      <p className="hint" data-testid="agreed-minutes-changes">
        Changes from the previous version: {content.changes}
      </p>
    ) : null}
    <ol className="clauses">
      {content.clauses.map((clause) => (
        <li key={clause.number} value={clause.number} data-testid="agreed-minutes-clause">
          {clause.text}
        </li>
      ))}
    </ol>
    <AttachmentList files={content.attachments} />
  </article>
);
