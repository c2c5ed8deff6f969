import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadLogSigner } from '../../server/log/log-key';
import type { LogPinText } from '../../shared/log/log-pin-text';
import { freshDataDir } from './databases';
import { freePort } from './ports';
import { startTestServer, type TestServer } from './test-server';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Runs `npm run admin -- invite …` (the operator's bootstrap) against a data directory; returns the
 * link it prints, whose fragment carries the log pin after the token.
 */
export const runAdminInvite = (options: {
  dataDir: string;
  origin: string;
  party: string;
  name: string;
}): Promise<string> =>
  new Promise((resolve, reject) => {
    const { DATABASE_URL: _ignored, ...env } = process.env;
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'server/cli/admin.ts',
        'invite',
        '--party',
        options.party,
        '--role',
        'admin',
        '--name',
        options.name,
      ],
      {
        cwd: REPO_ROOT,
        env: { ...env, DATA_DIR: options.dataDir, PUBLIC_ORIGIN: options.origin, LOG_LEVEL: 'silent' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const link = /^(http\S+\/enrol#[A-Za-z0-9_-]+&log=\S+&legacy=\d+)$/m.exec(stdout)?.[1];
      if (code !== 0 || !link) {
        reject(new Error(`admin invite exited ${code}: ${stdout}${stderr}`));
        return;
      }
      resolve(link);
    });
  });

export type BootstrappedServer = {
  readonly server: TestServer;
  readonly origin: string;
  readonly adminLink: string;
  /** What `npm run admin -- log-key` prints for this server: what every browser of the test pins. */
  readonly logPin: LogPinText;
};

/** The log pin of a test server, from its configuration (a deployment made after party roots). */
export const logPinOf = (server: TestServer): LogPinText => {
  const signer = loadLogSigner(server.config);
  return { verifierKey: signer.verifierKey, origin: signer.name, legacyBefore: 0 };
};

/**
 * The real server on PGlite, bootstrapped the way an operator does it: the admin CLI writes the
 * first admin's invitation into the data directory before the server starts (PGlite is
 * single-process), with the origin fixed beforehand so the printed link points at the server.
 */
export const startBootstrappedServer = async (admin: { party: string; name: string }): Promise<BootstrappedServer> => {
  const dataDir = freshDataDir('parley-e2e-');
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const adminLink = await runAdminInvite({ dataDir, origin, ...admin });
  const server = await startTestServer({ dataDir, env: { PORT: String(port), PUBLIC_ORIGIN: origin } });
  return { server, origin, adminLink, logPin: logPinOf(server) };
};
