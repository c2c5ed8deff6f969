import type { CommitmentStatus } from '../../../shared/content/commitment-state';

/** Each derived status as people read it. */
export const COMMITMENT_STATUS_LABELS: Readonly<Record<CommitmentStatus, string>> = {
  proposed: 'Proposed',
  accepted: 'Accepted',
  in_progress: 'In progress',
  partially_fulfilled: 'Partially fulfilled',
  fulfilled: 'Fulfilled',
  overdue: 'Overdue',
  disputed: 'Disputed',
  withdrawn: 'Withdrawn',
  superseded: 'Superseded',
};
