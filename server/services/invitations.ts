import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { invitations, parties, people } from '../../db/schema/index';
import type { Role } from '../../shared/schemas/role';
import { hashToken, randomToken } from '../auth/tokens';
import type { ServerContext } from '../context';
import { ProblemError } from '../problems';
import { currentKeyOf } from './person-keys';

/** An invitation can be redeemed for 72 hours. */
export const INVITATION_TTL_MS = 72 * 60 * 60 * 1000;

export type NewInvitation = { partyId: string; role: Role; name: string; invitedBy: string | null };

/** The link an invitee opens; the token sits in the fragment, which browsers never send to a server. */
export const invitationLink = (context: ServerContext, token: string): string =>
  `${context.config.publicOrigin}/enrol#${token}`;

/** Stores an invitation (its token only as a hash) and returns the one-time token. */
export const createInvitation = async (context: ServerContext, tx: Tx, invitation: NewInvitation) => {
  const [party] = await tx.select().from(parties).where(eq(parties.id, invitation.partyId)).limit(1);
  if (!party) {
    throw new ProblemError('notFound', 'No such party');
  }
  const token = randomToken();
  const now = context.now();
  const row = {
    id: randomUUID(),
    tokenHash: hashToken(token),
    partyId: party.id,
    role: invitation.role,
    displayName: invitation.name,
    invitedBy: invitation.invitedBy,
    createdAt: now,
    expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
  };
  await tx.insert(invitations).values(row);
  return { token, invitation: row, party };
};

const statusOf = (row: typeof invitations.$inferSelect, now: Date): 'used' | 'revoked' | 'expired' | 'open' =>
  row.usedAt ? 'used' : row.revokedAt ? 'revoked' : row.expiresAt <= now ? 'expired' : 'open';

export const invitationView = (
  row: typeof invitations.$inferSelect,
  party: { id: string; name: string },
  now: Date,
) => ({
  id: row.id,
  party: { id: party.id, name: party.name },
  role: row.role,
  name: row.displayName,
  expiresAt: row.expiresAt.toISOString(),
  status: statusOf(row, now),
});

/** The invitations into one party, newest first: an admin sees their own party's only. */
export const listInvitations = async (context: ServerContext, partyId: string) => {
  const rows = await context.database.db
    .select({ invitation: invitations, party: parties })
    .from(invitations)
    .innerJoin(parties, eq(parties.id, invitations.partyId))
    .where(eq(invitations.partyId, partyId))
    .orderBy(desc(invitations.createdAt));
  return rows.map(({ invitation, party }) => invitationView(invitation, party, context.now()));
};

/** Whether the inviting admin can still vouch for an invitation: active, an admin, with a current key. */
const canStillInvite = async (db: Db | Tx, adminId: string): Promise<boolean> => {
  const [admin] = await db.select().from(people).where(eq(people.id, adminId)).limit(1);
  return admin?.status === 'active' && admin.role === 'admin' && (await currentKeyOf(db, adminId)) !== null;
};

/**
 * The invitation a token redeems, locked for the transaction; refuses anything not open, and an
 * invitation whose admin has since been revoked (their endorsement would no longer count).
 */
export const openInvitationForToken = async (context: ServerContext, db: Db | Tx, token: string, lock: boolean) => {
  const query = db
    .select({ invitation: invitations, party: parties })
    .from(invitations)
    .innerJoin(parties, eq(parties.id, invitations.partyId))
    .where(eq(invitations.tokenHash, hashToken(token)))
    .limit(1);
  const [row] = lock ? await query.for('update', { of: invitations }) : await query;
  if (!row || statusOf(row.invitation, context.now()) !== 'open') {
    throw new ProblemError('invitationInvalid');
  }
  const { invitedBy } = row.invitation;
  if (invitedBy !== null && !(await canStillInvite(db, invitedBy))) {
    throw new ProblemError('invitationInvalid', 'The admin who sent this invitation can no longer vouch for it');
  }
  return row;
};

/** Withdraws every open invitation an admin sent: part of revoking them, in the same transaction. */
export const withdrawOpenInvitations = async (context: ServerContext, tx: Tx, adminId: string): Promise<number> => {
  const now = context.now();
  const withdrawn = await tx
    .update(invitations)
    .set({ revokedAt: now })
    .where(
      and(
        eq(invitations.invitedBy, adminId),
        isNull(invitations.usedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .returning({ id: invitations.id });
  return withdrawn.length;
};

/** Withdraws an unused invitation into the admin's own party; another party's is not found. */
export const revokeInvitation = async (
  context: ServerContext,
  invitationId: string,
  partyId: string,
): Promise<void> => {
  const ofParty = and(eq(invitations.id, invitationId), eq(invitations.partyId, partyId));
  const [row] = await context.database.db
    .update(invitations)
    .set({ revokedAt: context.now() })
    .where(and(ofParty, isNull(invitations.usedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id });
  if (!row) {
    const [exists] = await context.database.db.select({ id: invitations.id }).from(invitations).where(ofParty);
    throw exists
      ? new ProblemError('conflict', 'The invitation was already used or withdrawn')
      : new ProblemError('notFound', 'No such invitation');
  }
};
