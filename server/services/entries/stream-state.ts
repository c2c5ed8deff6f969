import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { entries, streamMemberships, streams } from '../../../db/schema/index';

/** The last entry of a stream: its seq and hash. */
export const headOf = async (db: Db | Tx, streamId: string) =>
  (
    await db
      .select({ seq: entries.seq, hash: entries.hash })
      .from(entries)
      .where(eq(entries.streamId, streamId))
      .orderBy(desc(entries.seq))
      .limit(1)
  )[0];

/** The parties currently in a stream, folding its membership changes in order. */
export const membersOf = async (db: Db | Tx, streamId: string): Promise<Set<string>> => {
  const changes = await db
    .select()
    .from(streamMemberships)
    .where(eq(streamMemberships.streamId, streamId))
    .orderBy(streamMemberships.seq);
  const members = new Set<string>();
  for (const change of changes) {
    if (change.change === 'add') {
      members.add(change.partyId);
    } else {
      members.delete(change.partyId);
    }
  }
  return members;
};

/** The streams a party is currently a member of. */
export const streamsOfParty = async (db: Db | Tx, partyId: string): Promise<string[]> => {
  const rows = await db
    .selectDistinctOn([streamMemberships.streamId], {
      streamId: streamMemberships.streamId,
      change: streamMemberships.change,
    })
    .from(streamMemberships)
    .where(eq(streamMemberships.partyId, partyId))
    .orderBy(streamMemberships.streamId, sql`${streamMemberships.seq} desc`);
  return rows.filter((row) => row.change === 'add').map((row) => row.streamId);
};

export const findEntriesByHash = async (db: Db | Tx, hashes: readonly Uint8Array[]) =>
  hashes.length === 0
    ? []
    : db
        .select()
        .from(entries)
        .where(inArray(entries.hash, [...hashes]));

export const findStreams = async (db: Db | Tx, ids: readonly string[]) =>
  ids.length === 0
    ? []
    : db
        .select()
        .from(streams)
        .where(and(inArray(streams.id, [...ids])));
