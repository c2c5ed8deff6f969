import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, HAS_BROWSER, launchChromium } from '../helpers/browser';
import { openPersonBrowser, type PersonBrowser } from '../helpers/e2e-browser';
import { enrolThroughLink, recordCeremonyBodies, signIn, storedKeys } from '../helpers/e2e-identity-flows';
import { type BootstrappedServer, startBootstrappedServer } from '../helpers/e2e-server';

const ADMIN = { name: 'Avery Lindqvist', party: 'Office of the First Lady (US)' };
// An admin invites and endorses the people of their own party only.
const ENVOY = { name: 'Mira Sokolova', party: ADMIN.party };

describe.skipIf(!HAS_BROWSER)('identity in Chromium: enrol, endorse, sign in, compare safety numbers', () => {
  let booted: BootstrappedServer;
  let browser: Browser;
  let admin: PersonBrowser;
  let envoy: PersonBrowser;
  /** The log's checkpoint right after the admin's enrolment: later replayed as a rollback. */
  let firstCheckpoint: string;

  beforeAll(async () => {
    booted = await startBootstrappedServer(ADMIN);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await booted?.server.shutdown();
  });

  it('takes an operator-invited admin and an invited envoy from link to verified contacts', async () => {
    const { origin, adminLink } = booted;
    admin = await openPersonBrowser(browser, { hasPrf: true });
    envoy = await openPersonBrowser(browser, { hasPrf: true });
    const adminBodies = recordCeremonyBodies(admin);
    const envoyBodies = recordCeremonyBodies(envoy);
    const shot = (person: PersonBrowser, name: string) =>
      person.page.screenshot({ path: artifactPath(`identity-${name}.png`), fullPage: true });

    // The admin accepts the operator's invitation with a PRF passkey.
    await enrolThroughLink(
      admin,
      adminLink,
      { ...ADMIN, role: 'admin', inviter: 'operator bootstrap' },
      'identity-01-admin-enrol',
    );
    await admin.page.getByTestId('home-unlocked').waitFor();
    expect(await admin.page.getByTestId('key-status').textContent()).toBe('Keys unlocked');
    firstCheckpoint = await admin.page.evaluate(() => fetch('/api/log/checkpoint').then((reply) => reply.text()));
    await shot(admin, '02-admin-home');

    // The admin's browser pinned the log from the operator's link, not from the server.
    await admin.page.getByRole('link', { name: 'Log' }).click();
    await expect.poll(() => admin.page.getByTestId('log-pinned-key').textContent()).toBe(booted.logPin.verifierKey);
    expect(await admin.page.getByTestId('log-pin-source').textContent()).toContain('invitation link');

    // Parties are not created here: the page says they start from the command line, and shows the
    // admin as the root of their own party.
    await admin.page.getByRole('link', { name: 'Parties' }).click();
    await admin.page.getByTestId('parties-from-cli').waitFor();
    expect(await admin.page.getByTestId('create-party').count()).toBe(0);
    const ownParty = admin.page.getByTestId('party-row').filter({ hasText: ADMIN.party });
    await expect.poll(() => ownParty.textContent()).toContain(ADMIN.name);
    await shot(admin, '03-admin-parties');

    await admin.page.getByRole('link', { name: 'Invitations' }).click();
    await admin.page.getByRole('heading', { name: 'Invitations', level: 1 }).waitFor();
    // No party picker: an admin invites into their own party.
    expect(await admin.page.getByTestId('invite-party').textContent()).toContain(ADMIN.party);
    expect(await admin.page.getByLabel('Party', { exact: true }).count()).toBe(0);
    await admin.page.getByLabel('Role', { exact: true }).selectOption('envoy');
    await admin.page.getByLabel('Name', { exact: true }).fill(ENVOY.name);
    await admin.page.getByTestId('create-invitation').click();
    const envoyLink = await admin.page.getByTestId('invitation-link').inputValue();
    // The link carries the admin's log pin after the token, for the envoy's browser to pin.
    // Then the admin's public keys, for the envoy's browser to show the safety number they compare.
    const pinned = `&log=${encodeURIComponent(booted.logPin.verifierKey)}&legacy=0`;
    const [linkWithPin = '', inviterKeys = ''] = envoyLink.split('&inviter=');
    expect(linkWithPin.startsWith(`${origin}/enrol#`) && linkWithPin.endsWith(pinned)).toBe(true);
    expect(linkWithPin.slice(`${origin}/enrol#`.length, -pinned.length)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(inviterKeys).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43}$/);
    await expect
      .poll(() => admin.page.getByTestId('invitation-row').filter({ hasText: ENVOY.name }).textContent())
      .toContain('open');
    await shot(admin, '04-admin-invitation');

    // The envoy accepts in their own profile and waits for the admin's endorsement.
    await enrolThroughLink(
      envoy,
      envoyLink,
      { ...ENVOY, role: 'envoy', inviter: ADMIN.name },
      'identity-05-envoy-enrol',
    );
    await expect
      .poll(() => envoy.page.getByTestId('pending-notice').textContent())
      .toContain(`Waiting for ${ADMIN.name}'s endorsement`);
    // The pending person sees the safety number of their new key with the inviting admin's key
    // (both known to their browser from the enrolment and the link, none from the server).
    const envoyNumber = envoy.page.getByTestId('pending-safety').getByTestId('safety-number');
    await expect.poll(async () => (await envoyNumber.textContent())?.replace(/\D/g, '').length).toBe(60);
    expect(await envoy.page.getByTestId('pending-safety').getByTestId('safety-qr').count()).toBe(1);
    await shot(envoy, '06-envoy-pending');

    // The admin compares the fingerprint and endorses: one of the one admin the party's threshold needs.
    await admin.page.getByRole('link', { name: 'Endorsements' }).click();
    const row = admin.page.getByTestId('pending-row').filter({ hasText: ENVOY.name });
    await expect
      .poll(async () => (await row.getByTestId('safety-number').textContent())?.replace(/\D/g, '').length)
      .toBe(60);
    expect(await row.getByTestId('endorsement-progress').getAttribute('data-required')).toBe('1');
    expect(await row.getByTestId('endorsement-progress').getAttribute('data-signed')).toBe('0');
    await shot(admin, '07-admin-pending');
    // The admin's row shows the full 60 digits for this pair: the same number the envoy sees.
    const adminNumber = (await row.getByTestId('safety-number').textContent())?.replace(/\D/g, '');
    expect(adminNumber).toBe((await envoyNumber.textContent())?.replace(/\D/g, ''));
    // Endorsing waits for "I compared", then asks once more.
    expect(await row.getByTestId('endorse').isDisabled()).toBe(true);
    await row.getByTestId('compared').check();
    await row.getByTestId('endorse').click();
    await admin.page.getByTestId('confirm-button').click();
    await admin.page.getByTestId('no-pending').waitFor();

    // The envoy is active; signs out, signs back in with no user name, and is unlocked by PRF.
    await envoy.page.getByTestId('pending-refresh').click();
    await envoy.page.getByTestId('pending-notice').waitFor({ state: 'detached' });
    await envoy.page.getByTestId('sign-out').click();
    await envoy.page.getByTestId('sign-in').waitFor();
    await shot(envoy, '08-envoy-signed-out');
    await signIn(envoy, origin);
    await envoy.page.getByTestId('home-unlocked').waitFor();
    expect(await envoy.page.getByTestId('key-status').textContent()).toBe('Keys unlocked');
    expect(await envoy.page.getByTestId('signed-in-as').textContent()).toContain(ENVOY.name);
    await shot(envoy, '09-envoy-signed-in');

    // Each opens the other's page: the same 60-digit safety number, and a QR code that loads.
    const safetyNumberSeenBy = async (person: PersonBrowser, other: string, name: string) => {
      await person.page.getByRole('link', { name: 'People', exact: true }).click();
      await person.page.getByRole('link', { name: other }).click();
      const number = person.page.getByTestId('safety-number');
      await number.waitFor();
      await expect
        .poll(() => person.page.getByTestId('safety-qr').evaluate((image: HTMLImageElement) => image.naturalWidth))
        .toBeGreaterThan(0);
      await shot(person, name);
      return number.textContent();
    };
    const seenByAdmin = await safetyNumberSeenBy(admin, ENVOY.name, '10-admin-sees-envoy');
    const seenByEnvoy = await safetyNumberSeenBy(envoy, ADMIN.name, '11-envoy-sees-admin');
    expect(seenByAdmin).toMatch(/^(\d{5} ){11}\d{5}$/);
    expect(seenByEnvoy).toBe(seenByAdmin);

    // Marking as verified is stored sealed and signed, and survives a reload (after unlocking).
    await admin.page.getByTestId('mark-verified').click();
    await admin.page.getByTestId('verified-at').waitFor();
    await admin.page.getByRole('link', { name: 'People', exact: true }).click();
    await expect
      .poll(() =>
        admin.page.getByTestId('person-row').filter({ hasText: ENVOY.name }).getByTestId('verification').textContent(),
      )
      .toBe('Verified');
    await shot(admin, '12-admin-people');

    // The party's root, verified out of band once: both read the same party safety number (and QR
    // code) on the party's page, and "I compared" pins it in the envoy's sealed list.
    const partyNumberSeenBy = async (person: PersonBrowser) => {
      await person.page.getByRole('link', { name: 'People', exact: true }).click();
      await person.page.getByTestId('party-row').filter({ hasText: ADMIN.party }).getByTestId('party-link').click();
      await person.page.getByTestId('party-page').waitFor();
      await expect
        .poll(() => person.page.getByTestId('safety-qr').evaluate((image: HTMLImageElement) => image.naturalWidth))
        .toBeGreaterThan(0);
      return person.page.getByTestId('safety-number').textContent();
    };
    const partyNumber = await partyNumberSeenBy(admin);
    expect(partyNumber).toMatch(/^(\d{5} ){5}\d{5}$/);
    expect(await partyNumberSeenBy(envoy)).toBe(partyNumber);
    expect(await envoy.page.getByTestId('party-root-name').textContent()).toBe(ADMIN.name);
    expect(await envoy.page.getByTestId('party-root-state').textContent()).toBe('Root not verified');
    await envoy.page.getByTestId('pin-party').click();
    await envoy.page.getByTestId('party-verified-at').waitFor();
    expect(await envoy.page.getByTestId('party-root-state').textContent()).toBe('Root verified');
    await shot(envoy, '12b-envoy-pins-party-root');

    // The log advanced with consistency proofs from the pinned checkpoint.
    await admin.page.getByRole('link', { name: 'Log' }).click();
    await admin.page.getByTestId('log-check').click();
    await expect.poll(() => admin.page.getByTestId('log-pinned-key').textContent()).toMatch(/\+[0-9a-f]{8}\+/);
    await expect
      .poll(async () => Number(await admin.page.getByTestId('log-tree-size').textContent()))
      .toBeGreaterThanOrEqual(2);
    await shot(admin, '13-admin-log');

    // No PRF output ever left the browser, and no key was persisted.
    expect(adminBodies.length + envoyBodies.length).toBeGreaterThanOrEqual(3);
    for (const body of [...adminBodies, ...envoyBodies]) {
      expect(JSON.parse(body).response.clientExtensionResults.prf).toBeUndefined();
    }
    for (const person of [admin, envoy]) {
      const stored = await storedKeys(person);
      expect(stored.localStorage.every((key) => /^parley\.(log|inviter|uploads)\./.test(key))).toBe(true);
      expect(stored.sessionStorage).toEqual([]);
      expect(stored.indexedDb).toEqual([]);
    }
    expect(admin.errors).toEqual([]);
    expect(envoy.errors).toEqual([]);

    // "Sign out everywhere" ends the envoy's sessions and drops their keys.
    await envoy.page.getByTestId('sign-out-everywhere').click();
    await envoy.page.getByTestId('confirm-button').click();
    await envoy.page.getByTestId('sign-in').waitFor();
    const session = await envoy.page.evaluate(() => fetch('/api/session').then((reply) => reply.json()));
    expect(session).toEqual({ session: null });
    expect(envoy.errors).toEqual([]);
  });

  it('builds no invitation link when the server answers one carrying its own log pin', async () => {
    const { page } = admin;
    await page.getByRole('link', { name: 'Invitations' }).click();
    await page.getByRole('heading', { name: 'Invitations', level: 1 }).waitFor();
    // A hostile server appends the log key of a log it controls, hoping the invitee's browser pins it.
    await page.route('**/api/invitations', async (route) => {
      const response = await route.fetch();
      const reply = (await response.json()) as { link: string };
      await route.fulfill({ response, json: { ...reply, link: `${reply.link}&log=evil&legacy=0` } });
    });
    try {
      await page.getByLabel('Role', { exact: true }).selectOption('staff');
      await page.getByLabel('Name', { exact: true }).fill('Hostile Link');
      await page.getByTestId('create-invitation').click();
      await expect.poll(() => page.getByTestId('error').textContent()).toContain('not a bare one-time token');
      expect(await page.getByTestId('invitation-link').count()).toBe(0);
    } finally {
      await page.unroute('**/api/invitations');
    }
  });

  it('lets the admin withdraw an unused invitation and revoke the envoy, each after a confirmation', async () => {
    await admin.page.getByRole('link', { name: 'Invitations' }).click();
    await admin.page.getByRole('heading', { name: 'Invitations', level: 1 }).waitFor();
    await admin.page.getByLabel('Role', { exact: true }).selectOption('envoy');
    await admin.page.getByLabel('Name', { exact: true }).fill('Spare Envoy');
    await admin.page.getByTestId('create-invitation').click();
    await admin.page.getByTestId('invitation-link').waitFor();
    await admin.page.getByRole('button', { name: 'Withdraw the invitation of Spare Envoy' }).click();
    await admin.page.getByTestId('confirm-button').click();
    await expect
      .poll(() => admin.page.getByTestId('invitation-row').filter({ hasText: 'Spare Envoy' }).textContent())
      .toContain('revoked');

    await admin.page.getByRole('link', { name: 'Manage people' }).click();
    await admin.page.getByRole('button', { name: `Revoke ${ENVOY.name}` }).click();
    await admin.page.getByTestId('confirm-dialog').waitFor();
    await admin.page.screenshot({ path: artifactPath('identity-14-admin-revoke-confirm.png'), fullPage: true });
    await admin.page.getByTestId('confirm-button').click();
    await expect
      .poll(() =>
        admin.page.getByTestId('manage-row').filter({ hasText: ENVOY.name }).getByTestId('person-status').textContent(),
      )
      .toBe('revoked');
    await admin.page.screenshot({ path: artifactPath('identity-15-admin-revoked.png'), fullPage: true });
    expect(admin.errors).toEqual([]);
  });

  it('shows a blocking banner with both checkpoints when the server rolls the log back', async () => {
    const { page } = admin;
    await page.route('**/api/log/checkpoint', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: firstCheckpoint }),
    );
    await page.getByRole('link', { name: 'Log' }).click();
    const trustedSize = Number(await page.getByTestId('log-tree-size').textContent());
    expect(trustedSize).toBeGreaterThan(1);
    await page.getByTestId('log-check').click();
    const banner = page.getByTestId('log-failure');
    await expect
      .poll(() => banner.textContent())
      .toContain(`offered tree size 1 is older than the trusted ${trustedSize}`);
    expect(await page.getByTestId('log-evidence-trusted').textContent()).toMatch(new RegExp(`\\n${trustedSize}\\n`));
    expect(await page.getByTestId('log-evidence-offered').textContent()).toMatch(/\n1\n/);
    expect(await page.locator('main').textContent()).toBe('');
    await page.screenshot({ path: artifactPath('identity-16-log-rollback.png'), fullPage: true });

    // It stays until the person says they kept the evidence.
    await page.getByRole('link', { name: 'People', exact: true }).click();
    await expect.poll(() => banner.count(), { timeout: 30_000 }).toBe(1);
    const acknowledge = page.getByRole('button', { name: 'Acknowledge' });
    expect(await acknowledge.isDisabled()).toBe(true);
    // The server stops lying first: a check between the acknowledgement and that would record it again.
    await page.unroute('**/api/log/checkpoint');
    await page.getByLabel('I have saved both checkpoints').check();
    await acknowledge.click();
    await banner.waitFor({ state: 'detached' });
    expect(admin.errors).toEqual([]);
  });

  it('refuses a key directory the server altered, with a blocking error naming the person', async () => {
    const { page } = admin;
    await page.route('**/api/keys/statements?*', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { statements: { signed: { statement: { name: string } } }[] };
      const victim = body.statements[1];
      if (victim) {
        victim.signed.statement.name = 'Mallory Impostor';
      }
      await route.fulfill({ response, json: body });
    });
    // A fresh page: the directory this tab proved before is kept in memory, and would only be extended.
    await page.goto(`${booted.origin}/people`);
    const error = page.getByTestId('directory-error');
    await expect.poll(() => error.textContent()).toContain('Mallory Impostor');
    expect(await error.textContent()).toContain('log position 1');
    expect(await error.textContent()).toContain('Not in the log');
    expect(await page.getByTestId('people-list').count()).toBe(0);
    await page.screenshot({ path: artifactPath('identity-17-directory-refused.png'), fullPage: true });
    await page.unroute('**/api/keys/statements?*');
    expect(admin.errors).toEqual([]);
  });
});
