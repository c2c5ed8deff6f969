import type { VerificationState } from '../../trust/contact-view';

const LABELS: Record<VerificationState, string> = {
  verified: 'Verified',
  'key-changed': 'Key changed',
  unverified: 'Not verified',
  'no-key': 'No key',
  unknown: 'Locked',
};

/** A short label of where a contact stands. */
export const VerificationBadge = ({ state }: { state: VerificationState }) => (
  <span className={`badge ${state}`} data-testid="verification">
    {LABELS[state]}
  </span>
);
