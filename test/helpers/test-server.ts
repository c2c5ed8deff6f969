import pino from 'pino';
import type { CeremonyLimits } from '../../server/auth/ceremony-limits';
import { type Config, loadConfig } from '../../server/config';
import { createLogger } from '../../server/logger';
import { type RunningServer, startServer } from '../../server/server';
import { freshDataDir } from './databases';
import type { LogCapture } from './log-capture';
import { freePort } from './ports';

export type TestServer = RunningServer & { readonly config: Config; readonly origin: string };

/**
 * The real server in this process on a free port, with its own PGlite directory unless
 * `databaseUrl` is given. `origin` is what a browser must use (WebAuthn binds to it). With `logs`,
 * the production logger writes every line, at `trace`, into it; `limits` replaces the ceremony limits.
 */
export const startTestServer = async (
  overrides: {
    databaseUrl?: string | undefined;
    dataDir?: string;
    env?: Record<string, string>;
    logs?: LogCapture;
    limits?: CeremonyLimits;
    /** A fixed port, so that a restarted server keeps the origin its clients signed in to. */
    port?: number;
  } = {},
): Promise<TestServer> => {
  const port = overrides.port ?? (await freePort());
  const origin = `http://localhost:${port}`;
  const config = loadConfig({
    PORT: String(port),
    DATA_DIR: overrides.dataDir ?? freshDataDir(),
    PUBLIC_ORIGIN: origin,
    DATABASE_URL: overrides.databaseUrl,
    LOG_LEVEL: 'silent',
    ...overrides.env,
  });
  const logger = overrides.logs
    ? createLogger('trace', overrides.logs)
    : pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' });
  const running = await startServer(config, logger, overrides.limits ? { limits: overrides.limits } : {});
  return Object.assign(running, { config, origin });
};
