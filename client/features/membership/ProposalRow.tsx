import { useState } from 'react';
import type { ProposalView } from '../../entries/membership-view';

const names = (parties: readonly { name: string }[]) => parties.map((party) => party.name).join(', ');

/** One proposed change awaiting consent: what it changes, who consented, who is awaited, and "Consent". */
export const ProposalRow = ({
  proposal,
  canWrite,
  busy,
  onConsent,
}: {
  proposal: ProposalView;
  canWrite: boolean;
  busy: boolean;
  onConsent: (note: string) => void;
}) => {
  const [note, setNote] = useState('');
  return (
    <li className="card" data-testid="pending-proposal" data-hash={proposal.hash}>
      <p>
        <strong>{proposal.proposer.name}</strong> proposes (entry #{proposal.seq})
        {proposal.add.length > 0 ? (
          <>
            {' '}
            adding <span data-testid="proposal-add">{names(proposal.add)}</span>
          </>
        ) : null}
        {proposal.add.length > 0 && proposal.remove.length > 0 ? ' and' : ''}
        {proposal.remove.length > 0 ? (
          <>
            {' '}
            removing <span data-testid="proposal-remove">{names(proposal.remove)}</span>
          </>
        ) : null}
        .
      </p>
      <p className="hint">
        Consented: {names(proposal.consented)}. Awaiting:{' '}
        <span data-testid="proposal-awaiting">{names(proposal.awaiting)}</span>. Until every member party consents,
        nothing changes: no one new is sealed anything.
      </p>
      {proposal.canConsent && canWrite ? (
        <div className="inline-form">
          <label>
            Note (optional){' '}
            <input value={note} onChange={(event) => setNote(event.target.value)} data-testid="consent-note" />
          </label>
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => onConsent(note)}
            data-testid="consent-proposal"
          >
            Consent for your party
          </button>
        </div>
      ) : null}
    </li>
  );
};
