import { applyMembershipAt } from '../../../shared/membership/legacy-membership';
import { NO_MEMBERSHIP, type StreamMembership } from '../../../shared/membership/stream-membership';
import type { EntryHeader } from '../../../shared/schemas/entry';
import { base64url } from '../../encoding/base64url';

/** The entries that can change who takes part in a stream. */
export const MEMBERSHIP_TYPES = ['case_open', 'thread_open', 'membership', 'membership_consent'];

/**
 * Whether this entry may change the stream's members, so that what is remembered about them must
 * be read again: an opening, a proposal, and a consent (the last consent to a proposal applies it).
 */
export const mayChangeMembers = (header: Pick<EntryHeader, 'type' | 'seq'>): boolean =>
  header.seq === 1 || MEMBERSHIP_TYPES.includes(header.type);

/**
 * A stream's membership as its stored membership entries (in seq order) add up to, by the same
 * fold every client and the offline verifier run (shared/membership). A stored entry that breaks
 * the rules means a corrupt log: that is an error, never a refusal of the entry being appended.
 */
export const foldMembership = (
  streamId: string,
  rows: readonly { header: EntryHeader; hash: Uint8Array; leafIndex: number }[],
  legacyBefore: number,
): StreamMembership => {
  let state = NO_MEMBERSHIP;
  for (const row of rows) {
    const hash = base64url(row.hash);
    const step = applyMembershipAt(state, row.header, hash, row.leafIndex, legacyBefore);
    if (!step.ok) {
      throw new Error(
        `stored entry ${row.header.seq} of stream ${streamId} breaks the membership rules: ${step.reason}`,
      );
    }
    state = step.state;
  }
  return state;
};
