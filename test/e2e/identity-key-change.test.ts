import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParleyPerson } from '../../client/sdk/parley-person';
import { withLogPin } from '../../shared/log/log-pin-text';
import { artifactPath, HAS_BROWSER, launchChromium } from '../helpers/browser';
import { openPersonBrowser, type PersonBrowser } from '../helpers/e2e-browser';
import { enrolThroughLink } from '../helpers/e2e-identity-flows';
import { type BootstrappedServer, startBootstrappedServer } from '../helpers/e2e-server';

const ADMIN = { name: 'Ines Carvalho', party: 'Office of the First Lady (US)' };
const ENVOY = 'Tomas Weber';

/*
 * The admin is a Node SDK person, the root of their party, so that their key can be rotated behind
 * the browser's back.
 */
describe.skipIf(!HAS_BROWSER)('a verified contact whose key changes', () => {
  let booted: BootstrappedServer;
  let browser: Browser;
  let envoy: PersonBrowser;

  beforeAll(async () => {
    booted = await startBootstrappedServer(ADMIN);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await booted?.server.shutdown();
  });

  it('blocks sending with "Key changed since you verified" until the person re-verifies', async () => {
    const { origin, adminLink, server } = booted;
    const admin = await ParleyPerson.enrol(server.url, adminLink, { origin });
    const partyId = admin.currentSession?.person.party.id ?? '';
    const link = withLogPin(await admin.invite({ partyId, role: 'envoy', name: ENVOY }), booted.logPin);

    envoy = await openPersonBrowser(browser, { hasPrf: true });
    const { page } = envoy;
    await enrolThroughLink(
      envoy,
      link,
      { name: ENVOY, party: ADMIN.party, role: 'envoy', inviter: ADMIN.name },
      'keychange-01',
    );
    const [pending] = await admin.pendingEnrolments();
    await admin.endorse(pending?.person.id ?? '');
    await page.getByTestId('pending-refresh').click();
    await page.getByTestId('pending-notice').waitFor({ state: 'detached' });

    await page.getByRole('link', { name: 'People', exact: true }).click();
    await page.getByRole('link', { name: ADMIN.name }).click();
    const before = await page.getByTestId('safety-number').textContent();
    expect(await page.getByTestId('recipient-ok').textContent()).toContain('not verified yet');
    await page.getByTestId('mark-verified').click();
    await page.getByTestId('verified-at').waitFor();
    await expect.poll(() => page.getByTestId('recipient-ok').textContent()).toBe('Sending is allowed.');

    // The admin rotates; the envoy reloads (keys dropped) and unlocks again with the passkey.
    await admin.rotateKeys();
    await page.reload();
    await expect.poll(() => page.getByTestId('key-status').textContent()).toBe('Locked — unlock');
    await page.screenshot({ path: artifactPath('keychange-02-locked-after-reload.png'), fullPage: true });
    await page.getByTestId('key-status').click();
    await page.getByTestId('unlock-passkey').click();
    await page.getByTestId('unlocked').waitFor();
    await page.goBack();

    const blocked = page.getByTestId('recipient-blocked-key-changed');
    await expect
      .poll(() => blocked.textContent())
      .toBe(`Key changed since you verified ${ADMIN.name} — sending to them is blocked until you re-verify`);
    expect(await page.getByTestId('verification').textContent()).toBe('Key changed');
    expect(await page.getByTestId('key-origin').textContent()).toContain('Rotated from their previous key');
    expect(await page.getByTestId('safety-number').textContent()).not.toBe(before);
    await page.screenshot({ path: artifactPath('keychange-03-key-changed.png'), fullPage: true });

    await page.getByTestId('mark-verified').click();
    await page.getByTestId('verified-at').waitFor();
    await expect.poll(() => blocked.count()).toBe(0);
    expect(await page.getByTestId('recipient-ok').textContent()).toBe('Sending is allowed.');
    await page.screenshot({ path: artifactPath('keychange-04-re-verified.png'), fullPage: true });
    expect(envoy.errors).toEqual([]);
  });
});
