import { and, asc, desc, inArray } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { entries } from '../../../db/schema/index';
import { NO_MEMBERSHIP, type StreamMembership } from '../../../shared/membership/stream-membership';
import { foldMembership, MEMBERSHIP_TYPES } from './membership-state';
import { findStreams } from './stream-state';

/** A stream as a sequencer batch has left it so far: stored state, plus the entries placed before. */
export type StreamView = {
  readonly kind: string | undefined;
  readonly head: { readonly seq: number; readonly hash: Uint8Array } | undefined;
  readonly membership: StreamMembership;
};

/** A stream with no stored entries: only a `seq` 1 may open it. */
export const UNKNOWN_STREAM: StreamView = { kind: undefined, head: undefined, membership: NO_MEMBERSHIP };

/**
 * The stored state of every stream a batch writes to, in three queries whatever their number:
 * kinds, heads, and the membership entries each stream's fold needs. Read under the log's lock,
 * which every append holds, so no other writer moves these streams meanwhile.
 */
export const loadStreamViews = async (
  tx: Tx,
  streamIds: readonly string[],
  legacyBefore: number,
): Promise<Map<string, StreamView>> => {
  const ids = [...new Set(streamIds)];
  const views = new Map(ids.map((id) => [id, UNKNOWN_STREAM]));
  const known = await findStreams(tx, ids);
  if (known.length === 0) {
    return views;
  }
  const knownIds = known.map((stream) => stream.id);
  const heads = await tx
    .selectDistinctOn([entries.streamId], { streamId: entries.streamId, seq: entries.seq, hash: entries.hash })
    .from(entries)
    .where(inArray(entries.streamId, knownIds))
    .orderBy(entries.streamId, desc(entries.seq));
  const changes = await tx
    .select({ streamId: entries.streamId, header: entries.header, hash: entries.hash, leafIndex: entries.leafIndex })
    .from(entries)
    .where(and(inArray(entries.streamId, knownIds), inArray(entries.type, MEMBERSHIP_TYPES)))
    .orderBy(asc(entries.streamId), asc(entries.seq));
  for (const stream of known) {
    const head = heads.find((row) => row.streamId === stream.id);
    views.set(stream.id, {
      kind: stream.kind,
      head: head ? { seq: head.seq, hash: head.hash } : undefined,
      membership: foldMembership(
        stream.id,
        changes.filter((row) => row.streamId === stream.id),
        legacyBefore,
      ),
    });
  }
  return views;
};
