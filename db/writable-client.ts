import pg from 'pg';
import type { PostgresTargets } from './postgres-targets';

/** How long a probe waits for each listed host before trying the next. */
const PROBE_TIMEOUT_MS = 2_000;

/**
 * Finds the URL of a listed server that takes this connection: the first one that answers, or with
 * `read-write` the first one that takes writes (not a standby), starting from the last one found.
 * What libpq does for `target_session_attrs`, which node-postgres lacks. Rejects with the last
 * error when none does, as an unreachable single server would.
 */
export const createTargetFinder = (targets: PostgresTargets) => {
  let preferred = 0;
  return async (): Promise<string> => {
    let lastError: unknown = new Error('Connection terminated: no listed PostgreSQL accepts writes');
    for (let offset = 0; offset < targets.urls.length; offset += 1) {
      const index = (preferred + offset) % targets.urls.length;
      const url = targets.urls[index] as string;
      try {
        if (!targets.requireWritable || (await isWritable(url))) {
          preferred = index;
          return url;
        }
      } catch (error) {
        lastError = error;
      }
    }
    throw lastError;
  };
};

const isWritable = async (url: string): Promise<boolean> => {
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
  probe.on('error', () => {});
  try {
    await probe.connect();
    // libpq's own test for read-write: a standby, or a primary being promoted, answers `on`.
    const { rows } = await probe.query<{ transaction_read_only: string }>('show transaction_read_only');
    return rows[0]?.transaction_read_only === 'off';
  } finally {
    await probe.end().catch(() => {});
  }
};

/**
 * A node-postgres client class for `pg.Pool({ Client })` that connects each new pooled connection
 * to whichever listed server `findTarget` names at that moment: after a failover, new connections
 * go to the new primary while the old one's die with it.
 */
export const clientClassFor = (findTarget: () => Promise<string>): typeof pg.Client =>
  class TargetedClient extends pg.Client {
    override connect(): Promise<pg.Client>;
    override connect(callback: (err: Error | null, client?: pg.Client) => void): void;
    override connect(callback?: (err: Error | null, client?: pg.Client) => void): Promise<pg.Client> | undefined {
      const connecting = findTarget().then((url) => {
        const parameters = new pg.Client({ connectionString: url });
        const self = this as unknown as { host: string; port: number; connectionParameters: object };
        self.host = parameters.host;
        self.port = parameters.port;
        Object.assign(self.connectionParameters, { host: parameters.host, port: parameters.port });
        return super.connect();
      });
      if (!callback) {
        return connecting;
      }
      connecting.then(
        () => callback(null, this),
        (error: Error) => callback(error),
      );
      return undefined;
    }
  };
