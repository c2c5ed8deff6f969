import { execSync } from 'node:child_process';
import { BROWSER_REQUIRED, HAS_BROWSER, SKIP_NOTICE } from '../helpers/browser';

/** Builds the client once for every browser test, or says loudly why the browser tests skip. */
export default function setup(): void {
  if (!HAS_BROWSER) {
    if (BROWSER_REQUIRED) {
      throw new Error('PARLEY_REQUIRE_BROWSER=1 but no Chromium was found (CHROMIUM_PATH or `command -v chromium`)');
    }
    process.stderr.write(SKIP_NOTICE);
    return;
  }
  // A production bundle, as `npm start` serves: vitest sets NODE_ENV=test, which would build React's development mode.
  // Without a built-in log pin: each test server has its own log key, which its invitation links carry.
  execSync('npx vite build --logLevel warn', {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', PARLEY_LOG_KEY: '', PARLEY_LOG_LEGACY_BEFORE: '' },
  });
}
