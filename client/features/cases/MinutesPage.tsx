import { type FormEvent, useState } from 'react';
import { Trans } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { API } from '../../../shared/api/index';
import { api } from '../../api/transport';
import { useAction } from '../../api/useAction';
import { useQuery } from '../../api/useQuery';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAppendStep } from '../../components/useAppendStep';
import { appendEntry } from '../../entries/append-entry';
import { listStreams } from '../../entries/load-streams';
import { useT } from '../../i18n/useT';
import { useDraft } from '../../store/drafts';
import { FilePicker } from '../attachments/FilePicker';
import { UploadProgressList } from '../attachments/UploadProgressList';
import { useUploadProgress } from '../attachments/useUploadProgress';
import { RecipientStatus } from '../people/RecipientStatus';
import { useEntryQuery } from '../timeline/useEntryQuery';
import { useSendCheck } from '../timeline/useSendCheck';
import { CasePicker } from './CasePicker';
import { emptyMinutesDraft, type MinutesDraft, toMinutesContent } from './minutes-draft';
import { ParticipantsFieldset } from './ParticipantsFieldset';
import { SelectField } from './SelectField';
import { StreamQueryState } from './StreamQueryState';
import { TextField } from './TextField';

/**
 * Staff and envoys record a meeting or call, with files, in a case (or thread) and link it to one
 * or more cases. Routes: /cases/:caseId/minutes and /threads/:threadId/minutes.
 */
export const MinutesPage = () => {
  const { caseId, threadId } = useParams();
  const streamId = caseId ?? threadId ?? '';
  const { context, contextState, query } = useEntryQuery(listStreams, `minutes ${streamId}`);
  const [parties] = useQuery(() => api(API.listParties), []);
  // Kept by form and stream, so that minutes half written when the keys lock are there after unlocking.
  const [empty] = useState(() => ({
    minutes: emptyMinutesDraft(),
    cases: caseId ? [caseId] : [],
    files: [] as File[],
  }));
  const [{ minutes: draft, cases, files }, update, discard] = useDraft(`minutes ${streamId}`, empty);
  const { t } = useT('cases-forms');
  const [step, setStep] = useAppendStep();
  const uploads = useUploadProgress();
  const { busy, error, run } = useAction();
  const navigate = useNavigate();
  const loaded = query.status === 'ready' ? query.data : null;
  const host = loaded && [...loaded.cases, ...loaded.threads].find((stream) => stream.id === streamId);
  const { check } = useSendCheck(host?.memberIds ?? []);
  const back = caseId ? `/cases/${caseId}` : `/threads/${threadId ?? ''}`;
  if (context && context.me.role !== 'staff' && context.me.role !== 'envoy') {
    return <p role="alert">{t('minutes.staffOnly')}</p>;
  }
  const change = (patch: Partial<MinutesDraft>) => update({ minutes: { ...draft, ...patch } });
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
            type: 'minutes',
            streamKind: caseId ? 'case' : 'thread',
            streamId,
            cases,
            content: toMinutesContent(draft),
            files,
          },
          setStep,
          uploads.onProgress,
        ),
      () => {
        discard();
        void navigate(back);
      },
    );
  };
  return (
    <section aria-labelledby="minutes-title">
      <h1 id="minutes-title">{t('minutes.title')}</h1>
      <StreamQueryState contextState={contextState} query={query} what={t('minutes.verifying')} />
      {loaded && !host ? <p role="alert">{t('minutes.noSuchStream')}</p> : null}
      {loaded && host && context ? (
        <form onSubmit={submit} className="entry-form" data-testid="minutes-form">
          <p>
            <Trans
              t={t}
              i18nKey={caseId ? 'minutes.recordedInCase' : 'minutes.recordedInThread'}
              values={{
                name: 'reference' in host ? host.reference : (host.subject ?? t('minutes.untitledThread')),
                parties: host.partyNames.join(', '),
              }}
              components={{ strong: <strong dir="auto" /> }}
            />
          </p>
          <SelectField
            label={t('minutes.kind')}
            value={draft.kind}
            onChange={(kind) => change({ kind: kind || 'meeting' })}
            options={[
              ['meeting', t('minutes.meeting')],
              ['call', t('minutes.call')],
            ]}
            testId="minutes-kind"
          />
          <TextField
            label={t('date')}
            type="date"
            value={draft.date}
            onChange={(date) => change({ date })}
            required
            testId="minutes-date"
          />
          <TextField
            label={draft.kind === 'meeting' ? t('minutes.place') : t('minutes.medium')}
            value={draft.where}
            onChange={(where) => change({ where })}
            testId="minutes-where"
          />
          <ParticipantsFieldset
            participants={draft.participants}
            parties={parties.status === 'ready' ? parties.data.parties : []}
            onChange={(participants) => change({ participants })}
          />
          <TextField
            label={t('minutes.subject')}
            value={draft.subject}
            onChange={(subject) => change({ subject })}
            required
            testId="minutes-subject-input"
          />
          <TextField
            label={t('minutes.text')}
            value={draft.text}
            onChange={(text) => change({ text })}
            multiline
            required
            testId="minutes-text-input"
          />
          <CasePicker
            legend={t('minutes.cases')}
            cases={loaded.cases}
            selected={cases}
            onChange={(chosen) => update({ cases: chosen })}
            locked={caseId ? [caseId] : []}
          />
          <FilePicker
            label={t('files')}
            files={files}
            onChange={(chosen) => update({ files: chosen })}
            testId="minutes-files"
          />
          <RecipientStatus check={check} />
          <button
            type="submit"
            className="primary"
            disabled={busy || check.status !== 'ready' || !check.canSend}
            data-testid="minutes-submit"
          >
            {busy ? step || t('working') : t('minutes.submit')}
          </button>
          <UploadProgressList uploads={uploads.files} />
          <ErrorNotice error={error} testId="minutes-error" />
        </form>
      ) : null}
    </section>
  );
};
