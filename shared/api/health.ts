import { z } from 'zod';
import { HealthResponse } from '../schemas/health';
import { defineRoute } from './route';

export const healthRoutes = {
  health: defineRoute({
    method: 'GET',
    path: '/api/health',
    tag: 'meta',
    summary:
      'Liveness, database driver, version and schema version; 503 with `database: "unavailable"` while the database is unreachable',
    access: { kind: 'public' },
    response: HealthResponse,
    problems: ['databaseUnavailable'],
  }),
  openapi: defineRoute({
    method: 'GET',
    path: '/api/openapi.json',
    tag: 'meta',
    summary: 'This API described as OpenAPI 3.1, generated from the shared schemas',
    access: { kind: 'public' },
    response: z.record(z.string(), z.unknown()),
  }),
};
