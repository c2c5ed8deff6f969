import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { TransparencyLog } from '../../server/log/transparency-log';
import { toBase64url } from '../../shared/encoding/bytes';
import { appendLeaves } from './bulk-load';
import { benchLogSigner } from './log-identity';
import { cachePath } from './paths';
import { say } from './progress';
import { ensureProofRecords, ProofRecords } from './proof-records';
import type { ServerOptions } from './server-child';
import type { DriverName } from './settings';

/** What the builder recorded: the root of every checkpoint it signed, by tree size. */
type Manifest = {
  readonly size: number;
  /** The first and last record hashes: a regenerated record cache no longer matches the log. */
  readonly records: string;
  readonly roots: Record<string, string>;
  readonly seconds: number;
};

const recordsTag = (records: ProofRecords, size: number): string =>
  `${toBase64url(records.at(0))}..${toBase64url(records.at(size - 1))}`;

/** A cached log of `size` leaves on one database, and the roots the benchmark checks proofs against. */
export type ProofLog = {
  readonly size: number;
  readonly server: ServerOptions;
  readonly roots: ReadonlyMap<number, Uint8Array>;
  readonly records: ProofRecords;
  /** How this run got it: reused from the cache, or built (and how long that took). */
  readonly how: string;
  /** Built by this run and not served yet: a larger log may start from a copy of it. */
  readonly pristine?: { readonly dataDir: string; readonly manifest: Manifest };
};

type Store = { readonly options: ServerOptions; exists(): Promise<boolean>; reset(): Promise<void> };

const withAdmin = async <T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

/** Where a cached log lives: a PGlite directory in bench/.cache, or a database on the PostgreSQL server. */
const storeOf = (driver: DriverName, size: number): Store => {
  const dataDir = cachePath('proof-logs', `${driver}-${size}`);
  if (driver === 'pglite') {
    return {
      options: { dataDir },
      exists: async () => existsSync(join(dataDir, 'pglite')),
      reset: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const adminUrl = process.env['DATABASE_URL'] ?? '';
  const name = `parley_bench_proofs_${size}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    options: { databaseUrl: url.toString(), dataDir },
    exists: () =>
      withAdmin(
        adminUrl,
        async (client) => (await client.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1,
      ),
    reset: () =>
      withAdmin(adminUrl, async (client) => {
        await client.query(`drop database if exists ${name} with (force)`);
        await client.query(`create database ${name}`);
      }),
  };
};

const open = async (store: Store): Promise<{ database: Database; log: TransparencyLog }> => {
  const database = await openDatabase(store.options);
  await migrateDatabase(database);
  return { database, log: new TransparencyLog(benchLogSigner(store.options.dataDir)) };
};

/** Whether the stored log still has the checkpoint the manifest recorded at `size`. */
const isIntact = async (store: Store, manifest: Manifest): Promise<boolean> => {
  const { database, log } = await open(store);
  try {
    const checkpoint = await log.checkpointAt(database.db, manifest.size);
    return checkpoint !== null && toBase64url(checkpoint.rootHash) === manifest.roots[String(manifest.size)];
  } finally {
    await database.close();
  }
};

/** Appends the cached records through `TransparencyLog.append` in batches, one transaction each. */
const build = async (
  store: Store,
  size: number,
  records: ProofRecords,
  label: string,
  base: ProofLog['pristine'],
): Promise<Manifest> => {
  await store.reset();
  const batch = Math.max(100, Math.min(10_000, size / 10));
  const roots: Record<string, string> = { ...base?.manifest.roots };
  const started = performance.now();
  if (base) {
    // Its leaves are this log's first ones: copied, they need no new database nor appending again.
    cpSync(base.dataDir, store.options.dataDir, { recursive: true });
  }
  const { database, log } = await open(store);
  try {
    for (let start = base?.manifest.size ?? 0; start < size; start += batch) {
      const end = Math.min(size, start + batch);
      roots[String(end)] = toBase64url((await appendLeaves(database, log, records.range(start, end))).rootHash);
      if (size >= 100_000 && end % (size / 10) === 0) {
        say(
          `  ${label}: ${end.toLocaleString('en-GB')} leaves in ${((performance.now() - started) / 1000).toFixed(0)} s`,
        );
      }
    }
  } finally {
    await database.close();
  }
  return { size, records: recordsTag(records, size), roots, seconds: (performance.now() - started) / 1000 };
};

/**
 * The cached log of `size` leaves on `driver`, built first when missing, stale or `fresh` is asked;
 * on PGlite from a copy of `smaller` when this run built that one and has not served it yet.
 */
const prepareProofLog = async (
  driver: DriverName,
  size: number,
  fresh: boolean,
  smaller: ProofLog | undefined,
): Promise<ProofLog> => {
  const store = storeOf(driver, size);
  const file = cachePath('proof-logs', `${driver}-${size}.json`);
  const label = `${driver} log of ${size.toLocaleString('en-GB')} leaves`;
  await ensureProofRecords(size);
  const records = new ProofRecords();
  let manifest = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Manifest) : undefined;
  let pristine: ProofLog['pristine'];
  let how = `reused from bench/.cache (built in ${manifest?.seconds.toFixed(0)} s by an earlier run)`;
  const isReusable =
    !fresh &&
    manifest?.records === recordsTag(records, size) &&
    (await store.exists()) &&
    (await isIntact(store, manifest));
  if (!manifest || !isReusable) {
    say(`building the ${label} (cached for later runs)`);
    const base =
      driver === 'pglite' && smaller?.size !== undefined && smaller.size < size ? smaller.pristine : undefined;
    manifest = await build(store, size, records, label, base);
    writeFileSync(file, JSON.stringify(manifest));
    how = `built by this run in ${manifest.seconds.toFixed(0)} s${base ? ` from a copy of the log of ${base.manifest.size.toLocaleString('en-GB')}` : ''}`;
    pristine = { dataDir: store.options.dataDir, manifest };
  }
  return {
    size,
    server: store.options,
    roots: new Map(
      Object.entries(manifest.roots).map(([treeSize, root]) => [Number(treeSize), Buffer.from(root, 'base64url')]),
    ),
    records,
    how,
    ...(pristine ? { pristine } : {}),
  };
};

/**
 * The cached logs of every size, all prepared before any is served (serving one adds its reader's
 * key statements as leaves, so only an unserved log may be copied).
 */
export const prepareProofLogs = async (driver: DriverName, sizes: readonly number[], fresh: boolean) => {
  const logs: ProofLog[] = [];
  for (const size of [...sizes].sort((a, b) => a - b)) {
    logs.push(await prepareProofLog(driver, size, fresh, logs.at(-1)));
  }
  return new Map(logs.map((log) => [log.size, log]));
};
