import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useAction } from '../../api/useAction';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { LockedNotice } from '../../components/LockedNotice';
import { useAppendStep } from '../../components/useAppendStep';
import { appendEntry } from '../../entries/append-entry';
import { useT } from '../../i18n/useT';
import { useIsUnlocked } from '../../session/useSession';
import { useDraft } from '../../store/drafts';
import { opt } from '../cases/case-draft';
import { PartyPicker } from '../cases/PartyPicker';
import { TextField } from '../cases/TextField';
import { RecipientStatus } from '../people/RecipientStatus';
import { useReloadOnMount } from '../people/useReloadOnMount';
import { useEntryContext } from '../timeline/useEntryContext';
import { useSendCheck } from '../timeline/useSendCheck';

const EMPTY_THREAD: { subject: string; partiesNote: string; chosen: string[] } = {
  subject: '',
  partiesNote: '',
  chosen: [],
};

/** Envoys open a correspondence thread between their party and others; the draft survives a lock. */
export const OpenThreadPage = () => {
  const { t: ts } = useT('screens');
  const { t } = useT('letters');
  const state = useEntryContext();
  const isUnlocked = useIsUnlocked();
  useReloadOnMount();
  const ownParty = state.status === 'ready' ? state.context.me.partyId : '';
  const [{ subject, partiesNote, chosen }, update, discard] = useDraft('open thread', EMPTY_THREAD);
  const [step, setStep] = useAppendStep();
  const members = [...new Set([ownParty, ...chosen])].filter(Boolean);
  const { check } = useSendCheck(members);
  const { busy, error, run } = useAction();
  const navigate = useNavigate();
  if (state.status === 'error') {
    return <ErrorNotice error={state.error} />;
  }
  if (state.status === 'loading') {
    return <Loading what={t('open.verifying')} />;
  }
  const { context } = state;
  if (context.me.role !== 'envoy') {
    return <p role="alert">{t('open.onlyEnvoys')}</p>;
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(
      () =>
        appendEntry(
          context,
          {
            type: 'thread_open',
            streamKind: 'thread',
            meta: { members },
            content: { type: 'thread_open', subject: subject.trim(), ...opt('partiesNote', partiesNote) },
          },
          setStep,
        ),
      (appended) => {
        discard();
        void navigate(`/threads/${appended.streamId}`);
      },
    );
  };
  return (
    <section aria-labelledby="open-thread-title">
      <h1 id="open-thread-title">{ts('openThread.title')}</h1>
      {isUnlocked ? null : <LockedNotice action={t('open.lockedAction')} />}
      <form onSubmit={submit} className="entry-form" data-testid="thread-form">
        <TextField
          label={t('open.subject')}
          value={subject}
          onChange={(value) => update({ subject: value })}
          required
          maxLength={200}
          testId="thread-subject"
          hint={t('open.subjectHint')}
        />
        <TextField
          label={t('open.partiesNote')}
          value={partiesNote}
          onChange={(value) => update({ partiesNote: value })}
          testId="thread-parties-note"
        />
        <PartyPicker
          legend={t('open.parties')}
          ownParty={ownParty}
          selected={members}
          onChange={(parties) => update({ chosen: parties })}
        />
        <RecipientStatus check={check} />
        <button
          type="submit"
          className="primary"
          disabled={busy || !isUnlocked || members.length < 2 || check.status !== 'ready' || !check.canSend}
          data-testid="thread-submit"
        >
          {busy ? step || t('open.working') : t('open.submit')}
        </button>
        <ErrorNotice error={error} testId="thread-error" />
      </form>
    </section>
  );
};
