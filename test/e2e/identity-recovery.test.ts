import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, HAS_BROWSER, launchChromium } from '../helpers/browser';
import { copyPasskeys, openPersonBrowser, type PersonBrowser } from '../helpers/e2e-browser';
import { enrolThroughLink, signIn, storedKeys } from '../helpers/e2e-identity-flows';
import { type BootstrappedServer, startBootstrappedServer } from '../helpers/e2e-server';

const ADMIN = { name: 'Noor Haddad', party: 'Office of the First Lady (US)' };
const STAFF = { name: 'Lev Petrenko', party: 'Office of the First Lady (US)' };
const STAFF_PASSPHRASE = 'correct horse battery staple';

/** Changes one character of a recovery key so its checksum no longer matches. */
const mistype = (recoveryKey: string): string => recoveryKey.replace(/[0-9A-Z]/, (c) => (c === 'A' ? 'B' : 'A'));

describe.skipIf(!HAS_BROWSER)('unlocking without PRF: recovery key on a new device, passphrase', () => {
  let booted: BootstrappedServer;
  let browser: Browser;
  const people: PersonBrowser[] = [];

  beforeAll(async () => {
    booted = await startBootstrappedServer(ADMIN);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await booted?.server.shutdown();
  });

  it('unlocks with the typed recovery key, the recovered keys endorse, a PRF-less invitee uses a passphrase', async () => {
    const { origin, adminLink } = booted;
    const firstDevice = await openPersonBrowser(browser, { hasPrf: true });
    people.push(firstDevice);
    const recoveryKey = await enrolThroughLink(
      firstDevice,
      adminLink,
      { ...ADMIN, role: 'admin', inviter: 'operator bootstrap' },
      'recovery-01-enrol',
    );
    await firstDevice.page.getByTestId('home-unlocked').waitFor();

    // A new browser profile whose authenticator holds the same passkey, but no PRF.
    const newDevice = await openPersonBrowser(browser, { hasPrf: false });
    people.push(newDevice);
    expect(await copyPasskeys(firstDevice, newDevice)).toBe(1);
    await signIn(newDevice, origin);
    expect(await newDevice.page.getByTestId('signed-in-as').textContent()).toContain(ADMIN.name);

    // This browser has no log pin (no invitation link opened here): it asks for the operator's
    // `npm run admin -- log-key` output once, refuses text that is not a key, and never asks the server.
    const pinScreen = newDevice.page.getByTestId('log-pin-screen');
    await pinScreen.waitFor();
    const { verifierKey, origin: logOrigin, legacyBefore } = booted.logPin;
    await newDevice.page.getByTestId('log-pin-input').fill(`verifier key: ${verifierKey.slice(0, -4)}AAA=`);
    await newDevice.page.getByTestId('log-pin-submit').click();
    await expect.poll(() => newDevice.page.getByTestId('log-pin-error').textContent()).toContain('not a log key');
    await newDevice.page.screenshot({ path: artifactPath('recovery-02-log-pin-refused.png'), fullPage: true });
    await newDevice.page
      .getByTestId('log-pin-input')
      .fill(`origin: ${logOrigin}\nverifier key: ${verifierKey}\nlegacy statements before: ${legacyBefore}\n`);
    await newDevice.page.getByTestId('log-pin-submit').click();
    await pinScreen.waitFor({ state: 'detached' });
    const panel = newDevice.page.getByTestId('unlock-panel');
    await expect.poll(() => panel.textContent()).toContain('gives no PRF output on this device');
    expect(await newDevice.page.getByTestId('unlock-passkey').count()).toBe(0);
    expect(await newDevice.page.getByTestId('key-status').textContent()).toBe('Locked — unlock');
    await newDevice.page.screenshot({
      path: artifactPath('recovery-02-new-device-locked-after-pin.png'),
      fullPage: true,
    });

    // A typing mistake is caught by the checksum, before anything is decrypted.
    await newDevice.page.getByLabel('Recovery key').fill(mistype(recoveryKey));
    await newDevice.page.getByTestId('unlock-recovery-submit').click();
    await expect
      .poll(() => newDevice.page.getByTestId('unlock-recovery-error').textContent())
      .toContain('typing mistake');
    await newDevice.page.screenshot({ path: artifactPath('recovery-03-typing-mistake.png'), fullPage: true });

    await newDevice.page.getByLabel('Recovery key').fill(recoveryKey.toLowerCase());
    await newDevice.page.getByTestId('unlock-recovery-submit').click();
    await newDevice.page.getByTestId('home-unlocked').waitFor();
    expect(await newDevice.page.getByTestId('key-status').textContent()).toBe('Keys unlocked');
    await newDevice.page.screenshot({ path: artifactPath('recovery-04-unlocked.png'), fullPage: true });

    // The recovered keys are the real ones: the directory accepts an endorsement they sign.
    await newDevice.page.getByRole('link', { name: 'Invitations' }).click();
    await newDevice.page.getByRole('heading', { name: 'Invitations', level: 1 }).waitFor();
    expect(await newDevice.page.getByTestId('invite-party').textContent()).toContain(STAFF.party);
    await newDevice.page.getByLabel('Role', { exact: true }).selectOption('staff');
    await newDevice.page.getByLabel('Name', { exact: true }).fill(STAFF.name);
    await newDevice.page.getByTestId('create-invitation').click();
    const staffLink = await newDevice.page.getByTestId('invitation-link').inputValue();
    // The admin's browser hands on the pin it holds (pasted above) in the link's fragment.
    expect(staffLink).toContain(`&log=${encodeURIComponent(verifierKey)}&legacy=0`);
    const staff = await openPersonBrowser(browser, { hasPrf: false });
    people.push(staff);
    await enrolThroughLink(
      staff,
      staffLink,
      { ...STAFF, role: 'staff', inviter: ADMIN.name },
      'recovery-05-staff',
      STAFF_PASSPHRASE,
    );
    await newDevice.page.getByRole('link', { name: 'Endorsements' }).click();
    const staffRow = newDevice.page.getByTestId('pending-row').filter({ hasText: STAFF.name });
    await staffRow.getByTestId('compared').check();
    await staffRow.getByTestId('endorse').click();
    await newDevice.page.getByTestId('confirm-button').click();
    await newDevice.page.getByTestId('no-pending').waitFor();
    await newDevice.page.getByRole('link', { name: 'People', exact: true }).click();
    await expect
      .poll(() => newDevice.page.getByTestId('person-row').filter({ hasText: STAFF.name }).textContent())
      .toContain('active');
    await newDevice.page.screenshot({ path: artifactPath('recovery-06-endorsed-from-new-device.png'), fullPage: true });

    // The staff member's passkey has no PRF: after signing in again they unlock with the passphrase.
    await staff.page.getByTestId('pending-refresh').click();
    await staff.page.getByTestId('pending-notice').waitFor({ state: 'detached' });
    await staff.page.getByTestId('sign-out').click();
    await signIn(staff, origin);
    await staff.page.getByTestId('unlock-passphrase-input').fill('not the passphrase');
    await staff.page.getByTestId('unlock-passphrase-submit').click();
    await expect.poll(() => staff.page.getByTestId('unlock-passphrase-error').textContent()).toBe('Wrong passphrase');
    await staff.page.getByTestId('unlock-passphrase-input').fill(STAFF_PASSPHRASE);
    await staff.page.getByTestId('unlock-passphrase-submit').click();
    await staff.page.getByTestId('home-unlocked').waitFor({ timeout: 60_000 });
    await staff.page.screenshot({
      path: artifactPath('recovery-07-staff-unlocked-with-passphrase.png'),
      fullPage: true,
    });

    const stored = await storedKeys(newDevice);
    expect(stored.localStorage.every((key) => /^parley\.(log|inviter|uploads)\./.test(key))).toBe(true);
    expect(stored.indexedDb).toEqual([]);
    for (const person of people) {
      expect(person.errors).toEqual([]);
    }
  });
});
