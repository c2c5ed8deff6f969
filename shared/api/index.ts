import { auditRoutes } from './audit';
import { entryRoutes } from './entries';
import { healthRoutes } from './health';
import {
  enrolmentRoutes,
  invitationRoutes,
  keyRoutes,
  partyRoutes,
  passkeyRoutes,
  sessionRoutes,
  vaultRoutes,
} from './identity';
import { logRoutes } from './log';
import { recoveryRoutes } from './recovery';
import type { RouteContract } from './route';

/** Every route of the API, by name. A route not listed here does not exist. */
export const API = {
  ...healthRoutes,
  ...enrolmentRoutes,
  ...sessionRoutes,
  ...passkeyRoutes,
  ...vaultRoutes,
  ...partyRoutes,
  ...invitationRoutes,
  ...keyRoutes,
  ...recoveryRoutes,
  ...logRoutes,
  ...entryRoutes,
  ...auditRoutes,
} as const satisfies Record<string, RouteContract>;

export type ApiRouteName = keyof typeof API;
