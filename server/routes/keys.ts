import { eq } from 'drizzle-orm';
import { people } from '../../db/schema/index';
import { enrolmentRoutes, keyRoutes } from '../../shared/api/identity';
import type { CeremonyLimits } from '../auth/ceremony-limits';
import { endAllSessions, setSessionCookie } from '../auth/sessions';
import type { ServerContext } from '../context';
import { type Implementation, implement } from '../http/api-router';
import { ProblemError } from '../problems';
import { endorseEnrolment, listPendingEnrolments } from '../services/endorsement';
import { finishEnrolment, startEnrolment } from '../services/enrolment';
import type { KeyDirectory } from '../services/key-directory';
import { signedIn } from './vault';

export const keyHandlers = (
  context: ServerContext,
  directory: KeyDirectory,
  limits: CeremonyLimits,
): Implementation[] => [
  implement(enrolmentRoutes.enrolmentOptions, ({ body }) => startEnrolment(context, body.token)),
  implement(enrolmentRoutes.enrolmentVerify, async ({ body }, { res }) => {
    limits.checkCredential(body.response.id);
    const { token, view } = await finishEnrolment(context, directory, body);
    setSessionCookie(context, res, token, new Date(view.expiresAt));
    return view;
  }),
  implement(keyRoutes.listStatements, async ({ query }) => ({
    statements: await directory.list(context.database.db, query.after, query.limit),
  })),
  implement(keyRoutes.appendStatement, async ({ body }, { caller }) => {
    const person = signedIn(caller);
    const { statement } = body.signed;
    // Rotations and revocations of one's own key; admins revoke others through /people/:id/revoke.
    if (statement.kind === 'enrol' || statement.person !== person.personId) {
      throw new ProblemError('forbidden', 'Append rotations or revocations of your own key only');
    }
    const { record } = await context.database.transaction(async (tx) => {
      const appended = await directory.append(tx, body.signed);
      if (statement.kind === 'revoke') {
        // Without a key the person can do nothing more: they are revoked and signed out everywhere.
        await tx
          .update(people)
          .set({ status: 'revoked', revokedAt: context.now() })
          .where(eq(people.id, person.personId));
        await endAllSessions(context, tx, person.personId);
      }
      return appended;
    });
    return record;
  }),
  implement(keyRoutes.listPendingEnrolments, async () => ({ pending: await listPendingEnrolments(context) })),
  implement(keyRoutes.endorseEnrolment, ({ params, body }, { caller }) =>
    endorseEnrolment(context, directory, signedIn(caller), params.personId, body),
  ),
];
