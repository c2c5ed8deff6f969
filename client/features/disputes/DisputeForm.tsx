import { type FormEvent, useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { EntryView } from '../../entries/entry-view';
import { FilePicker } from '../attachments/FilePicker';
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
  const [reasons, setReasons] = useState('');
  const [counterClaim, setCounterClaim] = useState('');
  const [evidence, setEvidence] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const { write, busy, error, step, check, canSend } = useWorkflowWrite(scope);
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
      onDone,
    );
  };
  return (
    <form onSubmit={submit} className="entry-form inline-form" data-testid="dispute-form">
      <TextField
        label="Reasons (one a line)"
        value={reasons}
        onChange={setReasons}
        multiline
        required
        testId="dispute-reasons"
      />
      <TextField
        label="Your own account (counter-claim)"
        value={counterClaim}
        onChange={setCounterClaim}
        multiline
        testId="dispute-counter-claim"
      />
      <TextField
        label="Evidence: entry hashes, one a line (optional)"
        value={evidence}
        onChange={setEvidence}
        multiline
        testId="dispute-evidence"
      />
      <FilePicker label="Evidence files (optional)" files={files} onChange={setFiles} testId="dispute-files" />
      {check.status === 'ready' && check.canSend ? null : <RecipientStatus check={check} />}
      <button
        type="submit"
        className="primary"
        disabled={busy || reasonsOf(reasons).length === 0 || !canSend}
        data-testid="dispute-submit"
      >
        {busy ? step || 'Working…' : 'Sign and record the dispute'}
      </button>
      <ErrorNotice error={error} testId="dispute-error" />
    </form>
  );
};
