import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { logLeaves, logNodes } from '../../db/schema/index';
import type { Hash } from '../../shared/log/merkle';
import type { NodeRef } from '../../shared/log/proof-plan';

const keyOf = ({ level, index }: NodeRef): string => `${level}:${index}`;

/**
 * Fetches the stored hashes of complete nodes in one query: level 0 from the leaves, higher levels
 * from `log_nodes` (one `index IN (…)` per level), joined by `UNION ALL`. One proof needs
 * O(log n) nodes; a batch of k proofs at most k·log n, fewer where their paths share the upper levels.
 */
export const fetchNodes = async (db: Db | Tx, refs: readonly NodeRef[]): Promise<Map<string, Hash>> => {
  const found = new Map<string, Hash>();
  const byLevel = new Map<number, Set<number>>();
  for (const { level, index } of refs) {
    byLevel.set(level, (byLevel.get(level) ?? new Set()).add(index));
  }
  const leafIndexes = [...(byLevel.get(0) ?? [])];
  byLevel.delete(0);
  const leaves =
    leafIndexes.length > 0
      ? db
          .select({ level: sql<number>`0::smallint`.mapWith(Number), index: logLeaves.index, hash: logLeaves.leafHash })
          .from(logLeaves)
          .where(inArray(logLeaves.index, leafIndexes))
      : undefined;
  const inner =
    byLevel.size > 0
      ? db
          .select({ level: logNodes.level, index: logNodes.index, hash: logNodes.hash })
          .from(logNodes)
          .where(
            or(
              ...[...byLevel].map(([level, indexes]) =>
                and(eq(logNodes.level, level), inArray(logNodes.index, [...indexes])),
              ),
            ),
          )
      : undefined;
  const rows = leaves && inner ? await leaves.unionAll(inner) : await (leaves ?? inner ?? []);
  for (const row of rows) {
    found.set(keyOf(row), row.hash);
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
