import type { TFunction } from 'i18next';
import type { FormEvent } from 'react';
import { nextStatuses } from '../../../shared/content/case-workflow';
import { Relation } from '../../../shared/content/child-relations';
import { LocationConfidence } from '../../../shared/content/child-whereabouts';
import { deriveCaseStatus } from '../../../shared/content/derive-case-status';
import type { CaseStatus, StatusChangeContent } from '../../../shared/content/status-change-content';
import { useAction } from '../../api/useAction';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAppendStep } from '../../components/useAppendStep';
import { appendEntry } from '../../entries/append-entry';
import type { EntryContext } from '../../entries/entry-context';
import type { EntryView } from '../../entries/entry-view';
import type { VerifiedStream } from '../../entries/read-stream';
import { useT } from '../../i18n/useT';
import { useDraft } from '../../store/drafts';
import { RecipientStatus } from '../people/RecipientStatus';
import { useSendCheck } from '../timeline/useSendCheck';
import { opt } from './case-draft';
import { SelectField } from './SelectField';
import { TextField } from './TextField';
import { valueOptions } from './value-labels';

/** The statuses in force of a verified case, in chain order: what the workflow continues from. */
export const statusHistory = (verified: VerifiedStream | undefined): CaseStatus[] =>
  deriveCaseStatus(verified?.entries.map(({ entry }) => entry) ?? [])
    .history.filter((record) => record.retractedBy === undefined)
    .flatMap((record) => record.effective?.status ?? []);

const entryOptions = (t: TFunction, entries: readonly EntryView[], types?: readonly string[]) =>
  entries
    .filter((entry) => types === undefined || types.includes(entry.type))
    .map(
      (entry) =>
        [
          entry.entryHash,
          t('status.entryOption', {
            seq: entry.seq,
            type: t(`timeline:entryType.${entry.type}`),
            author: entry.author.name,
          }),
        ] as const,
    );

const EMPTY_STATUS_CHANGE: {
  readonly status: CaseStatus | '';
  readonly note: string;
  readonly effectiveDate: string;
  readonly confidence: string;
  readonly entryRef: string;
  readonly relation: string;
  readonly relativeName: string;
} = { status: '', note: '', effectiveDate: '', confidence: '', entryRef: '', relation: '', relativeName: '' };

/** Moves a case to another status: a signed `status_change` entry with the facts that status needs. */
export const ChangeStatusForm = ({
  context,
  caseId,
  members,
  timeline,
  history,
  onDone,
}: {
  context: EntryContext;
  caseId: string;
  members: readonly string[];
  timeline: readonly EntryView[];
  /** Statuses in force so far: only a next step of the workflow is offered. */
  history: readonly CaseStatus[];
  onDone: () => void;
}) => {
  // Kept by case, so that a note half written survives a lock.
  const [{ status, note, effectiveDate, confidence, entryRef, relation, relativeName }, update, discard] = useDraft(
    `status ${caseId}`,
    EMPTY_STATUS_CHANGE,
  );
  const { t } = useT(['cases-forms', 'cases-record', 'case', 'timeline']);
  const [step, setStep] = useAppendStep();
  const { busy, error, run } = useAction();
  const { check } = useSendCheck(members);
  const contentOf = (chosen: CaseStatus): StatusChangeContent =>
    ({
      type: 'status_change',
      status: chosen,
      note: note.trim(),
      ...opt('effectiveDate', effectiveDate),
      ...(chosen === 'located' ? { locationConfidence: confidence || 'unconfirmed' } : {}),
      ...(chosen === 'disputed' ? opt('disputedEntry', entryRef) : {}),
      ...(chosen === 'declined_return' ? opt('consentEvidence', entryRef) : {}),
      ...(chosen === 'reunified' && relation ? { reunifiedWith: [{ relation, ...opt('name', relativeName) }] } : {}),
    }) as StatusChangeContent;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (status === '') {
      return;
    }
    run(
      () =>
        appendEntry(
          context,
          { type: 'status_change', streamKind: 'case', streamId: caseId, content: contentOf(status) },
          setStep,
        ),
      () => {
        discard();
        onDone();
      },
    );
  };
  return (
    <form onSubmit={submit} className="entry-form" aria-label={t('status.form')} data-testid="status-form">
      <SelectField
        label={t('status.newStatus')}
        value={status}
        onChange={(value) => update({ status: value })}
        options={nextStatuses(history).map((next) => [next, t(`case:statuses.${next}`)] as const)}
        empty={t('choose')}
        required
        testId="status-select"
      />
      <TextField
        label={t('note')}
        value={note}
        onChange={(value) => update({ note: value })}
        multiline
        testId="status-note"
      />
      <TextField
        label={t('status.effectiveDate')}
        type="date"
        value={effectiveDate}
        onChange={(value) => update({ effectiveDate: value })}
      />
      {status === 'located' ? (
        <SelectField
          label={t('status.confirmedBy')}
          value={confidence}
          onChange={(value) => update({ confidence: value })}
          options={valueOptions(t, 'confidence', LocationConfidence.options)}
          required
        />
      ) : null}
      {status === 'disputed' || status === 'declined_return' ? (
        <SelectField
          label={status === 'disputed' ? t('status.contestedEntry') : t('status.consentRecord')}
          value={entryRef}
          onChange={(value) => update({ entryRef: value })}
          options={entryOptions(t, timeline, status === 'declined_return' ? ['evidence'] : undefined)}
          empty={t('status.chooseEntry')}
          required
        />
      ) : null}
      {status === 'reunified' ? (
        <>
          <SelectField
            label={t('status.reunifiedWith')}
            value={relation}
            onChange={(value) => update({ relation: value })}
            options={valueOptions(t, 'relation', Relation.options)}
            empty={t('notStated')}
          />
          <TextField
            label={t('status.theirName')}
            value={relativeName}
            onChange={(value) => update({ relativeName: value })}
          />
        </>
      ) : null}
      <RecipientStatus check={check} />
      <button
        type="submit"
        className="primary"
        disabled={busy || status === '' || check.status !== 'ready' || !check.canSend}
        data-testid="status-submit"
      >
        {busy ? step || t('working') : t('status.submit')}
      </button>
      <ErrorNotice error={error} testId="status-error" />
    </form>
  );
};
