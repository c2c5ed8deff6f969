import { type FormEvent, useState } from 'react';
import type { CommitmentView } from '../../../shared/content/commitment-state';
import { ENTRY_RULES } from '../../../shared/schemas/entry-type';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { EntryView } from '../../entries/entry-view';
import { useT } from '../../i18n/useT';
import { TextField } from '../cases/TextField';
import { RecipientStatus } from '../people/RecipientStatus';
import { useWorkflowWrite } from '../workflows/useWorkflowWrite';
import type { WorkflowScope } from '../workflows/workflow-scope';

/**
 * The receiving party confirms returns on the commitment itself: how many children arrived (a
 * count scope), or which listed case (a case scope). Only the obligee's people see it, and only
 * the obligee's confirmations count (commitment-stances.ts), whoever posts one.
 */
export const ConfirmReturnForm = ({
  entry,
  view,
  scope,
  caseLabel,
}: {
  entry: EntryView;
  view: CommitmentView;
  scope: WorkflowScope;
  caseLabel: (id: string) => string;
}) => {
  const { t } = useT('daily');
  const [count, setCount] = useState('');
  const [caseId, setCaseId] = useState('');
  const [note, setNote] = useState('');
  const { write, busy, error, step, check, canSend } = useWorkflowWrite(scope);
  const { commitment } = view;
  const isCount = commitment.scope.kind === 'count';
  const open = view.cases.filter((item) => item.state !== 'acknowledged').map((item) => item.caseId);
  const remaining = view.total - view.fulfilled;
  if (
    scope.context.me.partyId !== commitment.obligee ||
    !ENTRY_RULES.commitment_update.roles.includes(scope.context.me.role) ||
    remaining <= 0
  ) {
    return null;
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const returnConfirmed = isCount ? { count: Number(count) } : { count: 1, caseIds: [caseId] };
    write(
      { streamId: entry.streamId, streamKind: 'thread' },
      {
        type: 'commitment_update',
        refs: [entry.entryHash],
        content: { type: 'commitment_update', returnConfirmed, note },
      },
      () => {
        setCount('');
        setCaseId('');
        setNote('');
      },
    );
  };
  return (
    <form onSubmit={submit} className="entry-form inline-form" data-testid="confirm-return-form">
      <h3>{t('confirmReturn.title')}</h3>
      {isCount ? (
        <TextField
          label={t('confirmReturn.children', { remaining })}
          type="number"
          value={count}
          onChange={setCount}
          required
          testId="confirm-return-count"
        />
      ) : (
        <fieldset>
          <legend>{t('confirmReturn.case')}</legend>
          {open.map((id) => (
            <label key={id}>
              <input
                type="radio"
                name="confirm-return-case"
                value={id}
                checked={caseId === id}
                onChange={() => setCaseId(id)}
                data-testid="confirm-return-case"
              />{' '}
              {caseLabel(id)}
            </label>
          ))}
        </fieldset>
      )}
      <TextField label={t('confirmReturn.note')} value={note} onChange={setNote} testId="confirm-return-note" />
      {check.status === 'ready' && check.canSend ? null : <RecipientStatus check={check} />}
      <button
        type="submit"
        disabled={busy || !canSend || (isCount ? count === '' : caseId === '')}
        data-testid="confirm-return-submit"
      >
        {busy ? step || t('confirmReturn.working') : t('confirmReturn.submit')}
      </button>
      <ErrorNotice error={error} testId="confirm-return-error" />
    </form>
  );
};
