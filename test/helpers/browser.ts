import { execSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

const findChromium = (): string | null => {
  const configured = process.env['CHROMIUM_PATH'];
  if (configured) {
    return existsSync(configured) ? configured : null;
  }
  try {
    return (
      execSync('command -v chromium || command -v chromium-browser', { shell: '/bin/sh', encoding: 'utf8' }).trim() ||
      null
    );
  } catch {
    return null;
  }
};

/** Debian's Chromium, never a downloaded browser; `null` when this machine has none. */
export const CHROMIUM_PATH = findChromium();

/** CI sets this: a missing browser then fails the run instead of skipping it. */
export const BROWSER_REQUIRED = process.env['PARLEY_REQUIRE_BROWSER'] === '1';

export const HAS_BROWSER = CHROMIUM_PATH !== null;

export const SKIP_NOTICE =
  '\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n' +
  '!!  BROWSER TESTS SKIPPED: no Chromium found (set CHROMIUM_PATH or run     !!\n' +
  '!!  `apt-get install -y chromium`). CI installs it and runs them.          !!\n' +
  '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n';

/** Headless Chromium with the flags this sandbox needs (no background network, no sandbox as root). */
export const launchChromium = (): Promise<Browser> => {
  if (!CHROMIUM_PATH) {
    throw new Error('Chromium is required for this test but was not found');
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
};

export const ARTIFACTS_DIR = new URL('../../test-results/', import.meta.url).pathname;

/** Where a test saves a screenshot; the folder is created on first use. */
export const artifactPath = (name: string): string => {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return `${ARTIFACTS_DIR}${name}`;
};
