import { healthRoutes } from './health';
import type { RouteContract } from './route';

/** Every route of the API, by name. A route not listed here does not exist. */
export const API = {
  ...healthRoutes,
} as const satisfies Record<string, RouteContract>;

export type ApiRouteName = keyof typeof API;
