import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endorseEnrolment } from '../../client/sdk/admin-operations';
import { invitationRoutes, keyRoutes } from '../../shared/api/identity';
import { recoveryRoutes } from '../../shared/api/recovery';
import { withLogPin } from '../../shared/log/log-pin-text';
import { artifactPath, HAS_BROWSER, launchChromium } from '../helpers/browser';
import { openPersonBrowser, type PersonBrowser } from '../helpers/e2e-browser';
import {
  type EntriesServer,
  enrolSdkAdmin,
  type SdkAdmin,
  startEntriesServer,
  startParty,
} from '../helpers/e2e-entries';
import { enrolThroughLink } from '../helpers/e2e-identity-flows';
import { openThreadInBrowser } from '../helpers/e2e-workflows';

const ADMIN = { name: 'Avery Lindqvist', party: 'Ukrainian Parliament Commissioner for Human Rights' };
const PARTY_B = "Commissioner for Children's Rights (RF)";
const ENVOY = 'Dmytro Lubinets';
const LETTER = { subject: 'Before the loss', body: 'Excellency, this letter was sealed before the passkey was lost.' };

const shot = (person: PersonBrowser, name: string) =>
  person.page.screenshot({ path: artifactPath(`account-recovery-${name}.png`), fullPage: true });

describe.skipIf(!HAS_BROWSER)(
  'a person who lost their passkey recovers on a new browser (issue 16, Must show 6)',
  () => {
    let booted: EntriesServer;
    let browser: Browser;
    let admin: SdkAdmin;
    let oldDevice: PersonBrowser;
    let recoveryKey: string;
    let personId: string;
    let threadId: string;

    beforeAll(async () => {
      booted = await startEntriesServer(ADMIN);
      browser = await launchChromium();
      admin = await enrolSdkAdmin(booted, ADMIN.name);
      await startParty(booted, PARTY_B, 'Anna Kuznetsova');
      const { link } = await admin.http.api(invitationRoutes.createInvitation, {
        body: { partyId: admin.partyId, role: 'envoy', name: ENVOY },
      });
      oldDevice = await openPersonBrowser(browser, { hasPrf: true });
      recoveryKey = await enrolThroughLink(
        oldDevice,
        withLogPin(link, admin.logPin),
        { name: ENVOY, party: admin.partyName, role: 'envoy', inviter: admin.name },
        'account-recovery-00-enrol',
      );
      const { pending } = await admin.http.api(keyRoutes.listPendingEnrolments);
      personId = pending.find((candidate) => candidate.person.name === ENVOY)?.person.id ?? '';
      await endorseEnrolment(admin.http, admin.keyring.signer(admin.personId), personId);
      await oldDevice.page.getByTestId('pending-refresh').click();
      await oldDevice.page.getByTestId('home-unlocked').waitFor();
    });
    afterAll(async () => {
      await browser?.close();
      await booted?.cleanup();
    });

    it('writes a letter on the first device', async () => {
      const { page } = oldDevice;
      threadId = await openThreadInBrowser(page, { subject: 'Recovery check', party: PARTY_B });
      await page.getByTestId('letter-subject-input').fill(LETTER.subject);
      await page.getByTestId('letter-body-input').fill(LETTER.body);
      await expect.poll(() => page.getByTestId('recipient-ok').count()).toBe(1);
      await page.getByTestId('letter-submit').click();
      await page.getByText(LETTER.body).waitFor({ timeout: 60_000 });
      // The device is lost only once the server has logged the letter: the opening and the letter.
      await expect.poll(() => page.getByText(/in the log at position \d+/).count(), { timeout: 60_000 }).toBe(2);
      await oldDevice.context.close();
    });

    it('recovers through the admin’s one-time link on a new browser with the recovery key, and reads the old letter', async () => {
      const { link } = await admin.http.api(recoveryRoutes.createRecovery, { params: { personId } });
      expect(link).toMatch(/\/recover#[A-Za-z0-9_-]{43}$/);
      // A new browser profile whose authenticator has none of the old passkeys.
      const newDevice = await openPersonBrowser(browser, { hasPrf: true });
      await newDevice.page.goto(withLogPin(link, admin.logPin));
      await newDevice.page.getByTestId('recover-create-passkey').waitFor();
      expect(await newDevice.page.getByTestId('recover-page').textContent()).toContain(ENVOY);
      await shot(newDevice, '01-link');
      await newDevice.page.getByTestId('recover-create-passkey').click();
      // Signed in as the same person, keys locked: only the recovery key opens them.
      await newDevice.page.getByLabel('Recovery key').waitFor({ timeout: 60_000 });
      expect(await newDevice.page.getByTestId('signed-in-as').textContent()).toContain(ENVOY);
      const session = await newDevice.page.evaluate(() => fetch('/api/session').then((reply) => reply.json()));
      expect(session.session.person.id).toBe(personId);
      await newDevice.page.getByLabel('Recovery key').fill(recoveryKey);
      await newDevice.page.getByTestId('unlock-recovery-submit').click();
      await newDevice.page.getByTestId('home-unlocked').waitFor({ timeout: 60_000 });
      await shot(newDevice, '02-unlocked');

      await newDevice.page.getByRole('link', { name: 'Threads', exact: true }).click();
      await newDevice.page.getByTestId('thread-link').filter({ hasText: 'Recovery check' }).click();
      await newDevice.page.getByText(LETTER.body).waitFor({ timeout: 60_000 });
      expect(new URL(newDevice.page.url()).pathname).toBe(`/threads/${threadId}`);
      await shot(newDevice, '03-old-letter');
      expect(newDevice.errors).toEqual([]);

      // Opening the keys with the recovery key sealed them to the new passkey too: after a reload
      // the passkey alone unlocks, without the recovery key.
      const copies = await newDevice.page.evaluate(async () => {
        const { session: current } = await fetch('/api/session').then((reply) => reply.json());
        const { vaults } = await fetch('/api/vault').then((reply) => reply.json());
        return vaults
          .filter((copy: { vault: { kind: string; credentialId: string } }) => copy.vault.kind === 'prf')
          .map((copy: { vault: { credentialId: string } }) => copy.vault.credentialId === current.credentialId);
      });
      expect(copies).toContain(true);
      await newDevice.page.reload();
      await newDevice.page.getByTestId('key-status').click({ timeout: 60_000 });
      await newDevice.page.getByTestId('unlock-passkey').click({ timeout: 60_000 });
      await newDevice.page.getByTestId('unlocked').waitFor({ timeout: 60_000 });
      expect(newDevice.errors).toEqual([]);

      // The link works once.
      const token = link.split('#')[1] ?? '';
      const again = await newDevice.page.evaluate(
        (body) =>
          fetch('/api/recovery/options', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          }).then(async (reply) => ({ status: reply.status, type: (await reply.json()).type })),
        { token },
      );
      expect(again).toEqual({ status: 403, type: '/problems/invitation-invalid' });
    });
  },
);
