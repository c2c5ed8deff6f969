import { type FormEvent, useState } from 'react';
import { EvidenceKind } from '../../../shared/content/evidence-content';
import { useAction } from '../../api/useAction';
import { ErrorNotice } from '../../components/ErrorNotice';
import { appendEntry } from '../../entries/append-entry';
import type { EntryContext } from '../../entries/entry-context';
import { FilePicker } from '../attachments/FilePicker';
import { RecipientStatus } from '../people/RecipientStatus';
import { EVIDENCE_KIND_LABELS } from '../timeline/labels';
import { useSendCheck } from '../timeline/useSendCheck';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

const KINDS = EvidenceKind.options.map((kind) => [kind, EVIDENCE_KIND_LABELS[kind]] as const);

/**
 * Adds evidence to a case: a summary and files (a verification package, a handover record, the
 * person's own consent record), sealed to the case's parties like any entry. Status changes and
 * disputes cite it by its entry.
 */
export const EvidenceForm = ({
  context,
  caseId,
  members,
  onDone,
}: {
  context: EntryContext;
  caseId: string;
  members: readonly string[];
  onDone: () => void;
}) => {
  const [kind, setKind] = useState<EvidenceKind | ''>('');
  const [summary, setSummary] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [step, setStep] = useState('');
  const { busy, error, run } = useAction();
  const { check } = useSendCheck(members);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (kind === '') {
      return;
    }
    run(
      () =>
        appendEntry(
          context,
          {
            type: 'evidence',
            streamKind: 'case',
            streamId: caseId,
            content: { type: 'evidence', caseId, kind, summary: summary.trim(), attachments: [] },
            files,
          },
          setStep,
        ),
      onDone,
    );
  };
  return (
    <form onSubmit={submit} className="entry-form" aria-label="Add evidence" data-testid="evidence-form">
      <SelectField
        label="Kind of evidence"
        value={kind}
        onChange={setKind}
        options={KINDS}
        empty="Choose…"
        required
        testId="evidence-kind"
      />
      <TextField label="Summary" value={summary} onChange={setSummary} multiline required testId="evidence-summary" />
      <FilePicker label="Files" files={files} onChange={setFiles} testId="evidence-files" />
      <RecipientStatus check={check} />
      <button
        type="submit"
        className="primary"
        disabled={busy || kind === '' || summary.trim() === '' || check.status !== 'ready' || !check.canSend}
        data-testid="evidence-submit"
      >
        {busy ? step || 'Working…' : 'Seal, sign and add the evidence'}
      </button>
      <ErrorNotice error={error} testId="evidence-error" />
    </form>
  );
};
