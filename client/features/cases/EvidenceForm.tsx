import type { FormEvent } from 'react';
import { EvidenceKind } from '../../../shared/content/evidence-content';
import { useAction } from '../../api/useAction';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAppendStep } from '../../components/useAppendStep';
import { appendEntry } from '../../entries/append-entry';
import type { EntryContext } from '../../entries/entry-context';
import { useT } from '../../i18n/useT';
import { useDraft } from '../../store/drafts';
import { FilePicker } from '../attachments/FilePicker';
import { UploadProgressList } from '../attachments/UploadProgressList';
import { useUploadProgress } from '../attachments/useUploadProgress';
import { RecipientStatus } from '../people/RecipientStatus';
import { useSendCheck } from '../timeline/useSendCheck';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

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
  const { t } = useT(['cases-forms', 'timeline-views']);
  const [step, setStep] = useAppendStep();
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
    <form onSubmit={submit} className="entry-form" aria-label={t('evidence.form')} data-testid="evidence-form">
      <SelectField
        label={t('evidence.kind')}
        value={kind}
        onChange={(chosen) => update({ kind: chosen })}
        options={EvidenceKind.options.map((option) => [option, t(`timeline-views:evidenceKind.${option}`)] as const)}
        empty={t('choose')}
        required
        testId="evidence-kind"
      />
      <TextField
        label={t('evidence.summary')}
        value={summary}
        onChange={(value) => update({ summary: value })}
        multiline
        required
        testId="evidence-summary"
      />
      <FilePicker
        label={t('files')}
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
        {busy ? step || t('working') : t('evidence.submit')}
      </button>
      <UploadProgressList uploads={uploads.files} />
      <ErrorNotice error={error} testId="evidence-error" />
    </form>
  );
};
