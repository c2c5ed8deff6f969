import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { challenges, credentials, people } from '../../db/schema/index';
import type { RecoveryInvitation, RecoveryOptionsResponse } from '../../shared/schemas/recovery';
import type { RegistrationResponse } from '../../shared/schemas/webauthn';
import type { Caller } from '../auth/caller';
import {
  consumeChallenge,
  issueChallenge,
  logRefusal,
  registrationOptions,
  verifyRegistration,
} from '../auth/passkeys';
import { createSession } from '../auth/sessions';
import { csrfTokenFor, hashToken, randomToken } from '../auth/tokens';
import type { ServerContext } from '../context';
import { ProblemError } from '../problems';
import { sessionView } from './sign-in';

const RECOVERY_TTL_MS = 72 * 60 * 60 * 1000;

/**
 * A recovery link for an active person of the admin's own party: a one-time token (only its hash
 * is stored) that lets them register a new passkey. It grants a session, not keys: the person
 * still needs their recovery key to open their vault. An earlier open link of theirs is spent.
 */
export const issueRecovery = async (
  context: ServerContext,
  admin: Caller,
  personId: string,
): Promise<RecoveryInvitation> => {
  const [person] = await context.database.db.select().from(people).where(eq(people.id, personId));
  if (!person || person.partyId !== admin.partyId) {
    throw new ProblemError('notFound', 'No person of your party has this id');
  }
  if (person.status !== 'active') {
    throw new ProblemError('conflict', `A ${person.status} person cannot be recovered: only active people can`);
  }
  const token = randomToken();
  const now = context.now();
  const expiresAt = new Date(now.getTime() + RECOVERY_TTL_MS);
  await context.database.transaction(async (tx) => {
    await tx
      .update(challenges)
      .set({ usedAt: now })
      .where(and(eq(challenges.purpose, 'recovery'), eq(challenges.personId, personId), isNull(challenges.usedAt)));
    await tx.insert(challenges).values({ challengeHash: hashToken(token), purpose: 'recovery', personId, expiresAt });
  });
  context.logger.info({ event: 'person.recovery-issued', person: personId, by: admin.personId }, 'recovery issued');
  return { link: `${context.config.publicOrigin}/recover#${token}`, expiresAt: expiresAt.toISOString() };
};

/** The open recovery link's person, or `invitationInvalid` (unknown, used, expired, or not active). */
const openRecovery = async (context: ServerContext, db: Db | Tx, token: string, lock: boolean) => {
  const query = db
    .select({ link: challenges, person: people })
    .from(challenges)
    .innerJoin(people, eq(people.id, challenges.personId))
    .where(
      and(
        eq(challenges.challengeHash, hashToken(token)),
        eq(challenges.purpose, 'recovery'),
        isNull(challenges.usedAt),
        gt(challenges.expiresAt, context.now()),
      ),
    )
    .limit(1);
  const [row] = lock ? await query.for('update', { of: challenges }) : await query;
  if (row?.person.status !== 'active') {
    throw new ProblemError('invitationInvalid', 'This recovery link is unknown, used, expired or no longer valid');
  }
  return row;
};

export const startRecovery = async (context: ServerContext, token: string): Promise<RecoveryOptionsResponse> => {
  const { person } = await openRecovery(context, context.database.db, token, false);
  const existing = await context.database.db.select().from(credentials).where(eq(credentials.personId, person.id));
  const challenge = await issueChallenge(context, 'recover-passkey', { personId: person.id });
  return {
    person: { id: person.id, name: person.displayName },
    options: await registrationOptions(
      context,
      challenge,
      { handle: person.userHandle, name: person.displayName },
      existing.map((credential) => ({ id: credential.id, transports: credential.transports })),
    ),
  };
};

/** Registers the new passkey, spends the link and signs the person in, in one transaction. */
export const finishRecovery = async (context: ServerContext, token: string, response: RegistrationResponse) => {
  const { challenge, row: issued } = await consumeChallenge(
    context,
    response.response.clientDataJSON,
    'recover-passkey',
  );
  const passkey = await verifyRegistration(context, response, challenge);
  const result = await context.database.transaction(async (tx) => {
    const { link, person } = await openRecovery(context, tx, token, true);
    if (issued.personId !== person.id) {
      logRefusal(context, 'registration', 'challenge issued for another recovery');
      throw new ProblemError('passkeyRejected', 'The challenge was issued for another recovery');
    }
    const [taken] = await tx.select({ id: credentials.id }).from(credentials).where(eq(credentials.id, passkey.id));
    if (taken) {
      throw new ProblemError('conflict', 'This passkey is already registered');
    }
    const now = context.now();
    await tx.update(challenges).set({ usedAt: now }).where(eq(challenges.challengeHash, link.challengeHash));
    await tx.insert(credentials).values({
      id: passkey.id,
      personId: person.id,
      publicKey: passkey.publicKey,
      counter: passkey.counter,
      transports: passkey.transports,
      deviceType: passkey.deviceType,
      backedUp: passkey.backedUp,
      // No PRF copy yet: the keys are sealed to it once the person unlocks with their recovery key.
      hasPrf: false,
      createdAt: now,
    });
    return { personId: person.id, session: await createSession(context, tx, person.id, passkey.id, undefined) };
  });
  context.logger.info({ event: 'person.recovered', person: result.personId }, 'recovered');
  return {
    token: result.session.token,
    view: await sessionView(context, {
      personId: result.personId,
      csrfToken: csrfTokenFor(result.session.token),
      credentialId: passkey.id,
      expiresAt: result.session.expiresAt,
    }),
  };
};
