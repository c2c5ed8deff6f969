import type { CaseFulfilment } from '../../../shared/content/commitment-fulfilment';
import type { SourceCheck } from '../../../shared/content/commitment-source-check';
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

/** Where one case of the scope stands. */
export const CASE_FULFILMENT_LABELS: Readonly<Record<CaseFulfilment['state'], string>> = {
  open: 'No return recorded',
  awaiting_acknowledgement: 'Return recorded, awaiting the receiving party’s receipt',
  acknowledged: 'Returned and acknowledged by the receiving party',
  disputed: 'Return disputed by the receiving party',
};

/** The verdict on the commitment's source. */
export const SOURCE_CHECK_LABELS: Readonly<Record<SourceCheck, string>> = {
  ok: 'agreed by every party',
  missing: 'not among the entries you hold',
  not_agreed: 'the minutes still await a countersignature',
  clause_missing: 'the minutes have no such clause',
  retracted: 'retracted by its author',
  not_a_source: 'cannot source a commitment',
};
