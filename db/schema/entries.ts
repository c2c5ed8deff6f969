import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { EntryHeader } from '../../shared/schemas/entry';
import { bytea } from './people';

/** A case or a correspondence thread: the server knows its id, kind and reference label only. */
export const streams = pgTable('streams', {
  id: uuid('id').primaryKey(),
  kind: text('kind', { enum: ['case', 'thread'] }).notNull(),
  /** For cases, a label chosen by staff, never derived from personal data; empty for threads. */
  reference: text('reference').notNull(),
  openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Signed, encrypted entries: insert-only (triggers refuse UPDATE, DELETE, TRUNCATE). One chain per
 * stream (`seq`, `prev_hash`); `leaf_index` places the entry in the transparency log.
 */
export const entries = pgTable(
  'entries',
  {
    hash: bytea('hash').primaryKey(),
    id: uuid('id').notNull().unique(),
    streamId: uuid('stream_id')
      .notNull()
      .references(() => streams.id),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    authorId: uuid('author_id').notNull(),
    authorParty: uuid('author_party').notNull(),
    keyId: text('key_id').notNull(),
    leafIndex: bigint('leaf_index', { mode: 'number' }).notNull().unique(),
    header: jsonb('header').$type<EntryHeader>().notNull(),
    signature: text('signature').notNull(),
    ciphertext: bytea('ciphertext').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('entries_stream_seq').on(table.streamId, table.seq),
    index('entries_type_idx').on(table.type),
  ],
);

/** Membership changes of streams, as their signed entries state them; insert-only. */
export const streamMemberships = pgTable(
  'stream_memberships',
  {
    streamId: uuid('stream_id')
      .notNull()
      .references(() => streams.id),
    seq: integer('seq').notNull(),
    partyId: uuid('party_id').notNull(),
    change: text('change', { enum: ['add', 'remove'] }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.streamId, table.seq, table.partyId] })],
);

/** Encrypted attachments; the key lives inside an entry. */
export const attachments = pgTable('attachments', {
  id: uuid('id').primaryKey(),
  uploadedBy: uuid('uploaded_by').notNull(),
  size: bigint('size', { mode: 'number' }).notNull(),
  /** Rows in `attachment_chunks` when stored in the database; 0 when stored as a file. */
  chunkCount: integer('chunk_count').notNull(),
  /**
   * Where the ciphertext lives: `database` (rows in `attachment_chunks`, as on PostgreSQL) or
   * `file` (`DATA_DIR/attachments/<id>`, the embedded default).
   */
  storedIn: text('stored_in', { enum: ['database', 'file'] })
    .notNull()
    .default('database'),
  /** SHA-256 of the stored bytes, as received; the entry commits to them inside its ciphertext. */
  digest: bytea('digest').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const attachmentChunks = pgTable(
  'attachment_chunks',
  {
    uploadId: uuid('upload_id').notNull(),
    index: integer('index').notNull(),
    data: bytea('data').notNull(),
  },
  (table) => [primaryKey({ columns: [table.uploadId, table.index] })],
);
