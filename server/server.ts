import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { type Database, openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { initCrypto } from '../shared/crypto/sodium';
import { startAdminSocket } from './admin-socket';
import { createApp } from './app';
import type { CeremonyLimits } from './auth/ceremony-limits';
import { loadWebAuthn } from './auth/passkeys';
import type { Config } from './config';
import type { ServerContext } from './context';
import { answerClientError } from './http/client-error';
import { StorageMonitor } from './http/storage-guard';
import { assertSignsStoredLog } from './log/assert-log-key';
import { type LogSigner, loadLogSigner } from './log/log-key';
import { TransparencyLog } from './log/transparency-log';
import { collectAbandonedChunks } from './services/entries/attachments';
import { startHousekeeping } from './services/housekeeping';
import { CosignatureCollector } from './witness-collector/cosignature-collector';

export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export type RunningServer = {
  readonly url: string;
  readonly server: Server;
  readonly database: Database;
  readonly log: TransparencyLog;
  /** Collects witness cosignatures of the log's checkpoints (none when no witness is configured). */
  readonly cosignatures: CosignatureCollector;
  /** Stops accepting, lets in-flight requests finish, then closes the database. */
  shutdown(): Promise<void>;
};

/** The admin socket, or nothing (logged) when it cannot be opened: the server runs without it. */
const openAdminSocket = (context: ServerContext, signer: LogSigner) =>
  startAdminSocket(context, signer).catch((error: unknown) => {
    context.logger.warn({ err: error }, 'admin socket not opened: npm run admin needs the server stopped');
    return async () => {};
  });

/** Grace period for in-flight requests before their connections are cut. */
const SHUTDOWN_GRACE_MS = 10_000;

/** Opens and migrates the database, then listens. Tests may pass their own ceremony `limits`. */
export const startServer = async (
  config: Config,
  logger: Logger,
  options: { limits?: CeremonyLimits } = {},
): Promise<RunningServer> => {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    // The error alone: node-postgres hangs the client, cancel key included, on it.
    onConnectionLost: (error) => logger.warn({ err: error }, 'PostgreSQL connection lost'),
  });
  try {
    await migrateDatabase(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  await initCrypto();
  const context: ServerContext = { config, database, logger, now: () => new Date() };
  const log = new TransparencyLog(loadLogSigner(config));
  try {
    await assertSignsStoredLog(database.db, log);
  } catch (error) {
    await database.close();
    throw error;
  }
  const cosignatures = new CosignatureCollector(database.db, log, config.witnesses, logger);
  log.onCheckpointSigned = (treeSize) => cosignatures.poke(treeSize);
  await collectAbandonedChunks(context);
  const storage =
    database.driver === 'pglite' ? new StorageMonitor(config.dataDir, config.diskReserveBytes, logger) : undefined;
  const { app, closeLiveConnections, stopNotices } = createApp({
    context,
    version: VERSION,
    log,
    cosignatures,
    storage,
    ...options,
  });
  cosignatures.start();
  const stopAdminSocket = database.driver === 'pglite' ? await openAdminSocket(context, log.signer) : async () => {};
  const stopHousekeeping = startHousekeeping(context, config.unclaimedUploadTtlMs);
  const server = createServer(
    {
      headersTimeout: config.headersTimeoutMs,
      requestTimeout: config.requestTimeoutMs,
      // How often both are checked: at Node's default (30 s) a slow client holds on that much longer.
      connectionsCheckingInterval: 1_000,
    },
    app,
  );
  server.on('clientError', answerClientError(logger));
  // Longer than clients' own idle timeout (undici: 4 s), so a client never reuses a socket at the
  // instant the server closes it (an ECONNRESET on an innocent request).
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  void loadWebAuthn().catch((error: unknown) => logger.error({ err: error }, 'SimpleWebAuthn did not load'));
  const { port } = server.address() as AddressInfo;
  const bound = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  // `url` is the address people must open: passkeys are bound to the public origin, and following
  // the bound address instead (127.0.0.1 for localhost) fails sign-in as a foreign origin.
  logger.info(
    {
      url: config.publicOrigin,
      bound,
      database: database.driver,
      dataDir: database.driver === 'pglite' ? config.dataDir : undefined,
    },
    'listening',
  );

  let stopping: Promise<void> | undefined;
  const shutdown = () => {
    stopping ??= (async () => {
      logger.info('shutting down: no new connections, finishing in-flight requests');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      closeLiveConnections();
      // A keep-alive connection whose request finishes after close() would otherwise idle for the
      // whole keepAliveTimeout: close each one as soon as it goes idle.
      server.closeIdleConnections();
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      const timer = setTimeout(() => {
        logger.warn('grace period over: closing remaining connections');
        server.closeAllConnections();
      }, SHUTDOWN_GRACE_MS);
      await closed;
      clearTimeout(timer);
      clearInterval(sweep);
      await stopAdminSocket();
      await stopHousekeeping();
      await cosignatures.stop();
      await stopNotices();
      await database.close();
      logger.info('database closed');
    })();
    return stopping;
  };
  return { url: bound, server, database, log, cosignatures, shutdown };
};
