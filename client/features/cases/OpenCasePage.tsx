import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { drawCaseCode } from '../../../shared/crypto/draw-case-code';
import { useAction } from '../../api/useAction';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { LockedNotice } from '../../components/LockedNotice';
import { appendEntry } from '../../entries/append-entry';
import { useT } from '../../i18n/useT';
import { useIsUnlocked } from '../../session/useSession';
import { FilePicker } from '../attachments/FilePicker';
import { RecipientStatus } from '../people/RecipientStatus';
import { useReloadOnMount } from '../people/useReloadOnMount';
import { useEntryContext } from '../timeline/useEntryContext';
import { useSendCheck } from '../timeline/useSendCheck';
import { BirthFieldset } from './BirthFieldset';
import { ConsentFieldset } from './ConsentFieldset';
import { toCaseOpenContent } from './case-content';
import { type CaseDraft, emptyCaseDraft } from './case-draft';
import { IdentityFieldset } from './IdentityFieldset';
import { LocationFieldset } from './LocationFieldset';
import { NamesFieldset } from './NamesFieldset';
import { PartyPicker } from './PartyPicker';
import { RelativesFieldset } from './RelativesFieldset';
import { SeparationFieldset } from './SeparationFieldset';
import { TextField } from './TextField';

/** Staff open a case: the child record, sealed in this browser to the member parties' people. */
export const OpenCasePage = () => {
  const state = useEntryContext();
  const isUnlocked = useIsUnlocked();
  useReloadOnMount();
  const ownParty = state.status === 'ready' ? state.context.me.partyId : '';
  const [draft, setDraft] = useState<CaseDraft | null>(null);
  const [photos, setPhotos] = useState<File[]>([]);
  const [step, setStep] = useState('');
  // Drawn once per form, so a retried submission keeps its code; no one types it.
  const [code] = useState(drawCaseCode);
  const { t } = useT('daily');
  const { busy, error, run } = useAction();
  const navigate = useNavigate();
  const current = draft ?? emptyCaseDraft(ownParty);
  const { check } = useSendCheck(current.members);
  if (state.status === 'error') {
    return <ErrorNotice error={state.error} />;
  }
  if (state.status === 'loading') {
    return <Loading what="Verifying the key directory" />;
  }
  const { context } = state;
  if (context.me.role !== 'staff') {
    return <p role="alert">Only staff open cases.</p>;
  }
  const change = (patch: Partial<CaseDraft>) => setDraft({ ...current, ...patch });
  const submit = (event: FormEvent) => {
    event.preventDefault();
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
        ),
      (appended) => void navigate(`/cases/${appended.streamId}`),
    );
  };
  return (
    <section aria-labelledby="open-case-title">
      <h1 id="open-case-title">Open a case</h1>
      {isUnlocked ? null : <LockedNotice action="open a case" />}
      <form onSubmit={submit} className="entry-form" data-testid="case-form">
        <fieldset>
          <legend>Reference and parties</legend>
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
            legend="Member parties (their people can read the record)"
            ownParty={ownParty}
            selected={current.members}
            onChange={(members) => change({ members })}
          />
          <RecipientStatus check={check} />
        </fieldset>
        <NamesFieldset draft={current} onChange={change} />
        <BirthFieldset draft={current} onChange={change} />
        <SeparationFieldset draft={current} onChange={change} />
        <LocationFieldset draft={current} onChange={change} />
        <RelativesFieldset draft={current} onChange={change} />
        <IdentityFieldset draft={current} onChange={change} />
        <ConsentFieldset draft={current} onChange={change} />
        <fieldset>
          <legend>Photos and notes</legend>
          <FilePicker label="Photos" accept="image/*" files={photos} onChange={setPhotos} testId="photo-input" />
          <TextField label="Notes" value={current.notes} onChange={(notes) => change({ notes })} multiline />
        </fieldset>
        <button
          type="submit"
          className="primary"
          disabled={busy || !isUnlocked || check.status !== 'ready' || !check.canSend}
          data-testid="open-case-submit"
        >
          {busy ? step || 'Working…' : 'Seal, sign and open the case'}
        </button>
        <ErrorNotice error={error} testId="case-form-error" />
      </form>
    </section>
  );
};
