import { and, asc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { entries, parties, streams } from '../../db/schema/index';
import type { BundleScope } from '../../shared/audit/bundle';
import type { EntryHeader } from '../../shared/schemas/entry';
import { ProblemError } from '../problems';
import { streamsOfParty } from '../services/entries/stream-state';

/** Which entries a scope covers: those of some streams, or every entry of the log. */
export type ScopeStreams = { readonly kind: 'streams'; readonly ids: readonly string[] } | { readonly kind: 'log' };

/** One exported entry as stored: what was signed, where the log put it, and its ciphertext if asked. */
export type EntryRecord = {
  readonly leafIndex: number;
  readonly header: EntryHeader;
  readonly signature: string;
  readonly ciphertext: Uint8Array | null;
};

/**
 * The streams of a scope: the case or thread itself (refused as unknown when it is a stream of
 * the other kind), every stream a party is currently a member of, or the whole log.
 */
export const resolveScopeStreams = async (db: Db, scope: BundleScope): Promise<ScopeStreams> => {
  switch (scope.kind) {
    case 'case':
    case 'thread': {
      const [stream] = await db.select({ kind: streams.kind }).from(streams).where(eq(streams.id, scope.id));
      if (stream?.kind !== scope.kind) {
        throw new ProblemError('notFound', `No ${scope.kind} ${scope.id}`);
      }
      return { kind: 'streams', ids: [scope.id] };
    }
    case 'party': {
      const [party] = await db.select({ id: parties.id }).from(parties).where(eq(parties.id, scope.id));
      if (!party) {
        throw new ProblemError('notFound', `No party ${scope.id}`);
      }
      return { kind: 'streams', ids: await streamsOfParty(db, scope.id) };
    }
    case 'log':
      return { kind: 'log' };
  }
};

/**
 * Pages through the entries of a scope below leaf `below` (the anchor's size: entries appended
 * after it cannot be proven under it), in ascending leaf order, `pageSize` rows at a time.
 */
export async function* scopeEntryPages(
  db: Db,
  scope: ScopeStreams,
  options: { readonly below: number; readonly withCiphertext: boolean; readonly pageSize: number },
): AsyncGenerator<EntryRecord[]> {
  if (scope.kind === 'streams' && scope.ids.length === 0) {
    return;
  }
  const inScope = scope.kind === 'streams' ? inArray(entries.streamId, [...scope.ids]) : undefined;
  let after = -1;
  for (;;) {
    const rows = await db
      .select({
        leafIndex: entries.leafIndex,
        header: entries.header,
        signature: entries.signature,
        ciphertext: options.withCiphertext ? entries.ciphertext : sql<null>`null`,
      })
      .from(entries)
      .where(and(gt(entries.leafIndex, after), lt(entries.leafIndex, options.below), inScope))
      .orderBy(asc(entries.leafIndex))
      .limit(options.pageSize);
    if (rows.length > 0) {
      yield rows;
    }
    const last = rows.at(-1);
    if (last === undefined || rows.length < options.pageSize) {
      return;
    }
    after = last.leafIndex;
  }
}
