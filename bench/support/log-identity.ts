import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadConfig } from '../../server/config';
import { type LogSigner, loadLogSigner } from '../../server/log/log-key';
import { cachePath } from './paths';

/** The origin of every benchmark log (LOG_ORIGIN). */
const BENCH_LOG_ORIGIN = 'bench.parley.invalid/log/v1';

/**
 * The environment that gives every benchmark server the same log key, kept in the cache: the
 * cached logs' checkpoints are signed with it and stay verifiable by later runs.
 */
export const benchLogEnv = (): Record<string, string> => {
  const file = cachePath('log-signing-seed');
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return { LOG_ORIGIN: BENCH_LOG_ORIGIN, LOG_SIGNING_KEY: readFileSync(file, 'utf8').trim() };
};

/** The log signer a benchmark server on `dataDir` uses, for building logs without a server. */
export const benchLogSigner = (dataDir: string): LogSigner =>
  loadLogSigner(loadConfig({ DATA_DIR: dataDir, ...benchLogEnv() }));
