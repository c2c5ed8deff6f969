import type { Gatekeeper } from '../http/api-router';
import { ProblemError } from '../problems';

/** Admits public routes only; signed-in routes arrive with sessions. */
export const publicOnlyGatekeeper: Gatekeeper = async (route) => {
  if (route.access.kind === 'public') {
    return null;
  }
  throw new ProblemError('unauthenticated');
};
