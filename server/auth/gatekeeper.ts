import type { Request } from 'express';
import type { AccessScope, RouteContract, RouteInput } from '../../shared/api/route';
import type { ServerContext } from '../context';
import type { Gatekeeper } from '../http/api-router';
import { ProblemError } from '../problems';
import type { Caller } from './caller';
import { readSessionToken, resolveSession } from './sessions';
import { sameSecret } from './tokens';

/** Checks a caller against the resource a parsed request names; refuses by throwing. */
export type ScopeCheck = (caller: Caller, input: RouteInput<RouteContract>) => Promise<void>;

const isWrite = (method: string): boolean => method !== 'GET' && method !== 'HEAD';

/**
 * The one place that decides who reaches which route, from the route's declared `access`:
 * origin check on every write, session, endorsement status, role and anti-forgery token before
 * the body is read; then the route's resource scope once the input is parsed. Anything it does
 * not admit is refused before a handler runs.
 */
export const createGatekeeper = (
  context: ServerContext,
  scopes: Readonly<Record<AccessScope, ScopeCheck>>,
): Gatekeeper => ({
  admit: async (route: RouteContract, req: Request) => {
    if (isWrite(req.method) && req.headers.origin !== context.config.publicOrigin) {
      throw new ProblemError('badOrigin', `Writes must come from ${context.config.publicOrigin}`);
    }
    const token = readSessionToken(context, req);
    const caller = token ? await resolveSession(context, token) : null;
    const { access } = route;
    if (access.kind === 'public') {
      return caller;
    }
    if (!caller) {
      throw new ProblemError('unauthenticated', token ? 'The session has ended or expired' : 'Sign in with a passkey');
    }
    if (caller.status === 'pending' && !access.allowPending) {
      throw new ProblemError('forbidden', "Your keys await your admin's endorsement");
    }
    if (!access.roles.includes(caller.role)) {
      throw new ProblemError('forbidden', `This needs the role ${access.roles.join(' or ')}`);
    }
    if (isWrite(req.method)) {
      const presented = req.headers['x-parley-csrf'];
      if (typeof presented !== 'string' || !sameSecret(presented, caller.csrfToken)) {
        throw new ProblemError('csrf', 'Send the session anti-forgery token in x-parley-csrf');
      }
    }
    return caller;
  },
  checkScope: async (route, caller, input) => {
    if (route.access.kind === 'person' && route.access.scope) {
      if (!caller) {
        throw new ProblemError('unauthenticated');
      }
      await scopes[route.access.scope](caller, input);
    }
  },
});
