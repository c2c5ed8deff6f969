import { randomUUID } from 'node:crypto';
import { parse as parseCookies } from 'cookie';
import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Request, Response } from 'express';
import type { Tx } from '../../db/client';
import { parties, people, sessions } from '../../db/schema/index';
import type { ServerContext } from '../context';
import type { Caller } from './caller';
import { csrfTokenFor, hashToken, randomToken } from './tokens';

/** A session ends after 30 minutes without a request, and 12 hours after sign-in regardless. */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
const TOUCH_INTERVAL_MS = 60 * 1000;

export const sessionCookieName = (context: ServerContext): string =>
  context.config.publicOrigin.startsWith('https:') ? '__Host-parley_session' : 'parley_session';

export const readSessionToken = (context: ServerContext, req: Request): string | undefined =>
  parseCookies(req.headers.cookie ?? '')[sessionCookieName(context)];

/** Starts a session in the transaction that signed the person in; ends the session it replaces. */
export const createSession = async (
  context: ServerContext,
  tx: Tx,
  personId: string,
  credentialId: string,
  replacedToken: string | undefined,
) => {
  if (replacedToken) {
    await tx
      .update(sessions)
      .set({ endedAt: context.now() })
      .where(eq(sessions.tokenHash, hashToken(replacedToken)));
  }
  const token = randomToken();
  const now = context.now();
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  await tx.insert(sessions).values({
    id: randomUUID(),
    tokenHash: hashToken(token),
    personId,
    credentialId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  return { token, csrfToken: csrfTokenFor(token), expiresAt };
};

export const setSessionCookie = (context: ServerContext, res: Response, token: string, expiresAt: Date): void => {
  res.cookie(sessionCookieName(context), token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: context.config.publicOrigin.startsWith('https:'),
    path: '/',
    expires: expiresAt,
  });
};

export const clearSessionCookie = (context: ServerContext, res: Response): void => {
  res.clearCookie(sessionCookieName(context), {
    httpOnly: true,
    sameSite: 'strict',
    secure: context.config.publicOrigin.startsWith('https:'),
    path: '/',
  });
};

/** The caller behind a session token, or null when the session is unknown, ended, idle or expired. */
export const resolveSession = async (context: ServerContext, token: string): Promise<Caller | null> => {
  const now = context.now();
  const [row] = await context.database.db
    .select({ session: sessions, person: people, partyName: parties.name })
    .from(sessions)
    .innerJoin(people, eq(people.id, sessions.personId))
    .innerJoin(parties, eq(parties.id, people.partyId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), isNull(sessions.endedAt), gt(sessions.expiresAt, now)))
    .limit(1);
  if (!row || row.person.status === 'revoked') {
    return null;
  }
  if (now.getTime() - row.session.lastSeenAt.getTime() > SESSION_IDLE_MS) {
    return null;
  }
  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await context.database.db
      .update(sessions)
      .set({ lastSeenAt: now })
      .where(and(eq(sessions.id, row.session.id), sql`${sessions.lastSeenAt} < ${now}`));
  }
  return {
    personId: row.person.id,
    partyId: row.person.partyId,
    role: row.person.role,
    name: row.person.displayName,
    status: row.person.status,
    sessionId: row.session.id,
    credentialId: row.session.credentialId,
    sessionExpiresAt: row.session.expiresAt,
    csrfToken: csrfTokenFor(token),
  };
};

/** Ends every open session of a person: "sign out everywhere", and revocation. */
export const endAllSessions = async (context: ServerContext, tx: Tx, personId: string): Promise<number> => {
  const ended = await tx
    .update(sessions)
    .set({ endedAt: context.now() })
    .where(and(eq(sessions.personId, personId), isNull(sessions.endedAt)))
    .returning({ id: sessions.id });
  return ended.length;
};

/**
 * When each of these sessions will end unless used (idle limit) or regardless (absolute limit), for
 * long-lived streams; a session that has ended, expired, gone idle or whose person is revoked is
 * absent. One query for every open stream.
 */
export const sessionDeadlines = async (
  context: ServerContext,
  sessionIds: readonly string[],
): Promise<Map<string, number>> => {
  if (sessionIds.length === 0) {
    return new Map();
  }
  const now = context.now();
  const rows = await context.database.db
    .select({ id: sessions.id, status: people.status, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(people, eq(people.id, sessions.personId))
    .where(and(inArray(sessions.id, [...sessionIds]), isNull(sessions.endedAt), gt(sessions.expiresAt, now)));
  const deadlines = new Map<string, number>();
  for (const row of rows) {
    const deadline = Math.min(row.expiresAt.getTime(), row.lastSeenAt.getTime() + SESSION_IDLE_MS);
    if (row.status !== 'revoked' && deadline > now.getTime()) {
      deadlines.set(row.id, deadline);
    }
  }
  return deadlines;
};
