import { type FormEvent, useState } from 'react';
import { Trans } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useAction } from '../../api/useAction';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAppendStep } from '../../components/useAppendStep';
import { appendEntry } from '../../entries/append-entry';
import { listStreams } from '../../entries/load-streams';
import { useT } from '../../i18n/useT';
import { useDraft } from '../../store/drafts';
import { FilePicker } from '../attachments/FilePicker';
import { UploadProgressList } from '../attachments/UploadProgressList';
import { useUploadProgress } from '../attachments/useUploadProgress';
import { CasePicker } from '../cases/CasePicker';
import { opt } from '../cases/case-draft';
import { StreamQueryState } from '../cases/StreamQueryState';
import { TextField } from '../cases/TextField';
import { RecipientStatus } from '../people/RecipientStatus';
import { shortHash } from '../timeline/labels';
import { useEntryQuery } from '../timeline/useEntryQuery';
import { useSendCheck } from '../timeline/useSendCheck';

const EMPTY_LETTER: {
  readonly subject: string;
  readonly salutation: string;
  readonly body: string;
  readonly closing: string;
  readonly cases: readonly string[];
} = { subject: '', salutation: '', body: '', closing: '', cases: [] };

/**
 * Envoys write a first-person letter into a thread, optionally linked to cases, with files;
 * `?replyTo=<entry hash>` makes it a reply, referencing that entry in its signed header.
 */
export const ComposeLetterPage = () => {
  const { t: ts } = useT('screens');
  const { t } = useT('letters');
  const { threadId = '' } = useParams();
  const replyTo = useSearchParams()[0].get('replyTo');
  const { context, contextState, query } = useEntryQuery(listStreams, `letter ${threadId}`);
  // Kept by form, so that a letter half written when the keys lock is there after unlocking.
  const [{ subject, salutation, body, closing, cases }, update, discard] = useDraft(
    `letter ${threadId} ${replyTo ?? ''}`,
    EMPTY_LETTER,
  );
  const [files, setFiles] = useState<File[]>([]);
  const [step, setStep] = useAppendStep();
  const uploads = useUploadProgress();
  const { busy, error, run } = useAction();
  const navigate = useNavigate();
  const loaded = query.status === 'ready' ? query.data : null;
  const thread = loaded?.threads.find((candidate) => candidate.id === threadId);
  const { check, recipients } = useSendCheck(thread?.memberIds ?? []);
  if (context && context.me.role !== 'envoy') {
    return <p role="alert">{t('compose.onlyEnvoys')}</p>;
  }
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
            type: 'letter',
            streamKind: 'thread',
            streamId: threadId,
            cases: [...cases],
            ...(replyTo ? { refs: [replyTo] } : {}),
            content: {
              type: 'letter',
              subject: subject.trim(),
              body,
              attachments: [],
              ...opt('salutation', salutation),
              ...opt('closing', closing),
            },
            files,
          },
          setStep,
          uploads.onProgress,
        ),
      () => {
        discard();
        void navigate(`/threads/${threadId}`);
      },
    );
  };
  return (
    <section aria-labelledby="letter-title">
      <h1 id="letter-title">{ts('letter.title')}</h1>
      <StreamQueryState contextState={contextState} query={query} what={t('compose.verifying')} />
      {loaded && !thread ? <p role="alert">{t('compose.noThread')}</p> : null}
      {thread ? (
        <form onSubmit={submit} className="entry-form" data-testid="letter-form">
          <p>
            <Trans
              t={t}
              i18nKey="compose.sealedTo"
              count={recipients}
              values={{ subject: thread.subject ?? t('compose.thisThread'), parties: thread.partyNames.join(', ') }}
              components={{ subject: <strong dir="auto" /> }}
            />
          </p>
          {replyTo ? (
            <p data-testid="reply-to">
              <Trans
                t={t}
                i18nKey="compose.inReplyTo"
                values={{ hash: shortHash(replyTo) }}
                components={{ code: <code /> }}
              />
            </p>
          ) : null}
          <TextField
            label={t('compose.subject')}
            value={subject}
            onChange={(value) => update({ subject: value })}
            required
            testId="letter-subject-input"
          />
          <TextField
            label={t('compose.salutation')}
            value={salutation}
            onChange={(value) => update({ salutation: value })}
            testId="letter-salutation"
          />
          <TextField
            label={t('compose.body')}
            value={body}
            onChange={(value) => update({ body: value })}
            multiline
            required
            testId="letter-body-input"
          />
          <TextField
            label={t('compose.closing')}
            value={closing}
            onChange={(value) => update({ closing: value })}
            testId="letter-closing"
          />
          <CasePicker
            legend={t('compose.cases')}
            cases={loaded?.cases ?? []}
            selected={cases}
            onChange={(value) => update({ cases: value })}
          />
          <FilePicker label={t('compose.attachments')} files={files} onChange={setFiles} testId="letter-files" />
          <RecipientStatus check={check} />
          <button
            type="submit"
            className="primary"
            disabled={busy || check.status !== 'ready' || !check.canSend}
            data-testid="letter-submit"
          >
            {busy ? step || t('compose.working') : t('compose.submit')}
          </button>
          <UploadProgressList uploads={uploads.files} />
          <ErrorNotice error={error} testId="letter-error" />
        </form>
      ) : null}
    </section>
  );
};
