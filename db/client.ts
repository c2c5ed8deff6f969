import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { isDatabaseUnavailable } from './connection-errors';
import { copyColumnBytes } from './copy-out';
import { lockDataDir } from './data-dir-lock';
import { securePrivateDir, tightenTree } from './data-dir-permissions';
import { DurableNodeFS } from './durable-node-fs';
import { listenOn } from './listen';
import { PGLITE_BYTEA_CODEC } from './pglite-bytea';
import { parsePostgresTargets } from './postgres-targets';
import * as schema from './schema/index';
import { clientClassFor, createTargetFinder } from './writable-client';

export type DatabaseDriver = 'pglite' | 'postgres';
export type Schema = typeof schema;
/** The drizzle handle every query goes through, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type DatabaseOptions = {
  /** `postgres://…` selects PostgreSQL through a `pg` pool; otherwise PGlite under `dataDir`. */
  readonly databaseUrl?: string | undefined;
  readonly dataDir: string;
  /** Connections in the `pg` pool. */
  readonly poolSize?: number;
  /**
   * Told when PostgreSQL drops a pooled connection (a restart, an administrator), idle or in use.
   * Gets the error alone: node-postgres attaches the client, cancel key included, to it.
   */
  readonly onConnectionLost?: (error: Error) => void;
  /** How long a request waits for a `pg` connection before it is refused as unavailable. */
  readonly connectTimeoutMs?: number;
  /** PGlite only: a backup (`dumpDataDir`'s tarball) to start an empty data directory from. */
  readonly restoreFrom?: Blob;
};

export type Database = {
  readonly driver: DatabaseDriver;
  readonly db: Db;
  /** Runs `work` in one transaction; resolves only once the commit is durable. */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs `work` on one dedicated connection, for session-level state such as advisory locks. */
  exclusive<T>(work: (db: Db) => Promise<T>): Promise<T>;
  /**
   * PostgreSQL only: listens on a channel on a connection of its own that follows the primary;
   * returns the function that stops. PGlite has one process, which needs no channel.
   */
  readonly listen?: (channel: string, onPayload: (payload: string) => void) => () => Promise<void>;
  /**
   * PostgreSQL only: the bytes of a small one-column SELECT (`select` quotes its values with
   * `literal`) read by binary COPY, where node-postgres's rows would carry a bytea as hex text.
   * Throws unless exactly `rows` rows came.
   */
  readonly copyColumnBytes?: (select: (literal: (value: string) => string) => string, rows: number) => Promise<Buffer>;
  /** PGlite only: the whole database as one gzipped tarball, taken while this process holds it alone. */
  readonly dumpDataDir?: () => Promise<Blob>;
  close(): Promise<void>;
};

/** Opens the configured database. The only place that chooses between PGlite and PostgreSQL. */
export const openDatabase = async (options: DatabaseOptions): Promise<Database> =>
  options.databaseUrl ? openPostgres(options.databaseUrl, options) : openPglite(options.dataDir, options.restoreFrom);

