import type { CommitmentView } from '../../../shared/content/commitment-state';
import type { EntryView } from '../../entries/entry-view';
import { partyName } from '../../entries/entry-view';
import { formatInstant } from '../timeline/labels';
import { personName, type WorkflowScope } from '../workflows/workflow-scope';
import { CommitmentUpdateForm } from './CommitmentUpdateForm';
import { ConfirmReturnForm } from './ConfirmReturnForm';
import { CASE_FULFILMENT_LABELS, COMMITMENT_STATUS_LABELS, SOURCE_CHECK_LABELS } from './commitment-labels';
import { stanceOptions } from './stance-options';

const deadlineText = (due: CommitmentView['due']): string =>
  due.state === 'resolved'
    ? `${formatInstant(due.deadline)}${due.basis === 'received_at' ? ' (counted from when the log recorded the entry)' : ''}`
    : 'not known here: the entry it counts from is not among yours';

/**
 * A commitment's state as this browser derives it today: status, k of n cases fulfilled (a case
 * counts only once the receiving party acknowledged its return), the deadline and whether it has
 * passed, each case, and each party's stance. The server cannot compute any of it.
 */
export const CommitmentPanel = ({
  entry,
  view,
  scope,
}: {
  entry: EntryView;
  view: CommitmentView;
  scope: WorkflowScope;
}) => {
  const { commitment } = view;
  const name = (party: string) => partyName(scope.names, party);
  const caseLabel = (id: string) => scope.names.caseReferences?.get(id) ?? `case ${id.slice(0, 8)}`;
  const source =
    commitment.source.kind === 'agreed_minutes'
      ? `clause ${commitment.source.clause} of agreed minutes`
      : 'an exchange of notes';
  return (
    <div className={`commitment-state is-${view.status}`} data-testid="commitment-state">
      <p>
        <strong className="status" data-testid="commitment-status" data-status={view.status}>
          {COMMITMENT_STATUS_LABELS[view.status]}
        </strong>{' '}
        ·{' '}
        <span data-testid="commitment-fulfilment" data-fulfilled={view.fulfilled} data-total={view.total}>
          {view.fulfilled} of {view.total} {commitment.scope.kind === 'count' ? 'children returned' : 'fulfilled'}
        </span>
      </p>
      <dl className="facts">
        <dt>Obligor</dt>
        <dd data-testid="commitment-obligor">{name(commitment.obligor)}</dd>
        <dt>Obligee (confirms each return)</dt>
        <dd data-testid="commitment-obligee">{name(commitment.obligee)}</dd>
        {commitment.intermediary ? (
          <>
            <dt>Intermediary</dt>
            <dd>{name(commitment.intermediary)}</dd>
          </>
        ) : null}
        <dt>Source</dt>
        <dd data-testid="commitment-source" data-check={view.source}>
          {source}: {SOURCE_CHECK_LABELS[view.source]}
        </dd>
        <dt>Deadline</dt>
        <dd>
          <span data-testid="commitment-deadline">{deadlineText(view.due)}</span>
          {view.isOverdue ? (
            <strong className="error" data-testid="commitment-overdue">
              {' '}
              (passed, as of today)
            </strong>
          ) : null}
        </dd>
      </dl>
      {view.cases.length === 0 ? null : (
        <table className="fulfilment">
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col">Return</th>
            </tr>
          </thead>
          <tbody>
            {view.cases.map((item) => (
              <tr key={item.caseId} data-testid="commitment-case" data-case={item.caseId} data-state={item.state}>
                <th scope="row">{caseLabel(item.caseId)}</th>
                <td>
                  {CASE_FULFILMENT_LABELS[item.state]}
                  {item.acknowledgement
                    ? ` (${personName(scope, item.acknowledgement.person)}, ${formatInstant(item.acknowledgement.receivedAt)})`
                    : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {view.stances.size > 0 ? (
        <ul className="stances">
          {[...view.stances].map(([party, said]) => (
            <li key={party} data-testid="commitment-stance-of" data-party={party}>
              {name(party)}: {said.stance.replaceAll('_', ' ')}
            </li>
          ))}
        </ul>
      ) : null}
      {scope.canWrite ? <ConfirmReturnForm entry={entry} view={view} scope={scope} caseLabel={caseLabel} /> : null}
      {scope.canWrite ? (
        <CommitmentUpdateForm
          entry={entry}
          stances={stanceOptions(commitment, entry.author.partyId, scope.context.me.partyId)}
          scope={scope}
        />
      ) : null}
    </div>
  );
};
