import { expect } from 'vitest';
import { artifactPath } from './browser';
import type { PersonBrowser } from './e2e-browser';

/**
 * Opens an invitation link, checks what it says, and enrols with the passkey of the profile
 * (choosing `passphrase` when the passkey has no PRF); returns the recovery key as shown.
 * `screenshots` prefixes the saved screenshots.
 */
export const enrolThroughLink = async (
  person: PersonBrowser,
  link: string,
  expected: { name: string; party: string; role: string; inviter: string },
  screenshots: string,
  passphrase?: string,
): Promise<string> => {
  const { page } = person;
  await page.goto(link);
  await page.getByTestId('create-passkey').waitFor();
  // The token travels in the fragment only, and leaves the address bar at once.
  expect(new URL(page.url()).hash).toBe('');
  expect(await page.getByTestId('invitation-name').textContent()).toBe(expected.name);
  expect(await page.getByTestId('invitation-party').textContent()).toBe(expected.party);
  expect(await page.getByTestId('invitation-role').textContent()).toBe(expected.role);
  expect(await page.getByTestId('invitation-inviter').textContent()).toBe(expected.inviter);
  await page.screenshot({ path: artifactPath(`${screenshots}-invitation.png`), fullPage: true });
  await page.getByTestId('create-passkey').click();
  if (passphrase !== undefined) {
    await page.getByTestId('passphrase-form').waitFor();
    await page.getByTestId('passphrase-input').fill(passphrase);
    await page.getByTestId('passphrase-confirm').fill(passphrase);
    await page.screenshot({ path: artifactPath(`${screenshots}-passphrase.png`), fullPage: true });
    await page.getByRole('button', { name: 'Set passphrase and finish' }).click();
  }
  const recoveryKey = page.getByTestId('recovery-key');
  await recoveryKey.waitFor({ timeout: 60_000 });
  const text = (await recoveryKey.textContent()) ?? '';
  expect(text.replace(/\s/g, '')).toMatch(/^[0-9A-Z]{55}$/);
  await page.screenshot({ path: artifactPath(`${screenshots}-recovery-key.png`), fullPage: true });
  await page.getByLabel('I have stored it').check();
  await page.getByTestId('recovery-continue').click();
  return text;
};

/** Signs in with the profile's passkey (no user name typed). */
export const signIn = async (person: PersonBrowser, origin: string) => {
  await person.page.goto(`${origin}/`);
  await person.page.getByTestId('sign-in').click();
  await person.page.getByTestId('signed-in-as').waitFor();
};

/** Where the browser keeps anything: only public log state, inviter names and upload versions, never a key. */
export const storedKeys = async (person: PersonBrowser) =>
  person.page.evaluate(async () => ({
    localStorage: Object.keys(localStorage),
    sessionStorage: Object.keys(sessionStorage),
    indexedDb: (await indexedDB.databases()).map((database) => database.name ?? ''),
  }));

/** Records the bodies the page posts to the passkey verify routes, to check no PRF output leaves. */
export const recordCeremonyBodies = (person: PersonBrowser): string[] => {
  const bodies: string[] = [];
  person.page.on('request', (request) => {
    if (/\/api\/(enrolment|session|passkeys)\/verify$/.test(request.url())) {
      bodies.push(request.postData() ?? '');
    }
  });
  return bodies;
};
