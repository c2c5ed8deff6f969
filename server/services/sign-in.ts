import { and, eq, lt } from 'drizzle-orm';
import { credentials, people } from '../../db/schema/index';
import type { SessionView } from '../../shared/schemas/identity';
import type { ProblemCode } from '../../shared/schemas/problem';
import type { AuthenticationResponse } from '../../shared/schemas/webauthn';
import type { Caller } from '../auth/caller';
import {
  authenticationOptions,
  consumeChallenge,
  issueChallenge,
  logRefusal,
  verifyAuthentication,
} from '../auth/passkeys';
import { createSession } from '../auth/sessions';
import { csrfTokenFor } from '../auth/tokens';
import type { ServerContext } from '../context';
import { base64url } from '../encoding/base64url';
import { ProblemError } from '../problems';
import { findPerson } from './people';

/** Options for a discoverable-credential sign-in: no user name, user verification required. */
export const startSignIn = async (context: ServerContext) => ({
  options: await authenticationOptions(context, await issueChallenge(context, 'sign-in')),
});

export const sessionView = async (
  context: ServerContext,
  session: { personId: string; csrfToken: string; credentialId: string; expiresAt: Date },
): Promise<SessionView> => {
  const person = await findPerson(context.database.db, session.personId);
  if (!person) {
    throw new ProblemError('unauthenticated');
  }
  return {
    person,
    csrfToken: session.csrfToken,
    credentialId: session.credentialId,
    expiresAt: session.expiresAt.toISOString(),
  };
};

export const callerSessionView = (context: ServerContext, caller: Caller) =>
  sessionView(context, { ...caller, expiresAt: caller.sessionExpiresAt });

/**
 * Verifies an assertion against the stored passkey (signature, origin, RP ID, UV, counter), then
 * starts a fresh session, ending the one the browser had.
 */
export const finishSignIn = async (
  context: ServerContext,
  response: AuthenticationResponse,
  replacedToken: string | undefined,
) => {
  try {
    return await verifySignIn(context, response, replacedToken);
  } catch (error) {
    // One refusal whatever the reason (unknown passkey, revoked person, stale counter): the reason
    // would tell a prober which credentials exist and who was revoked. Each refusal logged its reason.
    if (error instanceof ProblemError && SIGN_IN_REFUSALS.has(error.code)) {
      throw new ProblemError('passkeyRejected', 'Sign-in with this passkey was not accepted');
    }
    throw error;
  }
};

const SIGN_IN_REFUSALS = new Set<ProblemCode>(['passkeyRejected', 'forbidden', 'unauthenticated']);

const verifySignIn = async (
  context: ServerContext,
  response: AuthenticationResponse,
  replacedToken: string | undefined,
) => {
  const { challenge } = await consumeChallenge(context, response.response.clientDataJSON, 'sign-in');
  const [row] = await context.database.db
    .select({ credential: credentials, person: people })
    .from(credentials)
    .innerJoin(people, eq(people.id, credentials.personId))
    .where(eq(credentials.id, response.id))
    .limit(1);
  if (!row) {
    logRefusal(context, 'authentication', 'unknown passkey');
    throw new ProblemError('passkeyRejected', 'This passkey is not registered here');
  }
  if (row.person.status === 'revoked') {
    logRefusal(context, 'authentication', 'revoked person');
    throw new ProblemError('forbidden', 'This person has been revoked');
  }
  const handle = response.response.userHandle;
  if (handle !== undefined && handle !== base64url(row.person.userHandle)) {
    logRefusal(context, 'authentication', 'user handle mismatch');
    throw new ProblemError('passkeyRejected', 'The passkey answered for another user');
  }
  const verified = await verifyAuthentication(context, response, challenge, row.credential);
  const session = await context.database.transaction(async (tx) => {
    // Re-checked under the row lock: two assertions with the same counter cannot both pass.
    const [updated] = await tx
      .update(credentials)
      .set({ counter: verified.newCounter, backedUp: verified.backedUp, lastUsedAt: context.now() })
      .where(
        and(
          eq(credentials.id, row.credential.id),
          verified.newCounter === 0 ? eq(credentials.counter, 0) : lt(credentials.counter, verified.newCounter),
        ),
      )
      .returning({ id: credentials.id });
    if (!updated) {
      logRefusal(context, 'authentication', 'counter did not increase');
      throw new ProblemError('passkeyRejected', 'The passkey counter did not increase: possible cloned passkey');
    }
    return createSession(context, tx, row.person.id, row.credential.id, replacedToken);
  });
  context.logger.info({ event: 'session.started', person: row.person.id }, 'signed in');
  return {
    token: session.token,
    view: await sessionView(context, {
      personId: row.person.id,
      csrfToken: csrfTokenFor(session.token),
      credentialId: row.credential.id,
      expiresAt: session.expiresAt,
    }),
  };
};
