import { and, eq, gte, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { logLeaves, logNodes } from '../../db/schema/index';
import type { Hash } from '../../shared/log/merkle';
import type { NodeRef } from '../../shared/log/proof-plan';

const keyOf = ({ level, index }: NodeRef): string => `${level}:${index}`;

/** The nodes of one level with index in [start, end). */
export type NodeSpan = { readonly level: number; readonly start: number; readonly end: number };

/** C2SP tlog-tiles' height: a tile holds 256 nodes of level 8t and the 255 above them it implies. */
const TILE_HEIGHT = 8;
const TILE_WIDTH = 2 ** TILE_HEIGHT;

/**
 * The nodes of `ref`'s level that share its tile: 256 at the tile's bottom level, halving with each
 * level above. A proof's path passes through few tiles, and a neighbour's path through the same.
 */
export const tileSpanOf = ({ level, index }: NodeRef): NodeSpan => {
  const width = TILE_WIDTH >> (level % TILE_HEIGHT);
  const start = Math.floor(index / width) * width;
  return { level, start, end: start + width };
};

/**
 * The lowest level where fetching whole tile spans pays: there every node of that level and above
 * (about 2·treeSize/2^level) fits in `budget` cached nodes, so each span is fetched once. Below it,
 * random proofs would evict more than they reuse, so nodes there are fetched one by one.
 */
export const lowestTiledLevel = (treeSize: number, budget: number): number =>
  Math.max(0, Math.ceil(Math.log2((2 * treeSize) / budget)));

/** What to fetch for `refs`: the tile span of each node from level `tiledFrom` up, the node alone below; each once. */
export const spansToFetch = (refs: readonly NodeRef[], tiledFrom: number): NodeSpan[] => {
  const spans = new Map<string, NodeSpan>();
  for (const ref of refs) {
    const span = ref.level >= tiledFrom ? tileSpanOf(ref) : { level: ref.level, start: ref.index, end: ref.index + 1 };
    spans.set(`${span.level}:${span.start}:${span.end}`, span);
  }
  return [...spans.values()];
};

/**
 * Runs one query for the stored nodes matching a condition on the leaves (level 0) and one on
 * `log_nodes` (the levels above), joined by `UNION ALL`.
 */
const fetchWhere = async (db: Db | Tx, leafCondition?: SQL, nodeCondition?: SQL): Promise<Map<string, Hash>> => {
  const leaves = leafCondition
    ? db
        .select({ level: sql<number>`0::smallint`.mapWith(Number), index: logLeaves.index, hash: logLeaves.leafHash })
        .from(logLeaves)
        .where(leafCondition)
    : undefined;
  const inner = nodeCondition
    ? db
        .select({ level: logNodes.level, index: logNodes.index, hash: logNodes.hash })
        .from(logNodes)
        .where(nodeCondition)
    : undefined;
  const rows = leaves && inner ? await leaves.unionAll(inner) : await (leaves ?? inner ?? []);
  return new Map(rows.map((row) => [keyOf(row), row.hash]));
};

/**
 * Fetches the stored hashes of complete nodes in one query: level 0 from the leaves, higher levels
 * from `log_nodes` (one `index IN (…)` per level). One proof needs O(log n) nodes; a batch of k
 * proofs at most k·log n, fewer where their paths share the upper levels.
 */
export const fetchNodes = async (db: Db | Tx, refs: readonly NodeRef[]): Promise<Map<string, Hash>> => {
  const byLevel = new Map<number, Set<number>>();
  for (const { level, index } of refs) {
    byLevel.set(level, (byLevel.get(level) ?? new Set()).add(index));
  }
  const leafIndexes = [...(byLevel.get(0) ?? [])];
  byLevel.delete(0);
  return fetchWhere(
    db,
    leafIndexes.length > 0 ? inArray(logLeaves.index, leafIndexes) : undefined,
    byLevel.size > 0
      ? or(
          ...[...byLevel].map(([level, indexes]) =>
            and(eq(logNodes.level, level), inArray(logNodes.index, [...indexes])),
          ),
        )
      : undefined,
  );
};

/** The stored nodes in `spans`, in one query; nodes not stored (not complete yet) are absent. */
export const fetchNodeSpans = async (db: Db | Tx, spans: readonly NodeSpan[]): Promise<Map<string, Hash>> => {
  const leafSpans = spans.filter((span) => span.level === 0);
  const innerSpans = spans.filter((span) => span.level > 0);
  return fetchWhere(
    db,
    leafSpans.length > 0
      ? or(...leafSpans.map((span) => and(gte(logLeaves.index, span.start), lt(logLeaves.index, span.end))))
      : undefined,
    innerSpans.length > 0
      ? or(
          ...innerSpans.map((span) =>
            and(eq(logNodes.level, span.level), gte(logNodes.index, span.start), lt(logNodes.index, span.end)),
          ),
        )
      : undefined,
  );
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
