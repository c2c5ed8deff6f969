import { bigint, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { checkpoints } from './log';

/**
 * Cosignatures the log collected from its witnesses (C2SP tlog-cosignature), one per checkpoint
 * and witness key, each verified before it is stored. Insert-only: a witness's statement about a
 * checkpoint is evidence, never edited or withdrawn.
 */
export const checkpointCosignatures = pgTable(
  'checkpoint_cosignatures',
  {
    treeSize: bigint('tree_size', { mode: 'number' })
      .notNull()
      .references(() => checkpoints.treeSize),
    witnessName: text('witness_name').notNull(),
    keyId: bigint('key_id', { mode: 'number' }).notNull(),
    /** The signature line as the witness answered it, ending in a newline. */
    line: text('line').notNull(),
    /** The time the cosignature states, in POSIX seconds. */
    cosignedAt: bigint('cosigned_at', { mode: 'number' }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.treeSize, table.witnessName, table.keyId] })],
);
