import type { Browser, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endorseEnrolment } from '../../client/sdk/admin-operations';
import { enrolPerson } from '../../client/sdk/enrol-person';
import { invitationRoutes, keyRoutes, partyRoutes } from '../../shared/api/identity';
import { withLogPin } from '../../shared/log/log-pin-text';
import type { StoredVaultCopy } from '../../shared/schemas/identity';
import { artifactPath, HAS_BROWSER, launchChromium } from '../helpers/browser';
import { openPersonBrowser, type PersonBrowser } from '../helpers/e2e-browser';
import { enrolThroughLink } from '../helpers/e2e-identity-flows';
import { type BootstrappedServer, startBootstrappedServer } from '../helpers/e2e-server';

const ADMIN = { name: 'Ines Carvalho', party: 'Office of the First Lady (US)' };
const ENVOY = 'Tomas Weber';
const STAFF = 'Lea Moreau';

/** Answers GETs of `route` with `body`, letting every other method through to the real server. */
const serveOnGet = (body: (route: Route) => Promise<unknown>) => async (route: Route) => {
  if (route.request().method() !== 'GET') {
    await route.continue();
    return;
  }
  await route.fulfill({ json: await body(route) });
};

/*
 * Issue 11, "smaller holes": the browser must refuse what a hostile server (or one restored from
 * an old backup) serves of a person's own signed uploads: an older verified-contacts list than
 * the one it saw, and a vault copy whose signature does not verify. The admin and a staff member
 * are Node SDK people, there to be verified; the envoy is the browser under test.
 */
describe.skipIf(!HAS_BROWSER)("a server that rolls back a person's stored uploads", () => {
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

  it('refuses an older list of verified contacts, and a vault copy whose version was relabelled', async () => {
    const { origin, adminLink, server } = booted;
    const admin = await enrolPerson(server.url, adminLink, { origin });
    const adminId = admin.session.person.id;
    const [party] = (await admin.http.api(partyRoutes.listParties)).parties;
    const invite = async (role: 'envoy' | 'staff', name: string) =>
      (await admin.http.api(invitationRoutes.createInvitation, { body: { partyId: party?.id ?? '', role, name } }))
        .link;
    const endorseAll = async () => {
      for (const pending of (await admin.http.api(keyRoutes.listPendingEnrolments)).pending) {
        await endorseEnrolment(admin.http, admin.keyring.signer(adminId), pending.person.id);
      }
    };
    await enrolPerson(server.url, await invite('staff', STAFF), { origin });
    envoy = await openPersonBrowser(browser, { hasPrf: true });
    const { page } = envoy;
    await enrolThroughLink(
      envoy,
      // The admin passes the log pin with the link, as the admin screens do.
      withLogPin(await invite('envoy', ENVOY), booted.logPin),
      { name: ENVOY, party: ADMIN.party, role: 'envoy', inviter: ADMIN.name },
      'rollback-01',
    );
    await endorseAll();
    await page.getByTestId('pending-refresh').click();
    await page.getByTestId('pending-notice').waitFor({ state: 'detached' });

    const verify = async (name: string) => {
      await page.getByRole('link', { name: 'People', exact: true }).click();
      await page.getByRole('link', { name }).click();
      await page.getByTestId('mark-verified').click();
      await page.getByTestId('verified-at').waitFor();
    };
    const storedList = () => page.evaluate(() => fetch('/api/verifications').then((reply) => reply.json()));
    await verify(ADMIN.name);
    const first = await storedList();
    expect(first).toMatchObject({ verifications: { version: 1, previousHash: '' } });
    await verify(STAFF);
    expect(await storedList()).toMatchObject({ verifications: { version: 2 } });

    // The server answers with the first list again: signed by the envoy, but older than the one seen.
    await page.route(
      '**/api/verifications',
      serveOnGet(async () => first),
    );
    await page.getByRole('link', { name: 'People', exact: true }).click();
    await page.getByRole('link', { name: ADMIN.name }).click();
    await expect
      .poll(() => page.getByTestId('verifications-error').textContent())
      .toContain('The server offered version 1 of your list of verified contacts, older than version 2 seen here');
    expect(await page.getByTestId('mark-verified').count()).toBe(0);
    await page.screenshot({ path: artifactPath('rollback-02-older-list-refused.png'), fullPage: true });
    await page.unroute('**/api/verifications');

    // The server relabels the stored vault copies with a later version: their signatures no longer verify.
    await page.route(
      '**/api/vault',
      serveOnGet(async (route) => {
        const { vaults } = (await (await route.fetch()).json()) as { vaults: StoredVaultCopy[] };
        return { vaults: vaults.map((copy) => ({ ...copy, version: copy.version + 1 })) };
      }),
    );
    await page.reload();
    await page.getByTestId('key-status').click();
    await page.getByTestId('unlock-passkey').click();
    await expect
      .poll(() => page.getByTestId('unlock-passkey-error').textContent())
      .toContain('is not signed by you: refused');
    expect(await page.getByTestId('key-status').textContent()).toBe('Locked — unlock');
    await page.screenshot({ path: artifactPath('rollback-03-relabelled-vault-refused.png'), fullPage: true });

    // The real copies still open.
    await page.unroute('**/api/vault');
    await page.getByTestId('unlock-passkey').click();
    await page.getByTestId('unlocked').waitFor();
  });
});
