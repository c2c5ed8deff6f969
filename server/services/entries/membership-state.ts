import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { entries } from '../../../db/schema/index';
import { applyMembershipAt } from '../../../shared/membership/legacy-membership';
import { NO_MEMBERSHIP, type StreamMembership } from '../../../shared/membership/stream-membership';

/** The entries that can change who takes part in a stream. */
const MEMBERSHIP_TYPES = ['case_open', 'thread_open', 'membership', 'membership_consent'];

/**
 * A stream's membership as its stored entries add up to, by the same fold every client and the
 * offline verifier run (shared/membership). Call under the stream's lock.
 */
export const membershipOf = async (tx: Tx, streamId: string, legacyBefore: number): Promise<StreamMembership> => {
  const rows = await tx
    .select({ header: entries.header, hash: entries.hash, leafIndex: entries.leafIndex })
    .from(entries)
    .where(and(eq(entries.streamId, streamId), inArray(entries.type, MEMBERSHIP_TYPES)))
    .orderBy(asc(entries.seq));
  let state = NO_MEMBERSHIP;
  for (const row of rows) {
    const hash = Buffer.from(row.hash).toString('base64url');
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
