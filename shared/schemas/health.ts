import { z } from 'zod';

/** `GET /api/health`: liveness plus what the server runs on. */
export const HealthResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
  schemaVersion: z.number().int().nonnegative(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;
