/**
 * `npm run build:if-changed`: builds the client only when its inputs changed since the last build
 * (a fingerprint kept beside the bundle), so that starting the server does not spend half a
 * minute rebuilding an unchanged client.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clientFingerprint } from './client-fingerprint';

const root = join(import.meta.dirname, '..', '..');
const stamp = join(root, 'client', 'dist', '.build-fingerprint');
const settings = {
  PARLEY_LOG_KEY: process.env['PARLEY_LOG_KEY']?.trim() ?? '',
  PARLEY_LOG_LEGACY_BEFORE: process.env['PARLEY_LOG_LEGACY_BEFORE']?.trim() ?? '',
};
const fingerprint = clientFingerprint(root, settings);
const built = existsSync(join(root, 'client', 'dist', 'index.html')) && existsSync(stamp);
if (built && readFileSync(stamp, 'utf8').trim() === fingerprint) {
  process.stdout.write('Client unchanged since its last build: not rebuilding.\n');
} else {
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write('The client build failed: see above.\n');
    process.exit(result.status ?? 1);
  }
  writeFileSync(stamp, `${fingerprint}\n`);
}
