import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { drawCaseCode } from '../../../shared/crypto/draw-case-code';
import { useAction } from '../../api/useAction';
import { ErrorNotice } from '../../components/ErrorNotice';
import { fieldLabel, invalidFields } from '../../components/invalid-fields';
import { Loading } from '../../components/Loading';
import { LockedNotice } from '../../components/LockedNotice';
import { StepHeading } from '../../components/StepHeading';
import { useAppendStep } from '../../components/useAppendStep';
import { appendEntry } from '../../entries/append-entry';
import { useT } from '../../i18n/useT';
import { useIsUnlocked } from '../../session/useSession';
import { useDraft } from '../../store/drafts';
import { UploadProgressList } from '../attachments/UploadProgressList';
import { useUploadProgress } from '../attachments/useUploadProgress';
import { RecipientStatus } from '../people/RecipientStatus';
import { useReloadOnMount } from '../people/useReloadOnMount';
import { useEntryContext } from '../timeline/useEntryContext';
import { useSendCheck } from '../timeline/useSendCheck';
import { toCaseOpenContent } from './case-content';
import { type CaseDraft, emptyCaseDraft } from './case-draft';
import { OpenCaseStepFields } from './OpenCaseStepFields';
import { OPEN_CASE_STEPS, stepIndexOf } from './open-case-steps';
import { PartyPicker } from './PartyPicker';
import { TextField } from './TextField';

type OpenCaseForm = { record: CaseDraft | null; code: string; step: number; photos: File[] };

/**
 * Staff open a case: the child record, sealed in this browser to the member parties' people.
 * The form goes in steps; each step's required fields are checked before the next one.
 */
export const OpenCasePage = () => {
  const state = useEntryContext();
  const isUnlocked = useIsUnlocked();
  useReloadOnMount();
  const ownParty = state.status === 'ready' ? state.context.me.partyId : '';
  // The case code is drawn once per draft and kept in it, so that the case opened after an
  // unlock (or a retried submission) keeps the code shown; no one types it.
  const [empty] = useState<OpenCaseForm>(() => ({ record: null, code: drawCaseCode(), step: 0, photos: [] }));
  const [{ record, code, step: storedStep, photos }, update, discard] = useDraft('open case', empty);
  const [progress, setStep] = useAppendStep();
  const [stepError, setStepError] = useState('');
  const uploads = useUploadProgress();
  const { t } = useT('daily');
  const { t: tf } = useT('forms');
  const { t: tc } = useT('cases-forms');
  const { busy, error, run } = useAction();
  const navigate = useNavigate();
  const current = record ?? emptyCaseDraft(ownParty);
  const { check } = useSendCheck(current.members);
  if (state.status === 'error') {
    return <ErrorNotice error={state.error} />;
  }
  if (state.status === 'loading') {
    return <Loading what={tc('openCase.verifyingDirectory')} />;
  }
  const { context } = state;
  if (context.me.role !== 'staff') {
    return <p role="alert">{tc('openCase.staffOnly')}</p>;
  }
  const index = stepIndexOf(storedStep);
  const step = OPEN_CASE_STEPS[index] ?? 'review';
  const isLast = index === OPEN_CASE_STEPS.length - 1;
  const change = (patch: Partial<CaseDraft>) => update({ record: { ...current, ...patch } });
  const goTo = (next: number) => {
    setStepError('');
    update({ step: stepIndexOf(next) });
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing = invalidFields(event.currentTarget);
    if (missing.length > 0) {
      const names = missing.map((field) => fieldLabel(field) || tf('steps.unnamedField'));
      setStepError(tf('steps.incomplete', { fields: [...new Set(names)].join(', ') }));
      missing[0]?.focus();
      return;
    }
    if (!isLast) {
      goTo(index + 1);
      return;
    }
    run(
      () =>
        appendEntry(
          context,
          {
            type: 'case_open',
            streamKind: 'case',
            meta: { members: current.members, reference: code },
            content: toCaseOpenContent(current),
            files: photos,
          },
          setStep,
          uploads.onProgress,
        ),
      (appended) => {
        discard();
        void navigate(`/cases/${appended.streamId}`);
      },
    );
  };
  const parties = (
    <fieldset>
      <legend>{tf('openCase.parties')}</legend>
      <p data-testid="case-code-notice">
        {t('caseCode.label')} <strong data-testid="case-code">{code}</strong>: {t('caseCode.explain')}
      </p>
      <TextField
        label={t('caseCode.fileNumber')}
        value={current.fileNumber}
        onChange={(fileNumber) => change({ fileNumber })}
        maxLength={200}
        testId="case-file-number-input"
      />
      <PartyPicker
        legend={tc('openCase.members')}
        ownParty={ownParty}
        selected={current.members}
        onChange={(members) => change({ members })}
      />
    </fieldset>
  );
  return (
    <section aria-labelledby="open-case-title">
      <h1 id="open-case-title">{tc('openCase.title')}</h1>
      {isUnlocked ? null : <LockedNotice action={tc('openCase.lockedAction')} />}
      <form onSubmit={submit} noValidate className="entry-form" data-testid="case-form">
        <StepHeading index={index} count={OPEN_CASE_STEPS.length} title={tf(`openCase.${step}`)} />
        <OpenCaseStepFields
          step={step}
          draft={current}
          onChange={change}
          photos={photos}
          onPhotos={(chosen) => update({ photos: chosen })}
          parties={parties}
        />
        {step === 'parties' || isLast ? <RecipientStatus check={check} /> : null}
        {stepError ? (
          <p role="alert" className="error" data-testid="case-step-error">
            {stepError}
          </p>
        ) : null}
        <div className="step-nav">
          {index > 0 ? (
            <button type="button" onClick={() => goTo(index - 1)} disabled={busy} data-testid="case-step-back">
              {tf('steps.back')}
            </button>
          ) : null}
          {isLast ? (
            <button
              type="submit"
              className="primary"
              disabled={busy || !isUnlocked || check.status !== 'ready' || !check.canSend}
              data-testid="open-case-submit"
            >
              {busy ? progress || tc('working') : tc('openCase.submit')}
            </button>
          ) : (
            <button type="submit" className="primary" data-testid="case-step-next">
              {tf('steps.next')}
            </button>
          )}
        </div>
        <UploadProgressList uploads={uploads.files} />
        <ErrorNotice error={error} testId="case-form-error" />
      </form>
    </section>
  );
};
