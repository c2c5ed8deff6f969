import pino from 'pino';
import { type Config, loadConfig } from '../../server/config';
import { type RunningServer, startServer } from '../../server/server';
import { freshDataDir } from './databases';
import { freePort } from './ports';

export type TestServer = RunningServer & { readonly config: Config; readonly origin: string };

/**
 * The real server in this process on a free port, with its own PGlite directory unless
 * `databaseUrl` is given. `origin` is what a browser must use (WebAuthn binds to it).
 */
export const startTestServer = async (
  overrides: { databaseUrl?: string | undefined; dataDir?: string; env?: Record<string, string> } = {},
): Promise<TestServer> => {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const config = loadConfig({
    PORT: String(port),
    DATA_DIR: overrides.dataDir ?? freshDataDir(),
    PUBLIC_ORIGIN: origin,
    DATABASE_URL: overrides.databaseUrl,
    LOG_LEVEL: 'silent',
    ...overrides.env,
  });
  const running = await startServer(config, pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' }));
  return Object.assign(running, { config, origin });
};
