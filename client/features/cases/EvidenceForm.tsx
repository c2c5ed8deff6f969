import { type FormEvent, useState } from 'react';
import { EvidenceKind } from '../../../shared/content/evidence-content';
import { useAction } from '../../api/useAction';
import { ErrorNotice } from '../../components/ErrorNotice';
import { appendEntry } from '../../entries/append-entry';
import type { EntryContext } from '../../entries/entry-context';
import { useDraft } from '../../store/drafts';
import { FilePicker } from '../attachments/FilePicker';
import { UploadProgressList } from '../attachments/UploadProgressList';
import { useUploadProgress } from '../attachments/useUploadProgress';
import { RecipientStatus } from '../people/RecipientStatus';
import { EVIDENCE_KIND_LABELS } from '../timeline/labels';
import { useSendCheck } from '../timeline/useSendCheck';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

const KINDS = EvidenceKind.options.map((kind) => [kind, EVIDENCE_KIND_LABELS[kind]] as const);

const EMPTY_EVIDENCE: {
  readonly kind: EvidenceKind | '';
  readonly summary: string;
  readonly files: readonly File[];
} = { kind: '', summary: '', files: [] };

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
  // Kept by case, so that evidence half described when the keys lock survives the unlock.
  const [{ kind, summary, files }, update, discard] = useDraft(`evidence ${caseId}`, EMPTY_EVIDENCE);
  const [step, setStep] = useState('');
  const uploads = useUploadProgress();
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
          uploads.onProgress,
        ),
      () => {
        discard();
        onDone();
      },
    );
  };
  return (
    <form onSubmit={submit} className="entry-form" aria-label="Add evidence" data-testid="evidence-form">
      <SelectField
        label="Kind of evidence"
        value={kind}
        onChange={(chosen) => update({ kind: chosen })}
        options={KINDS}
        empty="Choose…"
        required
        testId="evidence-kind"
      />
      <TextField
        label="Summary"
        value={summary}
        onChange={(value) => update({ summary: value })}
        multiline
        required
        testId="evidence-summary"
      />
      <FilePicker
        label="Files"
        files={files}
        onChange={(chosen) => update({ files: chosen })}
        testId="evidence-files"
      />
      <RecipientStatus check={check} />
      <button
        type="submit"
        className="primary"
        disabled={busy || kind === '' || summary.trim() === '' || check.status !== 'ready' || !check.canSend}
        data-testid="evidence-submit"
      >
        {busy ? step || 'Working…' : 'Seal, sign and add the evidence'}
      </button>
      <UploadProgressList uploads={uploads.files} />
      <ErrorNotice error={error} testId="evidence-error" />
    </form>
  );
};
