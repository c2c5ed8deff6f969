import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea, invitations, people } from './people';

/** A WebAuthn challenge: stored as a hash, single-use, expiring after five minutes. */
export const challenges = pgTable('challenges', {
  challengeHash: bytea('challenge_hash').primaryKey(),
  /** `recovery`: an admin-issued recovery link (72 hours); `recover-passkey`: the new passkey's registration. */
  purpose: text('purpose', {
    enum: ['enrol', 'sign-in', 'add-passkey', 'remove-passkey', 'recovery', 'recover-passkey'],
  }).notNull(),
  invitationId: uuid('invitation_id').references(() => invitations.id),
  /** Enrolment: the id the new person will get; adding a passkey: who asked. */
  personId: uuid('person_id'),
  userHandle: bytea('user_handle'),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

/** A signed-in browser or SDK: only the SHA-256 of the cookie's token is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    tokenHash: bytea('token_hash').notNull().unique(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    credentialId: text('credential_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (table) => [index('sessions_person_idx').on(table.personId)],
);

/**
 * Attempts counted per key in a fixed window, shared by every server on the database, so that
 * several servers together allow what one would (server/auth/shared-rate-limit.ts).
 */
export const rateWindows = pgTable('rate_windows', {
  /** The limiter's name and what it counts: `ceremony:addr:203.0.113.0`, `uploads:<person id>`. */
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  count: integer('count').notNull(),
});
