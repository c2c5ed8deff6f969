import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { type Database, openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { createApp } from './app';
import { publicOnlyGatekeeper } from './auth/gatekeeper';
import type { Config } from './config';

export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export type RunningServer = {
  readonly url: string;
  readonly server: Server;
  readonly database: Database;
  /** Stops accepting, lets in-flight requests finish, then closes the database. */
  shutdown(): Promise<void>;
};

/** Grace period for in-flight requests before their connections are cut. */
const SHUTDOWN_GRACE_MS = 10_000;

/** Opens and migrates the database, then listens. */
export const startServer = async (config: Config, logger: Logger): Promise<RunningServer> => {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateDatabase(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  const app = createApp({ config, database, logger, version: VERSION, gatekeeper: publicOnlyGatekeeper });
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  logger.info(
    { url, database: database.driver, dataDir: database.driver === 'pglite' ? config.dataDir : undefined },
    'listening',
  );

  let stopping: Promise<void> | undefined;
  const shutdown = () => {
    stopping ??= (async () => {
      logger.info('shutting down: no new connections, finishing in-flight requests');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => {
        logger.warn('grace period over: closing remaining connections');
        server.closeAllConnections();
      }, SHUTDOWN_GRACE_MS);
      await closed;
      clearTimeout(timer);
      await database.close();
      logger.info('database closed');
    })();
    return stopping;
  };
  return { url, server, database, shutdown };
};
