import type { Database } from '../../db/client';
import { readSchemaVersion } from '../../db/migrate';
import { healthRoutes } from '../../shared/api/health';
import { implement } from '../http/api-router';
import { buildOpenApi } from '../openapi';

export const healthHandlers = (database: Database, version: string) => {
  const openApi = buildOpenApi(version);
  return [
    implement(healthRoutes.health, async () => ({
      status: 'ok' as const,
      database: database.driver,
      version,
      schemaVersion: await readSchemaVersion(database),
    })),
    implement(healthRoutes.openapi, () => openApi),
  ];
};
