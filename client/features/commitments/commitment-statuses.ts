import type { CommitmentStatus } from '../../../shared/content/commitment-state';

/** Every derived status, in the order people are shown them (their words are in the `commitments` catalogue). */
export const COMMITMENT_STATUSES: readonly CommitmentStatus[] = [
  'proposed',
  'accepted',
  'in_progress',
  'partially_fulfilled',
  'fulfilled',
  'overdue',
  'disputed',
  'withdrawn',
  'superseded',
];
