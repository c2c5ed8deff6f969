import type { PartyRootState } from '../../trust/party-view';

const LABELS: Record<PartyRootState, string> = {
  verified: 'Root verified',
  'root-changed': 'ROOT CHANGED',
  unverified: 'Root not verified',
  'no-root': 'No root',
  unknown: 'Locked',
};

/** A short label of where a party's root stands with the signed-in person. */
export const PartyRootBadge = ({ state }: { state: PartyRootState }) => (
  <span className={`badge ${state === 'root-changed' ? 'key-changed' : state}`} data-testid="party-root-state">
    {LABELS[state]}
  </span>
);
