import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { sql } from 'drizzle-orm';
import { openDatabase, selectRows } from '../../db/client';
import type { DriverUnderTest } from '../../test/helpers/databases';
import { driverLabel } from './driver-run';

/** What the results were measured on. */
export type Machine = {
  readonly date: string;
  readonly commit: string;
  readonly cpu: string;
  readonly cores: number;
  readonly ramGb: number;
  readonly os: string;
  readonly node: string;
  readonly databases: readonly { readonly name: string; readonly version: string }[];
  /** One-minute load average at the start and the end: a busy machine shows here. */
  load: string;
};

const git = (...args: string[]): string => {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
};

const pgliteVersion = (): string =>
  (
    JSON.parse(
      readFileSync(new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8'),
    ) as { version: string }
  ).version;

/** The server version a database reports, from a throwaway database of that driver. */
const versionOf = async (driver: DriverUnderTest): Promise<string> => {
  const created = await driver.create();
  const database = await openDatabase(created.options);
  try {
    const [row] = await selectRows<{ server_version: string }>(database.db, sql`show server_version`);
    const server = `PostgreSQL ${row?.server_version ?? '?'}`;
    return driver.name === 'pglite' ? `@electric-sql/pglite ${pgliteVersion()} (${server} in WebAssembly)` : server;
  } finally {
    await database.close();
    await created.cleanup();
  }
};

/** The machine, the runtime, the database versions and the commit. */
export const describeMachine = async (drivers: readonly DriverUnderTest[]): Promise<Machine> => {
  const [cpu] = cpus();
  const commit = git('rev-parse', '--short', 'HEAD');
  const dirty = git('status', '--porcelain') !== '';
  const databases = [];
  for (const driver of drivers) {
    databases.push({ name: driverLabel(driver.name), version: await versionOf(driver) });
  }
  return {
    date: new Date().toISOString(),
    commit: commit === '' ? 'unknown' : `${commit}${dirty ? ' with uncommitted changes' : ''}`,
    cpu: cpu?.model.trim() ?? 'unknown',
    cores: cpus().length,
    ramGb: totalmem() / 1e9,
    os: `${type()} ${release()}`,
    node: process.version,
    databases,
    load: loadavg()[0]?.toFixed(2) ?? '?',
  };
};

/** Adds the load average at the end to the one at the start. */
export const noteEndLoad = (machine: Machine): void => {
  machine.load = `${machine.load}, ${loadavg()[0]?.toFixed(2) ?? '?'}`;
};
