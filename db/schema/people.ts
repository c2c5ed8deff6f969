import { sql } from 'drizzle-orm';
import { bigint, boolean, check, customType, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { parties } from './parties';

/** Raw bytes, as `bytea`; drizzle hands them over as `Uint8Array`. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => new Uint8Array(value),
});

/** A person enrolled into a party with a role. Their keys live in the key directory, not here. */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey(),
    partyId: uuid('party_id')
      .notNull()
      .references(() => parties.id),
    role: text('role', { enum: ['admin', 'envoy', 'staff', 'reviewer'] }).notNull(),
    displayName: text('display_name').notNull(),
    /** `pending` until the inviting admin endorses their keys; `revoked` for good. */
    status: text('status', { enum: ['pending', 'active', 'revoked'] }).notNull(),
    /** The WebAuthn user handle: random, never derived from the person. */
    userHandle: bytea('user_handle').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [index('people_party_idx').on(table.partyId)],
);

/** A one-time invitation: only the SHA-256 of its token is stored. */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey(),
    tokenHash: bytea('token_hash').notNull().unique(),
    partyId: uuid('party_id')
      .notNull()
      .references(() => parties.id),
    role: text('role', { enum: ['admin', 'envoy', 'staff', 'reviewer'] }).notNull(),
    displayName: text('display_name').notNull(),
    /** The inviting admin; `null` for an invitation printed by the operator's CLI. */
    invitedBy: uuid('invited_by').references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    usedBy: uuid('used_by').references(() => people.id),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [check('invitation_used_or_not', sql`(${table.usedAt} is null) = (${table.usedBy} is null)`)],
);

/** A passkey: public key and signature counter, several per person. */
export const credentials = pgTable(
  'credentials',
  {
    id: text('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    publicKey: bytea('public_key').notNull(),
    counter: bigint('counter', { mode: 'number' }).notNull(),
    transports: jsonb('transports').$type<string[]>().notNull(),
    deviceType: text('device_type').notNull(),
    backedUp: boolean('backed_up').notNull(),
    hasPrf: boolean('has_prf').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (table) => [index('credentials_person_idx').on(table.personId)],
);
