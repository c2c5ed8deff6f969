import { useAction } from '../../api/useAction';
import { useAppendStep } from '../../components/useAppendStep';
import { type AppendedEntry, appendEntry, type EntryDraft } from '../../entries/append-entry';
import { useUploadProgress } from '../attachments/useUploadProgress';
import { useSendCheck } from '../timeline/useSendCheck';
import type { WorkflowScope } from './workflow-scope';

/** What an answer to an entry adds: the stream, its kind and the recipients come from the entry. */
type AnswerDraft = Omit<EntryDraft, 'streamKind' | 'streamId'>;

/**
 * Appends answers to entries of the scope's stream (a receipt, a countersignature, a dispute, an
 * update), sealed to its members, refused while a recipient's key changed since verified.
 */
export const useWorkflowWrite = (scope: WorkflowScope) => {
  const { busy, error, run } = useAction();
  const [step, setStep] = useAppendStep();
  const { check } = useSendCheck(scope.members);
  const uploads = useUploadProgress();
  const canSend = scope.canWrite && check.status === 'ready' && check.canSend;
  const write = (
    at: { readonly streamId: string; readonly streamKind: 'case' | 'thread' },
    draft: AnswerDraft,
    onDone?: (appended: AppendedEntry) => void,
  ) =>
    run(
      () => appendEntry(scope.context, { ...draft, ...at }, setStep, uploads.onProgress),
      (appended) => {
        onDone?.(appended);
        scope.onWritten();
      },
    );
  return { write, busy, error, step, check, canSend, uploads: uploads.files };
};
