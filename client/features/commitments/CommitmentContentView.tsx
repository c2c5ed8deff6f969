import type { ContentView } from '../../entries/content-view';

type Commitment = Extract<ContentView, { type: 'commitment' }>;

/** When it is due, as written: a date, a time of day in a zone, or N days or hours after an entry was logged. */
const dueText = (due: Commitment['due']): string => {
  switch (due.kind) {
    case 'date':
      return `by ${due.date} (end of day, UTC)`;
    case 'at':
      return `by ${due.at.replace('T', ' ')} (${due.zone})`;
    case 'within_days':
      return `within ${due.days} day${due.days === 1 ? '' : 's'} of entry ${due.of.slice(0, 10)}…`;
    case 'within_hours':
      return `within ${due.hours} hour${due.hours === 1 ? '' : 's'} of entry ${due.of.slice(0, 10)}…`;
  }
};

const scopeText = (scope: Commitment['scope']): string => {
  if (scope.kind === 'count') {
    return `${scope.count} ${scope.count === 1 ? 'child' : 'children'}`;
  }
  const cases = `${scope.caseIds.length} case${scope.caseIds.length === 1 ? '' : 's'}`;
  return scope.kind === 'cohort'
    ? `${cases} (those taken as minors who were 18 or over on ${scope.cohort.asOf}, frozen as a list)`
    : cases;
};

/** The commitment's verbatim words and terms; its live state is in the panel below it. */
export const CommitmentContentView = ({ content }: { content: Commitment }) => (
  <article className="commitment" data-testid="commitment">
    <blockquote className="letter-body" data-testid="commitment-text">
      {content.text}
    </blockquote>
    <p className="hint">
      Made on {content.madeAt}; due <span data-testid="commitment-due">{dueText(content.due)}</span>; covers{' '}
      <span data-testid="commitment-scope">{scopeText(content.scope)}</span>.
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
    {content.returnConfirmed
      ? `Confirms ${content.returnConfirmed.count} ${content.returnConfirmed.count === 1 ? 'child' : 'children'} returned. `
      : ''}
    {content.note}
  </p>
);
