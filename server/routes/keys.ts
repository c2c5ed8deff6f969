import { enrolmentRoutes, keyRoutes } from '../../shared/api/identity';
import type { CeremonyLimits } from '../auth/ceremony-limits';
import { setSessionCookie } from '../auth/sessions';
import type { ServerContext } from '../context';
import { type Implementation, implement } from '../http/api-router';
import { ProblemError } from '../problems';
import { endorseEnrolment, listPendingEnrolments } from '../services/endorsement';
import { finishEnrolment, startEnrolment } from '../services/enrolment';
import type { KeyDirectory } from '../services/key-directory';
import { markRevoked } from '../services/revocation';
import { signedIn } from './vault';

export const keyHandlers = (
  context: ServerContext,
  directory: KeyDirectory,
  limits: CeremonyLimits,
): Implementation[] => [
  implement(enrolmentRoutes.enrolmentOptions, ({ body }) => startEnrolment(context, body.token)),
  implement(enrolmentRoutes.enrolmentVerify, async ({ body }, { res }) => {
    await limits.checkCredential(body.response.id);
    const { token, view } = await finishEnrolment(context, directory, body);
    setSessionCookie(context, res, token, new Date(view.expiresAt));
    return view;
  }),
  implement(keyRoutes.listStatements, ({ query }) =>
    directory.page(context.database.db, query.treeSize, query.after, query.limit),
  ),
  implement(keyRoutes.appendStatement, async ({ body }, { caller }) => {
    const person = signedIn(caller);
    const { statement } = body.signed;
    // One's own rotation, revocation or party policy, or an endorsement one signs as its authority;
    // admins revoke others through /people/:id/revoke, and enrolments come with their passkey.
    const isOwn = statement.kind !== 'endorse' && statement.kind !== 'enrol' && statement.person === person.personId;
    const isOwnEndorsement = statement.kind === 'endorse' && statement.authority === person.personId;
    if (!isOwn && !isOwnEndorsement) {
      throw new ProblemError(
        'forbidden',
        'Append your own rotation, revocation or party policy, or an endorsement you sign as its authority',
      );
    }
    const { record } = await context.database.transaction(async (tx) => {
      const appended = await directory.append(tx, body.signed);
      if (statement.kind === 'revoke') {
        // Without a key the person can do nothing more: revoked, signed out, their invitations withdrawn.
        await markRevoked(context, tx, person.personId);
      }
      return appended;
    });
    return record;
  }),
  implement(keyRoutes.listPendingEnrolments, async (_input, { caller }) => ({
    pending: await listPendingEnrolments(context, signedIn(caller)),
  })),
  implement(keyRoutes.endorseEnrolment, ({ params, body }, { caller }) =>
    endorseEnrolment(context, directory, signedIn(caller), params.personId, body),
  ),
];
