import { useState } from 'react';
import { Trans } from 'react-i18next';
import type { ProposalView } from '../../entries/membership-view';
import { useT } from '../../i18n/useT';

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
  const { t } = useT('membership-screens');
  const [note, setNote] = useState('');
  return (
    <li className="card" data-testid="pending-proposal" data-hash={proposal.hash}>
      <p>
        <Trans
          t={t}
          i18nKey="proposal.proposes"
          values={{ proposer: proposal.proposer.name, seq: proposal.seq }}
          components={{ proposer: <strong /> }}
        />
        {proposal.add.length > 0 ? (
          <>
            {' '}
            {t('proposal.adding')} <span data-testid="proposal-add">{names(proposal.add)}</span>
          </>
        ) : null}
        {proposal.add.length > 0 && proposal.remove.length > 0 ? ` ${t('proposal.and')}` : ''}
        {proposal.remove.length > 0 ? (
          <>
            {' '}
            {t('proposal.removing')} <span data-testid="proposal-remove">{names(proposal.remove)}</span>
          </>
        ) : null}
        .
      </p>
      <p className="hint">
        <Trans
          t={t}
          i18nKey="proposal.status"
          values={{ consented: names(proposal.consented), awaiting: names(proposal.awaiting) }}
          components={{ awaiting: <span data-testid="proposal-awaiting" /> }}
        />
      </p>
      {proposal.canConsent && canWrite ? (
        <div className="inline-form">
          <label>
            {t('proposal.note')}{' '}
            <input
              value={note}
              onChange={(event) => setNote(event.target.value)}
              dir="auto"
              data-testid="consent-note"
            />
          </label>
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => onConsent(note)}
            data-testid="consent-proposal"
          >
            {t('proposal.consent')}
          </button>
        </div>
      ) : null}
    </li>
  );
};
