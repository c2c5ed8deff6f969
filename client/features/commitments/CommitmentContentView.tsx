import type { ContentView } from '../../entries/content-view';

type Commitment = Extract<ContentView, { type: 'commitment' }>;

/** When it is due, as written: a date (end of that day, UTC) or N days after an entry was logged. */
const dueText = (due: Commitment['due']): string =>
  due.kind === 'date' ? `by ${due.date} (end of day, UTC)` : `within ${due.days} days of entry ${due.of.slice(0, 10)}…`;

/** The commitment's verbatim words and terms; its live state is in the panel below it. */
export const CommitmentContentView = ({ content }: { content: Commitment }) => (
  <article className="commitment" data-testid="commitment">
    <blockquote className="letter-body" data-testid="commitment-text">
      {content.text}
    </blockquote>
    <p className="hint">
      Made on {content.madeAt}; due {dueText(content.due)}; covers {content.scope.caseIds.length} case
      {content.scope.caseIds.length === 1 ? '' : 's'}
      {content.scope.kind === 'cohort'
        ? ` (those taken as minors who were 18 or over on ${content.scope.cohort.asOf}, frozen as a list)`
        : ''}
      .
    </p>
    {content.publicStatement ? <p>May be announced: {content.publicStatement}</p> : null}
  </article>
);

/** A party's update on a commitment: a stance, a fulfilment claim, or both. */
export const CommitmentUpdateContentView = ({
  content,
}: {
  content: Extract<ContentView, { type: 'commitment_update' }>;
}) => (
  <p data-testid="commitment-update">
    {content.status ? `Stance: ${content.status.replaceAll('_', ' ')}. ` : ''}
    {content.fulfilment ? `Claims case ${content.fulfilment.caseId.slice(0, 8)} fulfilled. ` : ''}
    {content.note}
  </p>
);
