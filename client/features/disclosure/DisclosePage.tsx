import { type FormEvent, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useAction } from '../../api/useAction';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAppendStep } from '../../components/useAppendStep';
import { keyHolders } from '../../entries/directory-people';
import { discloseEntries } from '../../entries/disclose-entries';
import { loadStreams } from '../../entries/load-streams';
import { useT } from '../../i18n/useT';
import { StreamQueryState } from '../cases/StreamQueryState';
import { TextField } from '../cases/TextField';
import { RecipientStatus } from '../people/RecipientStatus';
import { useRecipientCheck } from '../people/useRecipientCheck';
import { useEntryQuery } from '../timeline/useEntryQuery';
import { disclosableHashes, disclosureStream } from './disclosure-view';
import { EntryChoice } from './EntryChoice';
import { GranteePicker } from './GranteePicker';
import { streamName } from './stream-name';

/**
 * A member discloses chosen entries of a case or thread, or a whole case, to one person: a signed
 * `disclosure` entry carrying the content keys, sealed to the members and the grantee. Routes:
 * /cases/:caseId/disclose and /threads/:threadId/disclose (`?entry=` preselects entries).
 */
export const DisclosePage = () => {
  const { t: ts } = useT('screens');
  const { t } = useT('disclosure');
  const { caseId, threadId } = useParams();
  const streamId = caseId ?? threadId ?? '';
  const [search] = useSearchParams();
  const { context, contextState, query } = useEntryQuery(
    (ctx) => loadStreams(ctx, (id) => id === streamId),
    `disclose ${streamId}`,
  );
  const [grantee, setGrantee] = useState('');
  const [purpose, setPurpose] = useState('');
  const [isWholeCase, setWholeCase] = useState(false);
  const [selected, setSelected] = useState<string[]>(() => search.getAll('entry'));
  const [step, setStep] = useAppendStep();
  const [confirming, setConfirming] = useState(false);
  const { busy, error, run } = useAction();
  const navigate = useNavigate();
  const loaded = query.status === 'ready' ? query.data : null;
  const stream = loaded ? disclosureStream(loaded, streamId) : undefined;
  const me = context?.me.personId ?? '';
  const disclosable = useMemo(
    () => (stream ? disclosableHashes(stream.verified, me) : new Set<string>()),
    [stream, me],
  );
  const people = useMemo(() => (loaded ? keyHolders(loaded.names.directory) : []), [loaded]);
  const members = stream?.verified.members ?? [];
  const check = useRecipientCheck({ members, grantees: grantee ? [grantee] : [] });
  const party = loaded?.names.directory.currentKey(me)?.party;
  const isMember = party !== undefined && members.includes(party);
  const back = caseId ? `/cases/${caseId}` : `/threads/${threadId ?? ''}`;
  if (context && context.me.role !== 'staff' && context.me.role !== 'envoy') {
    return <p role="alert">{t('disclose.onlyMembersRoles')}</p>;
  }
  const chosen = isWholeCase ? [...disclosable] : selected.filter((hash) => disclosable.has(hash));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setConfirming(true);
  };
  const disclose = () => {
    setConfirming(false);
    if (!context) {
      return;
    }
    const request = { streamId, grantee, purpose, scope: isWholeCase ? 'case' : 'entries', entries: chosen } as const;
    run(
      () => discloseEntries(context, request, setStep),
      () => void navigate(back),
    );
  };
  return (
    <section aria-labelledby="disclose-title">
      <h1 id="disclose-title">{ts('disclose.title')}</h1>
      <StreamQueryState contextState={contextState} query={query} what={t('disclose.verifying')} />
      {loaded && !isMember ? <p role="alert">{t('disclose.notMember')}</p> : null}
      {stream && isMember && context ? (
        <form onSubmit={submit} className="entry-form" data-testid="disclose-form">
          <p>
            {t('disclose.intro', { stream: streamName(t, stream.name, 'of'), count: stream.verified.members.length })}
          </p>
          <GranteePicker
            people={people}
            partyName={(id) => loaded?.names.parties.get(id) ?? t('disclose.partyFallback', { id: id.slice(0, 8) })}
            me={me}
            value={grantee}
            onChange={setGrantee}
          />
          {stream.verified.stream.kind === 'case' ? (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={isWholeCase}
                onChange={(event) => setWholeCase(event.target.checked)}
                data-testid="disclose-whole-case"
              />{' '}
              {t('disclose.wholeCase', { count: disclosable.size })}
            </label>
          ) : null}
          <EntryChoice
            rows={stream.rows}
            disclosable={disclosable}
            selected={isWholeCase ? chosen : selected}
            onChange={setSelected}
            disabled={isWholeCase}
          />
          <TextField
            label={t('disclose.purpose')}
            value={purpose}
            onChange={setPurpose}
            required
            multiline
            maxLength={4000}
            hint={t('disclose.purposeHint')}
            testId="disclose-purpose"
          />
          {grantee ? <RecipientStatus check={check} /> : null}
          <div className="entry-actions">
            <button
              type="submit"
              className="primary"
              disabled={busy || !grantee || chosen.length === 0 || check.status !== 'ready' || !check.canSend}
              data-testid="disclose-submit"
            >
              {busy ? step || t('disclose.working') : t('disclose.submit', { count: chosen.length })}
            </button>
            <Link to={back}>{t('disclose.cancel')}</Link>
          </div>
          <ErrorNotice error={error} testId="disclose-error" />
          {confirming ? (
            <ConfirmDialog
              open
              title={t('disclose.confirmTitle', { count: chosen.length })}
              confirmLabel={t('disclose.confirmLabel')}
              onCancel={() => setConfirming(false)}
              onConfirm={disclose}
            >
              <p>
                {t('disclose.confirmBody', {
                  count: chosen.length,
                  name: people.find((person) => person.id === grantee)?.name ?? t('disclose.chosenPerson'),
                })}
              </p>
            </ConfirmDialog>
          ) : null}
        </form>
      ) : null}
    </section>
  );
};
