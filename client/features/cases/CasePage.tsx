import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { loadCase } from '../../entries/load-streams';
import { previewCase } from '../../entries/preview-stream';
import { useT } from '../../i18n/useT';
import { LiveStatus } from '../../live/LiveStatus';
import { useLiveRefresh } from '../../live/useLiveRefresh';
import { useIsUnlocked } from '../../session/useSession';
import { DiscloseEntryLink, DisclosureLink } from '../disclosure/DisclosureLinks';
import { MembershipPanel } from '../membership/MembershipPanel';
import { useMarkSeen } from '../queue/seen-store';
import { Timeline } from '../timeline/Timeline';
import { useEntryQuery } from '../timeline/useEntryQuery';
import { EntryWorkflowPanel } from '../workflows/EntryWorkflowPanel';
import { useWorkflowScope } from '../workflows/useWorkflowScope';
import { AgeBadge } from './AgeBadge';
import { ChangeStatusForm, statusHistory } from './ChangeStatusForm';
import { ChildRecord } from './ChildRecord';
import { EvidenceForm } from './EvidenceForm';
import { StreamQueryState } from './StreamQueryState';

/** One case: the child record, its status and age, its timeline, and entries elsewhere that link it. */
export const CasePage = () => {
  const { caseId = '' } = useParams();
  const { context, contextState, query, reload, refresh } = useEntryQuery(
    (ctx) => loadCase(ctx, caseId),
    `case ${caseId}`,
    (ctx) => previewCase(ctx, caseId),
  );
  // Every stream can change this page: letters elsewhere link the case, receipts confirm returns.
  useLiveRefresh(refresh);
  const isUnlocked = useIsUnlocked();
  const { t } = useT('case');
  const [form, setForm] = useState<'status' | 'evidence' | null>(null);
  const toggle = (chosen: 'status' | 'evidence') => setForm(form === chosen ? null : chosen);
  const detail = query.status === 'ready' ? query.data : null;
  // The local store's copy is shown while the log is read; nothing is written or derived from it.
  const isRead = query.status === 'ready' && !query.provisional;
  const summary = detail?.summary;
  const workflow = useWorkflowScope(context, isRead ? detail?.loaded : undefined, caseId, reload);
  const verified = detail?.loaded.streams.find(({ stream }) => stream.id === caseId);
  useMarkSeen(context?.me.personId, caseId, isRead ? verified?.head : undefined);
  const ownParty = context ? detail?.loaded.names.directory.currentKey(context.me.personId)?.party : undefined;
  // Membership from the signed entries, never the server's word.
  const isMember = ownParty !== undefined && verified?.members.includes(ownParty) === true;
  const canWrite = isRead && isMember && isUnlocked && (context?.me.role === 'staff' || context?.me.role === 'envoy');
  return (
    <section aria-labelledby="case-title" data-testid="case-page">
      <h1 id="case-title">
        {t('title')} <span data-testid="case-page-reference">{summary?.reference ?? '…'}</span>
      </h1>
      <LiveStatus />
      <StreamQueryState contextState={contextState} query={query} what={t('loading')} />
      {detail && summary && context ? (
        <>
          <p className="case-facts">
            {t('status')}:{' '}
            <strong className="status" data-testid="case-page-status">
              {summary.status ? t(`statuses.${summary.status}`) : t('statusUnreadable')}
            </strong>{' '}
            {summary.age ? <AgeBadge age={summary.age} /> : null} · {t('parties')}: {summary.partyNames.join(', ')}
          </p>
          {summary.isIntact ? null : (
            <p role="alert" className="error" data-testid="case-broken">
              {t('broken')}
            </p>
          )}
          {verified ? (
            <MembershipPanel
              target={{ context, streamId: caseId, streamKind: 'case', onWritten: reload }}
              verified={verified}
              names={detail.loaded.names}
              canWrite={canWrite && verified.isIntact}
            />
          ) : null}
          <h2>{t('childRecord')}</h2>
          {detail.record ? (
            <ChildRecord record={detail.record} />
          ) : (
            <p className="no-access" data-testid="record-no-access">
              {summary.access === 'locked' ? t('unlockRecord') : t('noAccess')}
            </p>
          )}
          {canWrite ? (
            <div className="entry-actions">
              <button type="button" onClick={() => toggle('status')} data-testid="change-status">
                {t('changeStatus')}
              </button>
              <button type="button" onClick={() => toggle('evidence')} data-testid="add-evidence">
                {t('addEvidence')}
              </button>
              <Link to={`/cases/${caseId}/minutes`} className="button" data-testid="attach-minutes">
                {t('attachMinutes')}
              </Link>
              <button type="button" onClick={reload}>
                {t('reload')}
              </button>
            </div>
          ) : null}
          {canWrite && form === 'status' ? (
            <ChangeStatusForm
              context={context}
              caseId={caseId}
              members={summary.memberIds}
              timeline={detail.timeline}
              history={statusHistory(verified)}
              onDone={() => {
                setForm(null);
                reload();
              }}
            />
          ) : null}
          {canWrite && form === 'evidence' ? (
            <EvidenceForm
              context={context}
              caseId={caseId}
              members={summary.memberIds}
              onDone={() => {
                setForm(null);
                reload();
              }}
            />
          ) : null}
          <DisclosureLink kind="case" streamId={caseId} isMember={isMember} canWrite={canWrite} />
          <h2>{t('timeline')}</h2>
          <Timeline
            entries={detail.timeline}
            extra={(entry) => (
              <>
                {workflow ? <EntryWorkflowPanel entry={entry} scope={workflow} /> : null}
                {canWrite ? <DiscloseEntryLink entry={entry} /> : null}
              </>
            )}
          />
          <h2>{t('linked')}</h2>
          <Timeline entries={detail.linked} labels testId="linked-timeline" />
        </>
      ) : null}
    </section>
  );
};
