import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { SignedKeyStatement } from '../../shared/schemas/key-statement';
import { bytea, people } from './people';

/**
 * The key directory: signed, hash-linked key statements, insert-only (triggers refuse UPDATE,
 * DELETE and TRUNCATE). `position` is the statement's leaf index in the transparency log.
 */
export const keyStatements = pgTable(
  'key_statements',
  {
    position: bigint('position', { mode: 'number' }).primaryKey(),
    hash: bytea('hash').notNull().unique(),
    personId: uuid('person_id').notNull(),
    seq: integer('seq').notNull(),
    kind: text('kind', { enum: ['enrol', 'rotate', 'revoke', 'endorse', 'policy'] }).notNull(),
    keyId: text('key_id').notNull(),
    signed: jsonb('signed').$type<SignedKeyStatement>().notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('key_statements_person_seq').on(table.personId, table.seq),
    index('key_statements_key_idx').on(table.keyId),
  ],
);

/** An enrolment signed by the new person, waiting for the inviting admin's endorsement. */
export const pendingEnrolments = pgTable('pending_enrolments', {
  personId: uuid('person_id')
    .primaryKey()
    .references(() => people.id),
  signed: jsonb('signed').$type<SignedKeyStatement>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Encrypted key vaults: opaque to the server, one per unlock method (and per PRF passkey). */
export const keyVaults = pgTable(
  'key_vaults',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    kind: text('kind', { enum: ['prf', 'passphrase', 'recovery'] }).notNull(),
    /** The passkey whose PRF output wraps this copy; empty for other kinds. */
    credentialId: text('credential_id').notNull(),
    blob: bytea('blob').notNull(),
    /** The signed upload's version in its slot; 0 for a copy stored before uploads were versioned. */
    version: integer('version').notNull().default(0),
    /** The hash of the upload this one replaced ('' for the first); docs/PROTOCOL.md §8.5. */
    previousHash: text('previous_hash').notNull().default(''),
    /** The key that signed the upload, and the signature (base64url); null at version 0. */
    keyId: text('key_id'),
    signature: text('signature'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('key_vaults_unique').on(table.personId, table.kind, table.credentialId),
    check(
      'key_vaults_signed_from_version_1',
      sql`(${table.version} = 0) = (${table.signature} is null) and (${table.signature} is null) = (${table.keyId} is null)`,
    ),
  ],
);

/** Who a person has verified, sealed to their own key: the server can neither read nor forge it. */
export const contactVerifications = pgTable('contact_verifications', {
  personId: uuid('person_id')
    .primaryKey()
    .references(() => people.id),
  /** The signed upload as sent (sealed list, key id, signature), as JSON. */
  blob: bytea('blob').notNull(),
  /** Its version; 0 for a list stored before uploads were versioned (signed under the v1 tag). */
  version: integer('version').notNull().default(0),
  /** The hash of the upload this one replaced ('' for the first); docs/PROTOCOL.md §8.5. */
  previousHash: text('previous_hash').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