const openPostgres = async (url: string, options: DatabaseOptions): Promise<Database> => {
  const onConnectionLost = options.onConnectionLost ?? (() => {});
  const targets = parsePostgresTargets(url);
  const findTarget = createTargetFinder(targets);
  const pool = new pg.Pool({
    connectionString: targets.urls[0],
    // Several hosts or `target_session_attrs=read-write`: each new connection goes to the primary.
    ...(targets.urls.length > 1 || targets.requireWritable ? { Client: clientClassFor(findTarget) } : {}),
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    keepAlive: true,
  });
  // An idle client's error is emitted on the pool, which then discards that client. A client in
  // use has no listener of its own while checked out: unheard, its 'error' (the server restarting
  // under a transaction) would crash the process. Its query still fails on its own promise, and
  // release() then finds it unqueryable and discards it.
  pool.on('error', (error) => onConnectionLost(error));
  pool.on('connect', (client) => {
    client.on('error', (error) => {
      if (client.listenerCount('error') === 1) {
        onConnectionLost(error);
      }
    });
  });
  // Fail at start-up, not on the first request, when the server is unreachable.
  const probe = await pool.connect().catch(async (error: unknown) => {
    await pool.end();
    throw error;
  });
  probe.release();
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const onOwnConnection = async <T>(work: (connection: Db) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    let failure: unknown;
    try {
      return await work(drizzlePg(client, { schema }) as unknown as Db);
    } catch (error) {
      failure = error;
      throw error;
    } finally {
      // A connection that failed is discarded rather than handed to the next request.
      client.release(isDatabaseUnavailable(failure) ? (failure as Error) : undefined);
    }
  };
  return {
    driver: 'postgres',
    db,
    // drizzle's own transaction() over a pool never releases its client when BEGIN fails (the
    // connection dropped): each such failure would leak a pool slot and hang pool.end() at
    // shutdown. On a client we checked out ourselves, its transaction() leaves release to us.
    transaction: (work) => onOwnConnection((connection) => connection.transaction(work)),
    exclusive: (work) => onOwnConnection(work),
    listen: (channel, onPayload) => listenOn(findTarget, channel, onPayload, onConnectionLost),
    copyColumnBytes: (select, rows) => copyColumnBytes(pool, select(pg.escapeLiteral), rows),
    close: () => pool.end(),
  };
};

/**
 * PGlite's PostgreSQL runs inside this process's WebAssembly heap, which grows to what the server
 * touches and never shrinks: its stock 128 MB of shared buffers (and 64 MB of maintenance memory)
 * were most of a 600 MB server. A small server's working set fits in far less; the operating
 * system's page cache still holds the files.
 */
const PGLITE_MEMORY_SETTINGS = [
  'shared_buffers = 32MB',
  'work_mem = 2MB',
  'maintenance_work_mem = 16MB',
  'temp_buffers = 2MB',
];

const startPglite = async (hostDir: string, restoreFrom?: Blob) => {
  const fs = new DurableNodeFS(hostDir);
  const client = await PGlite.create({
    fs,
    postgresqlconf: PGLITE_MEMORY_SETTINGS,
    ...PGLITE_BYTEA_CODEC,
    ...(restoreFrom ? { loadDataDir: restoreFrom } : {}),
  });
  return { client, fs };
};

/**
 * PGlite on the data directory. A new cluster is created by initdb (or unpacked from a backup) in
 * the same WebAssembly instance, whose heap then keeps about 450 MB it never gives back; closing it
 * once the cluster exists and opening the cluster afresh leaves that behind, as every later start does.
 */
const openPgliteOn = async (hostDir: string, restoreFrom?: Blob) => {
  if (existsSync(join(hostDir, 'PG_VERSION'))) {
    return startPglite(hostDir);
  }
  const created = await startPglite(hostDir, restoreFrom);
  await created.client.close();
  created.fs.syncAll();
  return startPglite(hostDir);
};

const openPglite = async (dataDir: string, restoreFrom?: Blob): Promise<Database> => {
  const hostDir = join(dataDir, 'pglite');
  securePrivateDir(dataDir, hostDir);
  const releaseLock = lockDataDir(dataDir);
  const opened = await openPgliteOn(hostDir, restoreFrom).catch((error: unknown) => {
    releaseLock();
    throw error;
  });
  const { client, fs } = opened;
  tightenTree(hostDir);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    driver: 'pglite',
    db,
    transaction: async (work) => {
      const result = await db.transaction(work);
      // PGlite skips its own sync after COMMIT inside transaction() (electric-sql/pglite#1065).
      await client.syncToFs();
      return result;
    },
    // PGlite has a single connection: every call is already on it.
    exclusive: (work) => work(db),
    dumpDataDir: () => client.dumpDataDir('gzip'),
    close: async () => {
      await client.close();
      fs.syncAll();
      releaseLock();
    },
  };
};

/** Runs raw SQL and returns its rows; both drivers answer `execute` with `{ rows }`. */
export const selectRows = async <Row>(db: Db | Tx, query: SQL): Promise<Row[]> =>
  ((await db.execute(query)) as unknown as { rows: Row[] }).rows;
