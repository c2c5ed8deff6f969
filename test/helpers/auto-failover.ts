import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { freePort } from './ports';

const PG_BIN = '/usr/lib/postgresql/15/bin';

/**
 * Monitor settings for a test that must fail over within seconds (defaults: a 5 s health check
 * period, 20 s before a node is unhealthy, 30 s of waiting for a lost primary to demote itself).
 * docs/DEPLOYMENT.md says which to keep in production.
 */
export const TEST_MONITOR_SETTINGS: Record<string, number> = {
  'pgautofailover.health_check_period': 1000,
  'pgautofailover.health_check_timeout': 1000,
  'pgautofailover.health_check_max_retries': 1,
  'pgautofailover.health_check_retry_delay': 500,
  'pgautofailover.node_considered_unhealthy_timeout': 3000,
  'pgautofailover.primary_demote_timeout': 3000,
};

/** A monitor, a primary and a synchronous standby from Debian's pg_auto_failover, on 127.0.0.1. */
export type AutoFailoverCluster = {
  /** The multi-host URL Parley is given: `…/parley?target_session_attrs=read-write`. */
  readonly url: string;
  /** The single-host URL of data node `index` (0 or 1). */
  nodeUrl(index: number): string;
  /** The data node the monitor reports as primary now, or undefined. */
  primaryIndex(): Promise<number | undefined>;
  /** `show synchronous_standby_names` on the primary. */
  synchronousStandbyNames(): Promise<string>;
  /** The machine of the primary lost: its keeper and its postgres killed with SIGKILL. */
  killPrimary(): Promise<number>;
  destroy(): void;
};

const onPath = (command: string): boolean => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

/** Why the cluster cannot run here, or undefined: pg_autoctl, HAProxy, root and a postgres user. */
export const autoFailoverUnavailable = (): string | undefined => {
  for (const command of ['pg_autoctl', 'haproxy', 'runuser']) {
    if (!onPath(command)) {
      return `${command} is not installed (.ci/run installs pg-auto-failover-cli, postgresql-15-auto-failover and haproxy from Debian)`;
    }
  }
  if (process.getuid?.() !== 0) {
    return 'runuser needs root to run PostgreSQL as the postgres user';
  }
  if (spawnSync('id', ['-u', 'postgres']).status !== 0) {
    return 'there is no postgres user';
  }
  return undefined;
};

/** The pid a data directory's postmaster recorded, or undefined. */
const postmasterPid = (pgdata: string): number | undefined => {
  try {
    const pid = Number(readFileSync(join(pgdata, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return pid > 0 ? pid : undefined;
  } catch {
    return undefined; // never started, or already stopped
  }
};

/** The processes whose parent is `pid` (from /proc: `pid (comm) state ppid …`). */
const childrenOf = (pid: number): number[] =>
  readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] === String(pid);
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);

const killQuietly = (pid: number): void => {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
};

/**
 * SIGKILL to the postmaster of a data directory and to its children. Each child of a postmaster
 * runs in a session of its own, and some (the logger, the monitor's health-check worker) outlive
 * a postmaster killed outright: they are found before it goes.
 */
const killPostmaster = (pgdata: string): void => {
  const pid = postmasterPid(pgdata);
  if (pid !== undefined) {
    const children = childrenOf(pid);
    killQuietly(pid);
    children.forEach(killQuietly);
  }
};

/**
 * Every process working in `dir` or below (a postgres process runs in its data directory): what
 * is left of a cluster whose postmasters went before their children could be found by parent.
 */
const processesWorkingIn = (dir: string): number[] =>
  readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid)
    .filter((name) => {
      try {
        const cwd = readlinkSync(`/proc/${name}/cwd`);
        return cwd === dir || cwd.startsWith(`${dir}/`);
      } catch {
        return false; // gone meanwhile, or not ours to read
      }
    })
    .map(Number);

const query = async <Row extends Record<string, unknown>>(url: string, text: string): Promise<Row[]> => {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.query<Row>(text)).rows;
  } finally {
    await client.end().catch(() => {});
  }
};

/** The last lines of a pg_autoctl log, so that a set-up that times out says what it was doing. */
const logTail = (path: string, lines = 15): string => {
  try {
    return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
};

/** Under a loaded machine (the whole suite on 2 cores) a node's initdb and base backup take minutes. */
const SET_UP_TIMEOUT_MS = 240_000;

const waitFor = async (
  what: string,
  check: () => Promise<boolean>,
  options: { timeoutMs?: number; log?: string } = {},
): Promise<void> => {
  const timeoutMs = options.timeoutMs ?? SET_UP_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) {
      return;
    }
    await sleep(500);
  }
  const tail = options.log === undefined ? '' : `; the end of ${options.log}:\n${logTail(options.log)}`;
  throw new Error(`pg_auto_failover: ${what} did not happen within ${timeoutMs / 1000} s${tail}`);
};

