import { bigint, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { bytea } from './people';

/**
 * Leaves of the one global transparency log (RFC 6962): every entry and every key statement, in
 * order. Insert-only, like the tables below.
 */
export const logLeaves = pgTable('log_leaves', {
  index: bigint('index', { mode: 'number' }).primaryKey(),
  /** 1 = entry, 2 = key statement. */
  kind: smallint('kind').notNull(),
  recordHash: bytea('record_hash').notNull().unique(),
  leafHash: bytea('leaf_hash').notNull(),
  appendedAt: timestamp('appended_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Hashes of complete subtrees: node (level, index) covers leaves [index·2^level, (index+1)·2^level).
 * Level 0 is not stored here (it is `log_leaves.leaf_hash`). A complete subtree never changes, so
 * appends and proofs touch O(log n) rows and nothing is rebuilt to answer a request.
 */
export const logNodes = pgTable(
  'log_nodes',
  {
    level: smallint('level').notNull(),
    index: bigint('index', { mode: 'number' }).notNull(),
    hash: bytea('hash').notNull(),
  },
  (table) => [primaryKey({ columns: [table.level, table.index] })],
);

/** Every signed checkpoint, in the C2SP signed-note format. */
export const checkpoints = pgTable('checkpoints', {
  treeSize: bigint('tree_size', { mode: 'number' }).primaryKey(),
  rootHash: bytea('root_hash').notNull(),
  note: text('note').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
