import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { entries, streams } from '../../../db/schema/index';
import { NO_MEMBERSHIP, type StreamMembership } from '../../../shared/membership/stream-membership';
import { foldMembership, MEMBERSHIP_TYPES } from './membership-state';

/** A stream as a sequencer batch has left it so far: stored state, plus the entries placed before. */
export type StreamView = {
  readonly kind: string | undefined;
  readonly head: { readonly seq: number; readonly hash: Uint8Array } | undefined;
  readonly membership: StreamMembership;
};

/** A stream with no stored entries: only a `seq` 1 may open it. */
export const UNKNOWN_STREAM: StreamView = { kind: undefined, head: undefined, membership: NO_MEMBERSHIP };

/**
 * The stored state of every stream a batch writes to, in one query whatever their number: each
 * stream's kind and head, with one row per membership entry its fold needs (one row with none when
 * it has none). Read under the log's lock, which every append holds, so no other writer moves these
 * streams meanwhile.
 */
export const loadStreamViews = async (
  tx: Tx,
  streamIds: readonly string[],
  legacyBefore: number,
): Promise<Map<string, StreamView>> => {
  const ids = [...new Set(streamIds)];
  const views = new Map(ids.map((id) => [id, UNKNOWN_STREAM]));
  const head = tx
    .select({ seq: entries.seq, hash: entries.hash })
    .from(entries)
    .where(eq(entries.streamId, streams.id))
    .orderBy(desc(entries.seq))
    .limit(1)
    .as('head');
  const change = tx
    .select({ seq: entries.seq, header: entries.header, hash: entries.hash, leafIndex: entries.leafIndex })
    .from(entries)
    .where(and(eq(entries.streamId, streams.id), inArray(entries.type, MEMBERSHIP_TYPES)))
    .as('change');
  const rows = await tx
    .select({
      id: streams.id,
      kind: streams.kind,
      headSeq: head.seq,
      headHash: head.hash,
      header: change.header,
      hash: change.hash,
      leafIndex: change.leafIndex,
    })
    .from(streams)
    .leftJoinLateral(head, sql`true`)
    .leftJoinLateral(change, sql`true`)
    .where(inArray(streams.id, ids))
    .orderBy(asc(streams.id), asc(change.seq));
  for (const id of new Set(rows.map((row) => row.id))) {
    const ofStream = rows.filter((row) => row.id === id);
    const first = ofStream[0] as (typeof ofStream)[number];
    const changes = ofStream.flatMap(({ header, hash, leafIndex }) =>
      header === null || hash === null || leafIndex === null ? [] : [{ header, hash, leafIndex }],
    );
    views.set(id, {
      kind: first.kind,
      head:
        first.headSeq === null || first.headHash === null ? undefined : { seq: first.headSeq, hash: first.headHash },
      membership: foldMembership(id, changes, legacyBefore),
    });
  }
  return views;
};
