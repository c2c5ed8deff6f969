import type { FormEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useAction } from '../../api/useAction';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAppendStep } from '../../components/useAppendStep';
import { appendEntry } from '../../entries/append-entry';
import { partyName } from '../../entries/entry-view';
import { loadThread } from '../../entries/load-streams';
import { useT } from '../../i18n/useT';
import { useDraft } from '../../store/drafts';
import { CheckboxGroup } from '../cases/CheckboxGroup';
import { ParticipantsFieldset } from '../cases/ParticipantsFieldset';
import { StreamQueryState } from '../cases/StreamQueryState';
import { TextField } from '../cases/TextField';
import { RecipientStatus } from '../people/RecipientStatus';
import { useEntryQuery } from '../timeline/useEntryQuery';
import { useSendCheck } from '../timeline/useSendCheck';
import {
  type AgreedMinutesDraft,
  draftSuperseding,
  emptyAgreedMinutesDraft,
  toAgreedMinutesContent,
} from './agreed-minutes-draft';
import { ClausesFieldset } from './ClausesFieldset';

/**
 * Envoys circulate agreed minutes to the parties that must countersign them, or a new version that
 * supersedes an earlier one (`?supersedes=<hash>`): the earlier one is never edited.
 */
export const AgreedMinutesPage = () => {
  const { t } = useT('agreed-minutes');
  const { threadId = '' } = useParams();
  const [search] = useSearchParams();
  const supersedes = search.get('supersedes') ?? '';
  const { context, contextState, query } = useEntryQuery(
    (ctx) => loadThread(ctx, threadId),
    `agreed minutes ${threadId}`,
  );
  // Null until edited: the form starts from the version it supersedes, once that is verified.
  const [{ minutes: draft, parties }, update, discard] = useDraft(
    `agreed minutes ${threadId} ${supersedes}`,
    EMPTY_AGREED_MINUTES,
  );
  const [step, setStep] = useAppendStep();
  const { busy, error, run } = useAction();
  const navigate = useNavigate();
  const detail = query.status === 'ready' ? query.data : null;
  const { check } = useSendCheck(detail?.summary.memberIds ?? []);
  const previous = detail?.loaded.streams
    .find(({ stream }) => stream.id === threadId)
    ?.entries.find(({ entry }) => entry.entryHash === supersedes)?.entry;
  if (context && context.me.role !== 'envoy') {
    return <p role="alert">{t('page.onlyEnvoys')}</p>;
  }
  const previousContent = previous?.content?.type === 'agreed_minutes' ? previous.content : undefined;
  const current = draft ?? (previousContent ? draftSuperseding(previousContent) : emptyAgreedMinutesDraft(todayUtc()));
  const listed = parties ?? previous?.header.meta.parties ?? detail?.summary.memberIds ?? [];
  const change = (patch: Partial<AgreedMinutesDraft>) => update({ minutes: { ...current, ...patch } });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!context) {
      return;
    }
    run(
      () =>
        appendEntry(
          context,
          {
            type: 'agreed_minutes',
            streamKind: 'thread',
            streamId: threadId,
            refs: supersedes ? [supersedes] : [],
            meta: { parties: [...listed] },
            content: toAgreedMinutesContent(current),
          },
          setStep,
        ),
      () => {
        discard();
        void navigate(`/threads/${threadId}`);
      },
    );
  };
  const names = detail?.loaded.names;
  return (
    <section aria-labelledby="agreed-minutes-page-title">
      <h1 id="agreed-minutes-page-title">{supersedes ? t('page.proposeTitle') : t('page.circulateTitle')}</h1>
      <StreamQueryState contextState={contextState} query={query} what={t('page.verifying')} />
      {detail && supersedes && !previousContent ? <p role="alert">{t('page.notSupersedable')}</p> : null}
      {detail && names && (!supersedes || previousContent) ? (
        <form onSubmit={submit} className="entry-form" data-testid="agreed-minutes-form">
          <p className="hint">{supersedes ? t('page.supersedeHint') : t('page.circulateHint')}</p>
          <TextField
            label={t('page.title')}
            value={current.title}
            onChange={(title) => change({ title })}
            required
            testId="agreed-minutes-title-input"
          />
          <TextField
            label={t('page.date')}
            type="date"
            value={current.date}
            onChange={(date) => change({ date })}
            required
            testId="agreed-minutes-date"
          />
          <TextField label={t('page.place')} value={current.place} onChange={(place) => change({ place })} />
          <ParticipantsFieldset
            participants={current.participants}
            parties={detail.summary.memberIds.map((id) => ({ id, name: partyName(names, id) }))}
            onChange={(participants) => change({ participants })}
          />
          <ClausesFieldset clauses={current.clauses} onChange={(clauses) => change({ clauses })} />
          {supersedes ? (
            <TextField
              label={t('page.changes')}
              value={current.changes}
              onChange={(changes) => change({ changes })}
              required
              testId="agreed-minutes-changes-input"
            />
          ) : null}
          <CheckboxGroup
            legend={t('page.parties')}
            options={detail.summary.memberIds.map((id) => [id, partyName(names, id)] as const)}
            selected={listed}
            onChange={(chosen) => update({ parties: chosen })}
            testId="minutes-parties"
          />
          <RecipientStatus check={check} />
          <button
            type="submit"
            className="primary"
            disabled={busy || listed.length < 2 || check.status !== 'ready' || !check.canSend}
            data-testid="agreed-minutes-submit"
          >
            {busy ? step || t('page.working') : t('page.submit')}
          </button>
          <ErrorNotice error={error} testId="agreed-minutes-error" />
        </form>
      ) : null}
    </section>
  );
};

const EMPTY_AGREED_MINUTES: {
  readonly minutes: AgreedMinutesDraft | null;
  readonly parties: readonly string[] | null;
} = { minutes: null, parties: null };

const todayUtc = () => new Date().toISOString().slice(0, 10);
