import { eq } from 'drizzle-orm';
import { sessions } from '../../db/schema/index';
import { sessionRoutes } from '../../shared/api/identity';
import type { CeremonyLimits } from '../auth/ceremony-limits';
import { clearSessionCookie, endAllSessions, readSessionToken, setSessionCookie } from '../auth/sessions';
import type { ServerContext } from '../context';
import { type Implementation, implement } from '../http/api-router';
import { callerSessionView, finishSignIn, startSignIn } from '../services/sign-in';

export const sessionHandlers = (context: ServerContext, limits: CeremonyLimits): Implementation[] => [
  implement(sessionRoutes.signInOptions, () => startSignIn(context)),
  implement(sessionRoutes.signInVerify, async ({ body }, { req, res }) => {
    await limits.checkCredential(body.response.id);
    const { token, view } = await finishSignIn(context, body.response, readSessionToken(context, req));
    setSessionCookie(context, res, token, new Date(view.expiresAt));
    return view;
  }),
  implement(sessionRoutes.getSession, async (_input, { caller }) => ({
    session: caller ? await callerSessionView(context, caller) : null,
  })),
  implement(sessionRoutes.signOut, async (_input, { caller, res }) => {
    if (caller) {
      await context.database.db
        .update(sessions)
        .set({ endedAt: context.now() })
        .where(eq(sessions.id, caller.sessionId));
    }
    clearSessionCookie(context, res);
    return undefined;
  }),
  implement(sessionRoutes.signOutEverywhere, async (_input, { caller, res }) => {
    const ended = caller ? await context.database.transaction((tx) => endAllSessions(context, tx, caller.personId)) : 0;
    clearSessionCookie(context, res);
    return { ended };
  }),
];
