import type { CommitmentView } from '../../../shared/content/commitment-state';
import type { EntryView } from '../../entries/entry-view';
import { partyName } from '../../entries/entry-view';
import { useT } from '../../i18n/useT';
import { useUtcFormat } from '../../i18n/useUtcFormat';
import { personName, type WorkflowScope } from '../workflows/workflow-scope';
import { CommitmentUpdateForm } from './CommitmentUpdateForm';
import { ConfirmReturnForm } from './ConfirmReturnForm';
import { stanceOptions } from './stance-options';

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
  const { t } = useT('commitments');
  const format = useUtcFormat();
  const { commitment } = view;
  const deadline =
    view.due.state === 'resolved'
      ? view.due.basis === 'received_at'
        ? t('panel.countedFromLog', { deadline: format.instant(view.due.deadline) })
        : format.instant(view.due.deadline)
      : t('panel.deadlineUnknown');
  const name = (party: string) => partyName(scope.names, party);
  const caseLabel = (id: string) =>
    scope.names.caseReferences?.get(id) ?? t('panel.caseFallback', { id: id.slice(0, 8) });
  const source =
    commitment.source.kind === 'agreed_minutes'
      ? t('source.clauseOf', { clause: commitment.source.clause })
      : t('source.exchangeOfNotes');
  return (
    <div className={`commitment-state is-${view.status}`} data-testid="commitment-state">
      <p>
        <strong className="status" data-testid="commitment-status" data-status={view.status}>
          {t(`status.${view.status}`)}
        </strong>{' '}
        ·{' '}
        <span data-testid="commitment-fulfilment" data-fulfilled={view.fulfilled} data-total={view.total}>
          {t(commitment.scope.kind === 'count' ? 'panel.childrenReturned' : 'panel.fulfilled', {
            fulfilled: view.fulfilled,
            count: view.total,
          })}
        </span>
      </p>
      <dl className="facts">
        <dt>{t('panel.obligor')}</dt>
        <dd data-testid="commitment-obligor">{name(commitment.obligor)}</dd>
        <dt>{t('panel.obligee')}</dt>
        <dd data-testid="commitment-obligee">{name(commitment.obligee)}</dd>
        {commitment.intermediary ? (
          <>
            <dt>{t('panel.intermediary')}</dt>
            <dd>{name(commitment.intermediary)}</dd>
          </>
        ) : null}
        <dt>{t('panel.source')}</dt>
        <dd data-testid="commitment-source" data-check={view.source}>
          {source}: {t(`source.check.${view.source}`)}
        </dd>
        <dt>{t('panel.deadline')}</dt>
        <dd>
          <span data-testid="commitment-deadline">{deadline}</span>
          {view.isOverdue ? (
            <strong className="error" data-testid="commitment-overdue">
              {' '}
              {t('panel.passed')}
            </strong>
          ) : null}
        </dd>
      </dl>
      {view.cases.length === 0 ? null : (
        <table className="fulfilment">
          <thead>
            <tr>
              <th scope="col">{t('panel.case')}</th>
              <th scope="col">{t('panel.return')}</th>
            </tr>
          </thead>
          <tbody>
            {view.cases.map((item) => (
              <tr key={item.caseId} data-testid="commitment-case" data-case={item.caseId} data-state={item.state}>
                <th scope="row">{caseLabel(item.caseId)}</th>
                <td>
                  {t(`fulfilment.${item.state}`)}
                  {item.acknowledgement
                    ? ` (${personName(scope, item.acknowledgement.person)}, ${format.instant(item.acknowledgement.receivedAt)})`
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
              {name(party)}: {t(`stance.${said.stance}`)}
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
