import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, HAS_BROWSER, launchChromium } from '../helpers/browser';
import { openPersonBrowser, type PersonBrowser } from '../helpers/e2e-browser';
import { enrolThroughLink, signIn } from '../helpers/e2e-identity-flows';
import { type BootstrappedServer, startBootstrappedServer } from '../helpers/e2e-server';

const ADMIN = { name: 'Ines Moreau', party: 'Office of the Mediator (Lyonesse)' };

/** The person's stored vault copies, as the server lists them: kind and passkey. */
const vaultCopies = (person: PersonBrowser) =>
  person.page.evaluate(async () => {
    const { vaults } = await fetch('/api/vault').then((reply) => reply.json());
    return (vaults as { vault: { kind: string; credentialId: string } }[]).map(({ vault }) => vault);
  });

describe.skipIf(!HAS_BROWSER)('managing one’s passkeys and passphrase (issue 16)', () => {
  let booted: BootstrappedServer;
  let browser: Browser;
  let person: PersonBrowser;

  beforeAll(async () => {
    booted = await startBootstrappedServer(ADMIN);
    browser = await launchChromium();
    person = await openPersonBrowser(browser, { hasPrf: true });
    await enrolThroughLink(
      person,
      booted.adminLink,
      { ...ADMIN, role: 'admin', inviter: 'operator bootstrap' },
      'passkeys-00-enrol',
    );
    await person.page.getByTestId('home-unlocked').waitFor({ timeout: 60_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await booted?.server.shutdown();
  });

  it('adds a passkey that unlocks by itself, renames it, and removes the first, ending its session', async () => {
    const { page } = person;
    // In the app, not by loading the page: a load would lock the keys.
    await page.getByTestId('account-link').click();
    await page.getByTestId('passkey-row').first().waitFor({ timeout: 60_000 });
    const first = (await page.getByTestId('passkey-row').first().getAttribute('data-credential')) ?? '';
    expect(await page.getByTestId('passkey-row').count()).toBe(1);

    // The new passkey is made on another authenticator (the server excludes this one's passkey, so
    // an authenticator never holds two for one person), as on a second device plugged in.
    await person.cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: person.authenticatorId });
    const { authenticatorId: secondAuthenticator } = await person.cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        ctap2Version: 'ctap2_1',
        transport: 'usb',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
        hasPrf: true,
      },
    });
    await page.getByTestId('add-passkey').click();
    await expect
      .poll(() => page.getByTestId('passkey-notice').textContent(), { timeout: 60_000 })
      .toContain('unlocks your keys by itself');
    await expect.poll(() => page.getByTestId('passkey-row').count()).toBe(2);
    const rows = await page
      .getByTestId('passkey-row')
      .evaluateAll((all) => all.map((row) => row.dataset['credential']));
    const second = rows.find((id) => id !== first) ?? '';
    expect(second).not.toBe('');
    // The new passkey has its own sealed copy of the keys, so it unlocks without a secret.
    expect(await vaultCopies(person)).toContainEqual({ kind: 'prf', credentialId: second, blob: expect.any(String) });

    const secondRow = page.locator(`[data-testid="passkey-row"][data-credential="${second}"]`);
    await secondRow.getByTestId('rename-passkey').click();
    await secondRow.getByTestId('passkey-name-input').fill('Travel laptop');
    await secondRow.getByTestId('passkey-name-save').click();
    await expect.poll(() => secondRow.getByTestId('passkey-name').textContent()).toBe('Travel laptop');
    await page.screenshot({ path: artifactPath('passkeys-01-two.png'), fullPage: true });

    // Removing the passkey this session was started with ends the session.
    const firstRow = page.locator(`[data-testid="passkey-row"][data-credential="${first}"]`);
    await firstRow.getByTestId('remove-passkey').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await page.getByRole('alert').filter({ hasText: 'Sign in first' }).waitFor({ timeout: 60_000 });

    // The authenticator left holds only the second passkey, which signs in and unlocks by itself.
    const { credentials } = await person.cdp.send('WebAuthn.getCredentials', { authenticatorId: secondAuthenticator });
    expect(
      credentials.map((credential) => Buffer.from(credential.credentialId, 'base64').toString('base64url')),
    ).toEqual([second]);
    await signIn(person, booted.origin);
    await page.getByTestId('home-unlocked').waitFor({ timeout: 60_000 });
    await page.getByTestId('account-link').click();
    await expect.poll(() => page.getByTestId('passkey-row').count(), { timeout: 60_000 }).toBe(1);
    expect(await page.getByTestId('passkey-row').getAttribute('data-credential')).toBe(second);
    expect(await page.getByTestId('passkey-row').textContent()).toContain('you signed in with this one');
    // Its name was kept in this browser, across the sign-out and the page loads.
    expect(await page.getByTestId('passkey-name').textContent()).toBe('Travel laptop');
    expect(await page.getByTestId('remove-passkey').count()).toBe(0);
    expect(person.errors).toEqual([]);
  });

  it('refuses two different passphrases, then seals the keys under a new one', async () => {
    const { page } = person;
    await page.getByTestId('passphrase-new').fill('seven silver lanterns over the river');
    await page.getByTestId('passphrase-repeat').fill('seven silver lanterns over the rivers');
    await page.getByTestId('passphrase-save').click();
    await expect
      .poll(async () => (await page.getByRole('alert').allTextContents()).join(' '))
      .toContain('The two passphrases differ');
    expect((await vaultCopies(person)).filter((copy) => copy.kind === 'passphrase')).toEqual([]);

    await page.getByTestId('passphrase-repeat').fill('seven silver lanterns over the river');
    await page.getByTestId('passphrase-save').click();
    await page.getByTestId('passphrase-saved').waitFor({ timeout: 60_000 });
    expect((await vaultCopies(person)).filter((copy) => copy.kind === 'passphrase')).toHaveLength(1);
    expect(person.errors).toEqual([]);
  });
});
