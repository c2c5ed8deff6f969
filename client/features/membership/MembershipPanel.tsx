import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { Names } from '../../entries/entry-view';
import { membershipView } from '../../entries/membership-view';
import type { VerifiedStream } from '../../entries/read-stream';
import { useT } from '../../i18n/useT';
import { partyViews } from '../../trust/party-view';
import { ProposalRow } from './ProposalRow';
import { ProposeMembershipForm } from './ProposeMembershipForm';
import { StreamWitnessLine } from './StreamWitnessLine';
import { type MembershipTarget, useMembershipWrite } from './useMembershipWrite';

/**
 * Who takes part in a case or thread, by consent of the parties (docs/PROTOCOL.md §4.9): the
 * member parties the signed entries add up to, proposals awaiting consent (with "Consent" for a
 * member party that has not yet), a form to propose adding or removing parties, and "Leave".
 */
export const MembershipPanel = ({
  target,
  verified,
  names,
  canWrite,
}: {
  target: MembershipTarget;
  verified: VerifiedStream;
  names: Names;
  /** The reader may write entries here (envoy or staff, keys unlocked, stream intact). */
  canWrite: boolean;
}) => {
  const { context } = target;
  const ownParty = names.directory.currentKey(context.me.personId)?.party;
  const view = membershipView(verified, names, ownParty);
  const { propose, consent, busy, error, step } = useMembershipWrite(target);
  const [isProposing, setProposing] = useState(false);
  const [isLeaving, setLeaving] = useState(false);
  const { t } = useT('membership');
  const memberIds = new Set(view.members.map((party) => party.id));
  const candidates = partyViews(context.trust)
    .filter((party) => party.record !== null && !memberIds.has(party.id))
    .map((party) => ({ id: party.id, name: party.name }));
  const mayChange = canWrite && view.isMember && ownParty !== undefined;
  return (
    <section className="panel" aria-label={t('panelLabel')} data-testid="membership-panel">
      <h2>{t('title')}</h2>
      <ul className="inline-list">
        {view.members.map((party) => (
          <li key={party.id} data-testid="member-party" data-party={party.id}>
            {party.name}
          </li>
        ))}
      </ul>
      <StreamWitnessLine members={view.members} />
      {view.pending.length > 0 ? (
        <>
          <h3>{t('awaiting')}</h3>
          <ul className="cards" data-testid="pending-proposals">
            {view.pending.map((proposal) => (
              <ProposalRow
                key={proposal.hash}
                proposal={proposal}
                canWrite={mayChange}
                busy={busy}
                onConsent={(note) => consent(proposal.hash, note)}
              />
            ))}
          </ul>
        </>
      ) : null}
      {mayChange ? (
        <div className="entry-actions">
          <button type="button" onClick={() => setProposing(!isProposing)} data-testid="propose-membership">
            {t('propose')}
          </button>
          <button type="button" className="danger" onClick={() => setLeaving(true)} data-testid="leave-stream">
            {t('leave')}
          </button>
        </div>
      ) : null}
      {mayChange && isProposing ? (
        <ProposeMembershipForm
          candidates={candidates}
          members={view.members}
          ownParty={ownParty}
          busy={busy}
          onPropose={(change, onDone) =>
            propose(change, () => {
              onDone();
              setProposing(false);
            })
          }
        />
      ) : null}
      {busy && step ? <p className="hint">{step}</p> : null}
      <ErrorNotice error={error} testId="membership-error" />
      <ConfirmDialog
        open={isLeaving}
        title={t('leaveTitle')}
        confirmLabel={t('leaveConfirm')}
        onCancel={() => setLeaving(false)}
        onConfirm={() => {
          setLeaving(false);
          if (ownParty !== undefined) {
            propose({ add: [], remove: [ownParty], reason: 'Our party leaves this stream' });
          }
        }}
      >
        <p>{t('leaveText')}</p>
      </ConfirmDialog>
    </section>
  );
};
