import { type FormEvent, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useAction } from '../../api/useAction';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAppendStep } from '../../components/useAppendStep';
import { appendEntry } from '../../entries/append-entry';
import { loadThread } from '../../entries/load-streams';
import { useT } from '../../i18n/useT';
import { useDraft } from '../../store/drafts';
import { SelectField } from '../cases/SelectField';
import { StreamQueryState } from '../cases/StreamQueryState';
import { TextField } from '../cases/TextField';
import { RecipientStatus } from '../people/RecipientStatus';
import { useEntryQuery } from '../timeline/useEntryQuery';
import { useSendCheck } from '../timeline/useSendCheck';
import { CommitmentDueFieldset } from './CommitmentDueFieldset';
import { CommitmentScopeFieldset, cohortOf } from './CommitmentScopeFieldset';
import { CommitmentSourceFieldset } from './CommitmentSourceFieldset';
import { type CommitmentDraft, emptyCommitmentDraft, toCommitmentContent } from './commitment-draft';
import { commitmentFormOptions } from './commitment-form-options';
import { optionLabels } from './option-labels';

/** Envoys record a commitment: who owes what to whom, its verbatim words, source, scope and deadline. */
export const CommitmentPage = () => {
  const { threadId = '' } = useParams();
  const { t } = useT(['commitments', 'timeline']);
  const { context, contextState, query } = useEntryQuery((ctx) => loadThread(ctx, threadId), `commitment ${threadId}`);
  const [empty] = useState(() =>
    emptyCommitmentDraft(new Date().toISOString().slice(0, 10), Intl.DateTimeFormat().resolvedOptions().timeZone),
  );
  // Kept by form and thread, so that a commitment half written when the keys lock survives the unlock.
  const [draft, update, discard] = useDraft(`commitment ${threadId}`, empty);
  const [step, setStep] = useAppendStep();
  const { busy, error, run } = useAction();
  const navigate = useNavigate();
  const detail = query.status === 'ready' ? query.data : null;
  const options = useMemo(
    () => (detail ? commitmentFormOptions(detail, new Date(), optionLabels(t)) : null),
    [detail, t],
  );
  const { check } = useSendCheck(detail?.summary.memberIds ?? []);
  if (context && context.me.role !== 'envoy') {
    return <p role="alert">{t('page.onlyEnvoys')}</p>;
  }
  const change = (patch: Partial<CommitmentDraft>) => update(patch);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!context || !options) {
      return;
    }
    const cohort = draft.scopeKind === 'cohort' ? cohortOf(draft, options).caseIds : [];
    run(
      async () =>
        appendEntry(
          context,
          {
            type: 'commitment',
            streamKind: 'thread',
            streamId: threadId,
            content: toCommitmentContent(draft, crypto.randomUUID(), cohort),
          },
          setStep,
        ),
      () => {
        discard();
        void navigate(`/threads/${threadId}`);
      },
    );
  };
  return (
    <section aria-labelledby="commitment-page-title">
      <h1 id="commitment-page-title">{t('page.title')}</h1>
      <StreamQueryState contextState={contextState} query={query} what={t('page.verifying')} />
      {detail && options ? (
        <form onSubmit={submit} className="entry-form" data-testid="commitment-form">
          <SelectField
            label={t('page.obligor')}
            value={draft.obligor}
            onChange={(obligor) => change({ obligor })}
            options={options.parties}
            empty={t('page.choose')}
            required
            testId="commitment-obligor-input"
          />
          <SelectField
            label={t('page.obligee')}
            value={draft.obligee}
            onChange={(obligee) => change({ obligee })}
            options={options.parties}
            empty={t('page.choose')}
            required
            testId="commitment-obligee-input"
          />
          <SelectField
            label={t('page.intermediary')}
            value={draft.intermediary}
            onChange={(intermediary) => change({ intermediary })}
            options={options.parties}
            empty={t('page.none')}
            testId="commitment-intermediary-input"
          />
          <CommitmentSourceFieldset draft={draft} options={options} onChange={change} />
          <TextField
            label={t('page.text')}
            value={draft.text}
            onChange={(text) => change({ text })}
            multiline
            required
            testId="commitment-text-input"
          />
          <CommitmentScopeFieldset draft={draft} options={options} onChange={change} />
          <TextField
            label={t('page.madeOn')}
            type="date"
            value={draft.madeAt}
            onChange={(madeAt) => change({ madeAt })}
            required
            testId="commitment-made-at"
          />
          <CommitmentDueFieldset draft={draft} options={options} onChange={change} />
          <TextField
            label={t('page.publicStatement')}
            value={draft.publicStatement}
            onChange={(publicStatement) => change({ publicStatement })}
          />
          <RecipientStatus check={check} />
          <button
            type="submit"
            className="primary"
            disabled={busy || check.status !== 'ready' || !check.canSend}
            data-testid="commitment-submit"
          >
            {busy ? step || t('page.working') : t('page.submit')}
          </button>
          <ErrorNotice error={error} testId="commitment-error" />
        </form>
      ) : null}
    </section>
  );
};