/** Starts the monitor and two data nodes, and waits until node 0 is primary and node 1 its standby. */
export const startAutoFailover = async (): Promise<AutoFailoverCluster> => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-failover-'));
  chmodSync(dir, 0o755);
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  chownSync(dir, uid, gid);
  const [monitorPort, ...nodePorts] = [await freePort(), await freePort(), await freePort()] as [
    number,
    number,
    number,
  ];
  const env = ['env', `HOME=${dir}`, `XDG_CONFIG_HOME=${dir}/config`, `XDG_DATA_HOME=${dir}/share`];
  const processes: ChildProcess[] = [];
  /** `pg_autoctl … --run` in a process group of its own, so that killing the group is losing the machine. */
  const run = (name: string, args: string[]): ChildProcess => {
    const log = openSync(join(dir, `${name}.log`), 'a');
    const child = spawn('runuser', ['-u', 'postgres', '--', ...env, 'pg_autoctl', ...args, '--run'], {
      cwd: dir,
      detached: true,
      stdio: ['ignore', log, log],
    });
    processes.push(child);
    return child;
  };
  const monitorUrl = `postgres://postgres@127.0.0.1:${monitorPort}/pg_auto_failover`;
  const nodeUrl = (index: number) => `postgres://postgres@127.0.0.1:${nodePorts[index]}/parley`;
  const common = ['--hostname', '127.0.0.1', '--auth', 'trust', '--no-ssl', '--pgctl', `${PG_BIN}/pg_ctl`];
  const nodes: ChildProcess[] = [];
  const destroy = () => {
    for (const child of processes) {
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone (the killed primary).
        }
      }
    }
    for (const name of ['monitor', 'node0', 'node1']) {
      // pg_ctl starts each postmaster in a session of its own, out of reach of the group kill above.
      const children = childrenOf(postmasterPid(join(dir, name)) ?? -1);
      spawnSync(
        'runuser',
        ['-u', 'postgres', '--', `${PG_BIN}/pg_ctl`, 'stop', '-m', 'immediate', '-D', join(dir, name)],
        {
          stdio: 'ignore',
          timeout: 30_000,
        },
      );
      killPostmaster(join(dir, name));
      children.forEach(killQuietly);
    }
    processesWorkingIn(dir).forEach(killQuietly);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run('monitor', ['create', 'monitor', '--pgdata', join(dir, 'monitor'), '--pgport', String(monitorPort), ...common]);
    await waitFor('the monitor starting', async () => (await query(monitorUrl, 'select 1')).length === 1, {
      log: join(dir, 'monitor.log'),
    });
    for (const [name, value] of Object.entries(TEST_MONITOR_SETTINGS)) {
      await query(monitorUrl, `alter system set ${name} = ${value}`);
    }
    await query(monitorUrl, 'select pg_reload_conf()');
    const states = async () =>
      query<{ nodeport: number; reportedstate: string; goalstate: string }>(
        monitorUrl,
        'select nodeport, reportedstate, goalstate from pgautofailover.node order by nodeid',
      );
    for (const [index, port] of nodePorts.entries()) {
      nodes.push(
        run(`node${index}`, [
          'create',
          'postgres',
          '--pgdata',
          join(dir, `node${index}`),
          '--pgport',
          String(port),
          '--listen',
          '127.0.0.1',
          '--dbname',
          'parley',
          '--monitor',
          `postgres://autoctl_node@127.0.0.1:${monitorPort}/pg_auto_failover?sslmode=disable`,
          ...common,
        ]),
      );
      await waitFor(
        `node ${index} joining`,
        async () => {
          const reported = await states();
          if (index === 1) {
            // pg_autoctl's base backup waits for a spread checkpoint (minutes): ask for one now.
            await query(nodeUrl(0), 'checkpoint').catch(() => undefined);
          }
          return (
            reported.length === index + 1 &&
            reported.every((node) => node.reportedstate === node.goalstate) &&
            (index === 0 ? reported[0]?.reportedstate === 'single' : reported[1]?.reportedstate === 'secondary')
          );
        },
        { log: join(dir, `node${index}.log`) },
      );
    }
    await waitFor(
      'the primary taking its synchronous standby',
      async () => (await states()).some((node) => node.reportedstate === 'primary' && node.goalstate === 'primary'),
      { log: join(dir, 'node0.log') },
    );
    await waitFor('synchronous replication being configured on the primary', async () => {
      const [row] = await query<{ synchronous_standby_names: string }>(nodeUrl(0), 'show synchronous_standby_names');
      return (row?.synchronous_standby_names ?? '') !== '';
    });
  } catch (error) {
    destroy();
    throw error;
  }
  const primaryIndex = async () => {
    const rows = await query<{ nodeport: number }>(
      monitorUrl,
      "select nodeport from pgautofailover.node where reportedstate in ('primary', 'wait_primary', 'single') and goalstate = reportedstate",
    );
    const index = nodePorts.indexOf(Number(rows[0]?.nodeport));
    return index < 0 ? undefined : index;
  };
  return {
    url: `postgres://postgres@127.0.0.1:${nodePorts[0]},127.0.0.1:${nodePorts[1]}/parley?target_session_attrs=read-write`,
    nodeUrl,
    primaryIndex,
    synchronousStandbyNames: async () => {
      const index = (await primaryIndex()) ?? 0;
      const [row] = await query<{ synchronous_standby_names: string }>(
        nodeUrl(index),
        'show synchronous_standby_names',
      );
      return row?.synchronous_standby_names ?? '';
    },
    killPrimary: async () => {
      const index = await primaryIndex();
      const keeper = index === undefined ? undefined : nodes[index];
      if (index === undefined || keeper?.pid === undefined) {
        throw new Error('pg_auto_failover: no primary to kill');
      }
      // The keeper would restart its postgres at once: the whole machine goes, keeper and postgres.
      process.kill(-keeper.pid, 'SIGKILL');
      killPostmaster(join(dir, `node${index}`));
      return index;
    },
    destroy,
  };
};
