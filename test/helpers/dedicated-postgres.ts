import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports';

/** A PostgreSQL 15 of a test's own, which it may stop and restart without disturbing the shared one. */
export type DedicatedPostgres = {
  readonly url: string;
  /** `pg_ctl restart -m immediate`: every backend killed at once, crash recovery on start. */
  restartImmediately(): void;
  stop(): void;
  start(): void;
  destroy(): void;
};

const onPath = (command: string): boolean => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

/**
 * Why a dedicated PostgreSQL cannot be started here, or undefined when it can: `initdb` and
 * `pg_ctl` must be on the PATH, and `runuser` and a `postgres` user present, as in CI (root).
 */
export const dedicatedPostgresUnavailable = (): string | undefined => {
  for (const command of ['initdb', 'pg_ctl', 'runuser']) {
    if (!onPath(command)) {
      return `${command} is not on the PATH`;
    }
  }
  if (process.getuid?.() !== 0) {
    return 'runuser needs root to start PostgreSQL as the postgres user';
  }
  if (spawnSync('id', ['-u', 'postgres']).status !== 0) {
    return 'there is no postgres user';
  }
  return undefined;
};

/** Starts a throwaway cluster on 127.0.0.1 and a free port, as `.ci/start-postgres` does. */
export const startDedicatedPostgres = async (): Promise<DedicatedPostgres> => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-fault-pg-'));
  chmodSync(dir, 0o755);
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  chownSync(dir, uid, gid);
  const port = await freePort();
  const data = join(dir, 'data');
  const asPostgres = (args: string[]) => {
    const result = spawnSync('runuser', ['-u', 'postgres', '--', ...args], { encoding: 'utf8', timeout: 120_000 });
    if (result.status !== 0) {
      throw new Error(`${args.slice(0, 2).join(' ')} failed: ${result.stderr || result.stdout}`);
    }
  };
  asPostgres(['initdb', '--auth=trust', '--username=postgres', '--encoding=UTF8', '--locale=C', '-D', data]);
  const options = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir}`;
  const pgCtl = (...args: string[]) => asPostgres(['pg_ctl', '-D', data, '-l', join(dir, 'server.log'), '-w', ...args]);
  pgCtl('-o', options, 'start');
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restartImmediately: () => pgCtl('-m', 'immediate', '-o', options, 'restart'),
    stop: () => pgCtl('-m', 'fast', 'stop'),
    start: () => pgCtl('-o', options, 'start'),
    destroy: () => {
      spawnSync('runuser', ['-u', 'postgres', '--', 'pg_ctl', '-D', data, '-m', 'immediate', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
