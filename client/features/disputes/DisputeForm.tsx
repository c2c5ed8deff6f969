import type { FormEvent } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { EntryView } from '../../entries/entry-view';
import { useT } from '../../i18n/useT';
import { useDraft } from '../../store/drafts';
import { FilePicker } from '../attachments/FilePicker';
import { UploadProgressList } from '../attachments/UploadProgressList';
import { TextField } from '../cases/TextField';
import { RecipientStatus } from '../people/RecipientStatus';
import { useWorkflowWrite } from '../workflows/useWorkflowWrite';
import type { WorkflowScope } from '../workflows/workflow-scope';

/** One reason a line: the dispute records them as a list. */
const reasonsOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

const EMPTY_DISPUTE: {
  readonly reasons: string;
  readonly counterClaim: string;
  readonly evidence: string;
  readonly files: readonly File[];
} = { reasons: '', counterClaim: '', evidence: '', files: [] };

/**
 * Contests an entry of another party with reasons, cited entries, evidence files (encrypted here
 * like any attachment) and the disputing side's own account. The entry itself stays as it was: the dispute is a new entry beside it.
 */
export const DisputeForm = ({
  entry,
  scope,
  onDone,
}: {
  entry: EntryView;
  scope: WorkflowScope;
  onDone: () => void;
}) => {
  // Kept by the entry disputed, so that reasons half written when the keys lock survive the unlock.
  const [{ reasons, counterClaim, evidence, files }, update, discard] = useDraft(
    `dispute ${entry.entryHash}`,
    EMPTY_DISPUTE,
  );
  const { t } = useT('disputes');
  const { write, busy, error, step, check, canSend, uploads } = useWorkflowWrite(scope);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const claim = counterClaim.trim();
    write(
      { streamId: entry.streamId, streamKind: entry.streamKind },
      {
        type: 'dispute',
        refs: [entry.entryHash],
        content: {
          type: 'dispute',
          reasons: reasonsOf(reasons),
          evidence: { entries: reasonsOf(evidence), attachments: [] },
          ...(claim ? { counterClaim: claim } : {}),
        },
        files,
      },
      () => {
        discard();
        onDone();
      },
    );
  };
  return (
    <form onSubmit={submit} className="entry-form inline-form" data-testid="dispute-form">
      <TextField
        label={t('form.reasons')}
        value={reasons}
        onChange={(value) => update({ reasons: value })}
        multiline
        required
        testId="dispute-reasons"
      />
      <TextField
        label={t('form.counterClaim')}
        value={counterClaim}
        onChange={(value) => update({ counterClaim: value })}
        multiline
        testId="dispute-counter-claim"
      />
      <TextField
        label={t('form.evidence')}
        value={evidence}
        onChange={(value) => update({ evidence: value })}
        multiline
        testId="dispute-evidence"
      />
      <FilePicker
        label={t('form.files')}
        files={files}
        onChange={(chosen) => update({ files: chosen })}
        testId="dispute-files"
      />
      {check.status === 'ready' && check.canSend ? null : <RecipientStatus check={check} />}
      <button
        type="submit"
        className="primary"
        disabled={busy || reasonsOf(reasons).length === 0 || !canSend}
        data-testid="dispute-submit"
      >
        {busy ? step || t('form.working') : t('form.submit')}
      </button>
      <UploadProgressList uploads={uploads} />
      <ErrorNotice error={error} testId="dispute-error" />
    </form>
  );
};
