import { and, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
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

/**
 * What to fetch for `refs`: from level `tiledFrom` up, the tile span of each node (each span once);
 * below it, the nodes alone.
 */
export const splitByTiles = (
  refs: readonly NodeRef[],
  tiledFrom: number,
): { readonly exact: NodeRef[]; readonly spans: NodeSpan[] } => {
  const spans = new Map<string, NodeSpan>();
  const exact: NodeRef[] = [];
  for (const ref of refs) {
    if (ref.level < tiledFrom) {
      exact.push(ref);
    } else {
      const span = tileSpanOf(ref);
      spans.set(`${span.level}:${span.start}`, span);
    }
  }
  return { exact, spans: [...spans.values()] };
};

const inSpan = (column: typeof logLeaves.index | typeof logNodes.index, span: NodeSpan) =>
  and(gte(column, span.start), lt(column, span.end));

/**
 * Fetches the stored hashes of complete nodes in one query: level 0 from the leaves, higher levels
 * from `log_nodes` (one `index IN (…)` per level for `refs`, one range per span of `spans`), joined
 * by `UNION ALL`. Nodes of a span not stored yet (not complete) are absent. One proof needs
 * O(log n) nodes; a batch of k proofs at most k·log n, fewer where their paths share the upper levels.
 */
export const fetchNodes = async (
  db: Db | Tx,
  refs: readonly NodeRef[],
  spans: readonly NodeSpan[] = [],
): Promise<Map<string, Hash>> => {
  const byLevel = new Map<number, Set<number>>();
  for (const { level, index } of refs) {
    byLevel.set(level, (byLevel.get(level) ?? new Set()).add(index));
  }
  const leafIndexes = [...(byLevel.get(0) ?? [])];
  byLevel.delete(0);
  const leafConditions = [
    ...(leafIndexes.length > 0 ? [inArray(logLeaves.index, leafIndexes)] : []),
    ...spans.filter((span) => span.level === 0).map((span) => inSpan(logLeaves.index, span)),
  ];
  const nodeConditions = [
    ...[...byLevel].map(([level, indexes]) => and(eq(logNodes.level, level), inArray(logNodes.index, [...indexes]))),
    ...spans
      .filter((span) => span.level > 0)
      .map((span) => and(eq(logNodes.level, span.level), inSpan(logNodes.index, span))),
  ];
  const leaves =
    leafConditions.length > 0
      ? db
          .select({ level: sql<number>`0::smallint`.mapWith(Number), index: logLeaves.index, hash: logLeaves.leafHash })
          .from(logLeaves)
          .where(or(...leafConditions))
      : undefined;
  const inner =
    nodeConditions.length > 0
      ? db
          .select({ level: logNodes.level, index: logNodes.index, hash: logNodes.hash })
          .from(logNodes)
          .where(or(...nodeConditions))
      : undefined;
  const rows = leaves && inner ? await leaves.unionAll(inner) : await (leaves ?? inner ?? []);
  return new Map(rows.map((row) => [keyOf(row), row.hash]));
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
