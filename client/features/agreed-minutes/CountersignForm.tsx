import type { FormEvent } from 'react';
import { CountersignIntent } from '../../../shared/schemas/entry';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { EntryView } from '../../entries/entry-view';
import { useT } from '../../i18n/useT';
import { useDraft } from '../../store/drafts';
import { SelectField } from '../cases/SelectField';
import { TextField } from '../cases/TextField';
import { RecipientStatus } from '../people/RecipientStatus';
import { shortHash } from '../timeline/labels';
import { useWorkflowWrite } from '../workflows/useWorkflowWrite';
import type { WorkflowScope } from '../workflows/workflow-scope';

const EMPTY_COUNTERSIGN: { readonly intent: CountersignIntent | ''; readonly statement: string } = {
  intent: '',
  statement: '',
};

/**
 * Countersigns exactly the version shown: the signature's `refs[0]` is this version's hash and
 * nothing else can be chosen, so a party cannot sign one text and appear to have signed another.
 */
export const CountersignForm = ({ minutes, scope }: { minutes: EntryView; scope: WorkflowScope }) => {
  const { t } = useT('agreed-minutes');
  const intents = CountersignIntent.options.map((intent) => [intent, t(`intent.${intent}`)] as const);
  // Kept by the version countersigned, so that a statement half written survives a lock.
  const [{ intent, statement }, update, discard] = useDraft(`countersign ${minutes.entryHash}`, EMPTY_COUNTERSIGN);
  const { write, busy, error, step, check, canSend } = useWorkflowWrite(scope);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (intent === '') {
      return;
    }
    const trimmed = statement.trim();
    write(
      { streamId: minutes.streamId, streamKind: 'thread' },
      {
        type: 'countersignature',
        refs: [minutes.entryHash],
        meta: { intent },
        content: { type: 'countersignature', ...(trimmed ? { statement: trimmed } : {}) },
      },
      discard,
    );
  };
  return (
    <form onSubmit={submit} className="entry-form inline-form" data-testid="countersign-form">
      <p className="hint">
        {t('countersign.thisVersionOnly')}{' '}
        <code data-testid="countersign-hash" data-hash={minutes.entryHash}>
          {shortHash(minutes.entryHash)}
        </code>
      </p>
      <SelectField
        label={t('countersign.intent')}
        value={intent}
        onChange={(chosen) => update({ intent: chosen })}
        options={intents}
        empty={t('countersign.choose')}
        required
        testId="countersign-intent"
      />
      <TextField
        label={t('countersign.statement')}
        value={statement}
        onChange={(value) => update({ statement: value })}
        testId="countersign-statement"
      />
      {check.status === 'ready' && check.canSend ? null : <RecipientStatus check={check} />}
      <button type="submit" className="primary" disabled={busy || intent === '' || !canSend} data-testid="countersign">
        {busy ? step || t('countersign.working') : t('countersign.submit')}
      </button>
      <ErrorNotice error={error} testId="countersign-error" />
    </form>
  );
};
