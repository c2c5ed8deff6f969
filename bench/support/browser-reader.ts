import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { withLogPin } from '../../shared/log/log-pin-text';
import { openPersonBrowser, type PersonBrowser } from '../../test/helpers/e2e-browser';
import type { DriverRun } from './driver-run';
import { say } from './progress';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WAIT_MS = 120_000;

/**
 * Builds the client bundle the server serves, unless an identical one is there already (the
 * fingerprint of `npm run build:if-changed`). Without a built-in log pin, as the browser tests
 * build it: the invitation link carries this server's pin.
 */
export const ensureClientBuilt = (): void => {
  const started = performance.now();
  const built = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/client-build.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production', PARLEY_LOG_KEY: '', PARLEY_LOG_LEGACY_BEFORE: '' },
  });
  if (built.status !== 0) {
    throw new Error(`the client build failed: ${built.stderr || built.stdout}`);
  }
  if (!built.stdout.includes('not rebuilding')) {
    say(`built the client in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
};

/** A staff member of the run's party enrolled in a fresh browser profile (PRF passkey), endorsed and unlocked. */
export const enrolBrowserReader = async (
  browser: Browser,
  run: DriverRun,
): Promise<PersonBrowser & { readonly personId: string }> => {
  const { admin, partyId } = run.team;
  const name = 'Bench Browser Reader';
  const link = await admin.invite({ partyId, role: 'staff', name });
  const person = await openPersonBrowser(browser, { hasPrf: true });
  const { page } = person;
  await page.goto(withLogPin(link, { ...run.pin, legacyBefore: 0 }));
  await page.getByTestId('create-passkey').click();
  await page.getByTestId('recovery-key').waitFor({ timeout: WAIT_MS });
  await page.getByLabel('I have stored it').check();
  await page.getByTestId('recovery-continue').click();
  const pending = await admin.pendingEnrolments();
  const personId = pending.find((candidate) => candidate.person.name === name)?.person.id;
  if (personId === undefined) {
    throw new Error('the browser enrolment is not pending');
  }
  await admin.endorse(personId);
  await page.getByTestId('pending-refresh').click();
  await page.getByTestId('home-unlocked').waitFor({ timeout: WAIT_MS });
  return Object.assign(person, { personId });
};
