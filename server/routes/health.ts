import type { Database } from '../../db/client';
import { readSchemaVersion } from '../../db/migrate';
import { healthRoutes } from '../../shared/api/health';
import { implement } from '../http/api-router';
import { buildOpenApi } from '../openapi';
import { databaseUnavailable } from '../problems';

export const healthHandlers = (database: Database, version: string) => {
  // Built on first request, not at start: turning every route's schemas into JSON Schema costs
  // about a tenth of a second that a restart should not wait for.
  let openApi: ReturnType<typeof buildOpenApi> | undefined;
  return [
    implement(healthRoutes.health, async () => {
      // Any failure to read is the database being unwell: a probe answers 503, never 500.
      const schemaVersion = await readSchemaVersion(database).catch(() => {
        throw databaseUnavailable();
      });
      return { status: 'ok' as const, database: database.driver, version, schemaVersion };
    }),
    implement(healthRoutes.openapi, () => {
      openApi ??= buildOpenApi(version);
      return openApi;
    }),
  ];
};
