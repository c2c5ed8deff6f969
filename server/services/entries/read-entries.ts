import { and, asc, count, desc, eq, gt, inArray, max, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { entries, streams } from '../../../db/schema/index';
import type { StoredEntry, StreamView } from '../../../shared/schemas/stream';
import type { Caller } from '../../auth/caller';
import { base64url } from '../../encoding/base64url';
import { ProblemError } from '../../problems';
import { membersOf, streamsOfParty } from './stream-state';

type EntryRow = typeof entries.$inferSelect;

/** Entry hashes whose content keys were disclosed to this person by disclosure entries. */
export const disclosedTo = async (db: Db, personId: string): Promise<Set<string>> => {
  const rows = await db
    .select({ refs: sql<string[]>`${entries.header}->'refs'`, hash: entries.hash })
    .from(entries)
    .where(and(eq(entries.type, 'disclosure'), sql`${entries.header}->'meta'->>'grantee' = ${personId}`));
  return new Set(rows.flatMap((row) => [...row.refs, base64url(row.hash)]));
};

/** A stored entry, with its ciphertext only when the reader may hold its key. */
export const toStoredEntry = (row: EntryRow, withContent: boolean): StoredEntry => ({
  header: row.header,
  signature: row.signature,
  ...(withContent ? { ciphertext: base64url(row.ciphertext) } : {}),
  entryHash: base64url(row.hash),
  leafIndex: row.leafIndex,
  receivedAt: row.receivedAt.toISOString(),
});

const streamViews = async (db: Db, ids: readonly string[], memberOf: ReadonlySet<string>): Promise<StreamView[]> => {
  if (ids.length === 0) {
    return [];
  }
  const rows = await db
    .select()
    .from(streams)
    .where(inArray(streams.id, [...ids]));
  const heads = await db
    .select({ streamId: entries.streamId, seq: max(entries.seq), last: max(entries.receivedAt), n: count() })
    .from(entries)
    .where(inArray(entries.streamId, [...ids]))
    .groupBy(entries.streamId);
  const views: StreamView[] = [];
  for (const row of rows) {
    const head = heads.find((candidate) => candidate.streamId === row.id);
    const [last] = head?.seq
      ? await db
          .select({ hash: entries.hash })
          .from(entries)
          .where(and(eq(entries.streamId, row.id), eq(entries.seq, head.seq)))
      : [];
    views.push({
      id: row.id,
      kind: row.kind,
      reference: row.reference,
      members: [...(await membersOf(db, row.id))],
      head: head?.seq && last ? { seq: head.seq, hash: base64url(last.hash) } : null,
      lastActivity: head?.last ? new Date(head.last).toISOString() : null,
      isMember: memberOf.has(row.id),
    });
  }
  return views.sort((a, b) => (b.lastActivity ?? '').localeCompare(a.lastActivity ?? ''));
};

/** Streams of the caller's party; for a reviewer, every stream (they verify the whole log). */
export const listStreams = async (db: Db, caller: Caller): Promise<StreamView[]> => {
  const own = new Set(await streamsOfParty(db, caller.partyId));
  const ids =
    caller.role === 'reviewer' ? (await db.select({ id: streams.id }).from(streams)).map((row) => row.id) : [...own];
  return streamViews(db, ids, own);
};

/** Whether the caller may read a stream's headers: a member, or a reviewer. Refuses otherwise. */
export const assertStreamReader = async (db: Db, caller: Caller, streamId: string): Promise<void> => {
  const [stream] = await db.select({ id: streams.id }).from(streams).where(eq(streams.id, streamId));
  if (!stream) {
    throw new ProblemError('notFound', 'No such stream');
  }
  if (caller.role !== 'reviewer' && !(await membersOf(db, streamId)).has(caller.partyId)) {
    throw new ProblemError('notStreamMember');
  }
};

export const readStream = async (db: Db, caller: Caller, streamId: string, after: number, limit: number) => {
  const isMember = (await membersOf(db, streamId)).has(caller.partyId);
  const rows = await db
    .select()
    .from(entries)
    .where(and(eq(entries.streamId, streamId), gt(entries.seq, after)))
    .orderBy(asc(entries.seq))
    .limit(limit);
  const disclosed = isMember ? new Set<string>() : await disclosedTo(db, caller.personId);
  const [stream] = await streamViews(db, [streamId], isMember ? new Set([streamId]) : new Set());
  if (!stream) {
    throw new ProblemError('notFound', 'No such stream');
  }
  return { stream, entries: rows.map((row) => toStoredEntry(row, isMember || disclosed.has(base64url(row.hash)))) };
};

/** One entry by hash, if the caller may read its stream; content as for `readStream`. */
export const readEntry = async (db: Db, caller: Caller, hash: string): Promise<StoredEntry> => {
  const [row] = await db
    .select()
    .from(entries)
    .where(eq(entries.hash, Buffer.from(hash, 'base64url')))
    .orderBy(desc(entries.seq));
  const isMember = row ? (await membersOf(db, row.streamId)).has(caller.partyId) : false;
  const disclosed = row && !isMember ? (await disclosedTo(db, caller.personId)).has(hash) : false;
  if (!row || !(isMember || disclosed || caller.role === 'reviewer')) {
    throw new ProblemError('notFound', 'No such entry');
  }
  return toStoredEntry(row, isMember || disclosed);
};
