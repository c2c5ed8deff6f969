import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { logLeaves, logNodes } from '../../db/schema/index';
import type { Hash } from '../../shared/log/merkle';
import type { NodeRef } from '../../shared/log/proof-plan';

const keyOf = ({ level, index }: NodeRef): string => `${level}:${index}`;

/**
 * Fetches the stored hashes of complete nodes in at most two queries: level 0 from the leaves,
 * higher levels from `log_nodes`. Plans never ask for more than O(log n) of them.
 */
export const fetchNodes = async (db: Db | Tx, refs: readonly NodeRef[]): Promise<Map<string, Hash>> => {
  const found = new Map<string, Hash>();
  const unique = [...new Map(refs.map((ref) => [keyOf(ref), ref])).values()];
  const leafIndexes = unique.filter((ref) => ref.level === 0).map((ref) => ref.index);
  const inner = unique.filter((ref) => ref.level > 0);
  if (leafIndexes.length > 0) {
    const rows = await db
      .select({ index: logLeaves.index, hash: logLeaves.leafHash })
      .from(logLeaves)
      .where(inArray(logLeaves.index, leafIndexes));
    for (const row of rows) {
      found.set(keyOf({ level: 0, index: row.index }), row.hash);
    }
  }
  if (inner.length > 0) {
    const rows = await db
      .select()
      .from(logNodes)
      .where(or(...inner.map((ref) => and(eq(logNodes.level, ref.level), eq(logNodes.index, ref.index)))));
    for (const row of rows) {
      found.set(keyOf(row), row.hash);
    }
  }
  return found;
};

/** A lookup over fetched nodes that fails loudly when storage lacks a node a plan needs. */
export const lookupIn =
  (nodes: ReadonlyMap<string, Hash>) =>
  (ref: NodeRef): Hash => {
    const hash = nodes.get(keyOf(ref));
    if (!hash) {
      throw new Error(`log storage lacks node ${keyOf(ref)}`);
    }
    return hash;
  };

export const nodeKey = keyOf;

/** Serialises appends to the log across connections and servers, until the transaction ends. */
export const lockLog = async (tx: Tx): Promise<void> => {
  await tx.execute(sql`select pg_advisory_xact_lock(7061726, 1)`);
};
