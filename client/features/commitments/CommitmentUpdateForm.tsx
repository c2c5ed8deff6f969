import { type FormEvent, useState } from 'react';
import type { CommitmentStance } from '../../../shared/content/commitment-content';
import { ENTRY_RULES } from '../../../shared/schemas/entry-type';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { EntryView } from '../../entries/entry-view';
import { useT } from '../../i18n/useT';
import { SelectField } from '../cases/SelectField';
import { TextField } from '../cases/TextField';
import { RecipientStatus } from '../people/RecipientStatus';
import { useWorkflowWrite } from '../workflows/useWorkflowWrite';
import type { WorkflowScope } from '../workflows/workflow-scope';

/** Posts the reader's party's stance on a commitment (`commitment_update`). */
export const CommitmentUpdateForm = ({
  entry,
  stances,
  scope,
}: {
  entry: EntryView;
  stances: readonly CommitmentStance[];
  scope: WorkflowScope;
}) => {
  const { t } = useT('commitments');
  const [stance, setStance] = useState<CommitmentStance | ''>('');
  const [note, setNote] = useState('');
  const { write, busy, error, step, check, canSend } = useWorkflowWrite(scope);
  if (stances.length === 0 || !ENTRY_RULES.commitment_update.roles.includes(scope.context.me.role)) {
    return null;
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (stance === '') {
      return;
    }
    write(
      { streamId: entry.streamId, streamKind: 'thread' },
      {
        type: 'commitment_update',
        refs: [entry.entryHash],
        content: { type: 'commitment_update', status: stance, note },
      },
      () => {
        setStance('');
        setNote('');
      },
    );
  };
  return (
    <form onSubmit={submit} className="entry-form inline-form" data-testid="commitment-update-form">
      <SelectField
        label={t('update.yourStance')}
        value={stance}
        onChange={setStance}
        options={stances.map((value) => [value, t(`stance.${value}`)] as const)}
        empty={t('update.choose')}
        required
        testId="commitment-stance"
      />
      <TextField label={t('update.note')} value={note} onChange={setNote} testId="commitment-update-note" />
      {check.status === 'ready' && check.canSend ? null : <RecipientStatus check={check} />}
      <button type="submit" disabled={busy || stance === '' || !canSend} data-testid="commitment-update-submit">
        {busy ? step || t('update.working') : t('update.submit')}
      </button>
      <ErrorNotice error={error} testId="commitment-update-error" />
    </form>
  );
};
