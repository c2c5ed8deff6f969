import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParleyPerson } from '../../client/sdk/parley-person';
import { CosignatureCollector } from '../../server/witness-collector/cosignature-collector';
import { invitationRoutes } from '../../shared/api/identity';
import { recoveryRoutes } from '../../shared/api/recovery';
import { withLogPin } from '../../shared/log/log-pin-text';
import { witnessKeyHash } from '../../shared/witness/witness-key-hash';
import { artifactPath, HAS_BROWSER, launchChromium } from '../helpers/browser';
import { openPersonBrowser } from '../helpers/e2e-browser';
import {
  type BrowserPerson,
  type EntriesServer,
  enrolBrowserPerson,
  enrolSdkAdmin,
  type SdkAdmin,
  startEntriesServer,
} from '../helpers/e2e-entries';
import { openThread, openThreadInBrowser } from '../helpers/e2e-workflows';
import { freePort } from '../helpers/ports';
import { bootstrapAdminInvitation } from '../helpers/sdk-bootstrap';
import { type RunningWitness, startWitness } from '../helpers/witness-process';

const PARTY_A = { party: 'Republic of Avalon', name: 'Ada Admin' };
const PARTY_B = 'Kingdom of Lyonesse';
const SUBJECT = 'Pinned by hand';
const PINS_KEY = 'parley.log.witnesses.v1';

const storedPins = (page: Page) => page.evaluate((key) => localStorage.getItem(key), PINS_KEY);
const cells = (page: Page, testId: string) => page.getByTestId(testId).allTextContents();

/*
 * Issue 14, the browser's witness pins (docs/PROTOCOL.md §9.3): a browser with no pins takes the
 * witness keys the person pastes on the log page, shows them, and then calls a thread witnessed;
 * an invitation link's damaged witness keys are an error on the enrol page, and other keys than
 * the held ones a warning, the held pins unchanged.
 */
describe.skipIf(!HAS_BROWSER)('witness pins in Chromium: pasted on the log page, and from links', () => {
  let booted: EntriesServer;
  let browser: Browser;
  let adminA: SdkAdmin;
  let envoyA: BrowserPerson;
  let parties: { a: string; b: string };
  let directory: string;
  const witnesses: RunningWitness[] = [];
  let collector: CosignatureCollector | undefined;

  const invitationLink = async (name: string, witnessesParam: string) => {
    const { link } = await adminA.http.api(invitationRoutes.createInvitation, {
      body: { partyId: adminA.partyId, role: 'envoy', name },
    });
    return `${withLogPin(link, adminA.logPin)}&witnesses=${witnessesParam}`;
  };

  beforeAll(async () => {
    booted = await startEntriesServer(PARTY_A);
    browser = await launchChromium();
    adminA = await enrolSdkAdmin(booted, PARTY_A.name);
    const { link, partyId } = await bootstrapAdminInvitation(booted.server, PARTY_B, 'Bea Admin');
    const adminB = await ParleyPerson.enrol(booted.server.url, link, { origin: booted.origin });
    const envoyB = await ParleyPerson.enrol(
      booted.server.url,
      await adminB.invite({ partyId, role: 'envoy', name: 'Bo Envoy' }),
      { origin: booted.origin },
    );
    await adminB.endorse(envoyB.personId);
    envoyA = await enrolBrowserPerson(browser, adminA, { role: 'envoy', name: 'Eve Envoy' }, 'witness-pins-00');
    parties = { a: adminA.partyId, b: partyId };
    directory = mkdtempSync(join(tmpdir(), 'parley-e2e-witness-pins-'));
    const { log, database } = booted.server;
    const targets = [];
    for (const [index, party] of ['a', 'b'].entries()) {
      const port = await freePort();
      const witness = await startWitness({
        name: `witness.party-${party}.test/w1`,
        seedByte: 51 + index,
        port,
        directory,
        logVerifierKey: log.signer.verifierKey,
      });
      witnesses.push(witness);
      targets.push({ key: witness.witness.signer.key, url: `http://127.0.0.1:${port}` });
    }
    collector = new CosignatureCollector(database.db, log, targets, pino({ level: 'silent' }));
  });
  afterAll(async () => {
    await collector?.stop();
    await Promise.all(witnesses.map((witness) => witness.stop()));
    await browser?.close();
    await booted?.cleanup();
    rmSync(directory, { recursive: true, force: true });
  });

  it('pins pasted witness keys on the log page, then shows a thread it reads as witnessed', async () => {
    const { page } = envoyA;
    await openThreadInBrowser(page, { subject: SUBJECT, party: PARTY_B });
    collector?.poke();
    await collector?.settled();
    await page.getByRole('link', { name: 'Log' }).click();
    await page.getByTestId('witness-pins-none').waitFor();
    expect(await storedPins(page)).toBeNull();
    // Nothing prefills the keys: only the person's paste is an input.
    expect(await page.getByTestId('witness-pins-text').inputValue()).toBe('');

    const [a, b] = witnesses.map((witness) => witness.verifierKey);
    await page.getByTestId('witness-pins-text').fill(`${parties.a}=${a}\nparty-b=${b?.slice(0, -6)}`);
    await page.getByTestId('witness-pins-submit').click();
    expect(await page.getByTestId('witness-pins-error').textContent()).toMatch(
      /^Line 2 is not a witness key: witness pin "party-b=witness\.party-b\.test\/w1\+.*Nothing was changed\.$/,
    );
    expect(await storedPins(page)).toBeNull();
    expect(await page.getByTestId('witness-pins-none').count()).toBe(1);

    await page.getByTestId('witness-pins-text').fill(`${parties.a}=${a}\n${parties.b}=${b}\n`);
    await page.getByTestId('witness-pins-submit').click();
    await page.getByTestId('witness-pins-held').waitFor();
    expect(await page.getByTestId('witness-pins-error').count()).toBe(0);
    expect(await cells(page, 'witness-pins-held-name')).toEqual(['witness.party-a.test/w1', 'witness.party-b.test/w1']);
    expect(await cells(page, 'witness-pins-held-party')).toEqual([parties.a, parties.b]);
    expect(await cells(page, 'witness-pins-held-hash')).toEqual(
      witnesses.map((witness) => witnessKeyHash(witness.witness.signer.key)),
    );
    expect(await page.getByTestId('witness-pins-source').textContent()).toMatch(/^Pasted by you, 20\d\d-/);
    await expect.poll(() => page.getByTestId('log-witnessed').textContent()).toMatch(/^Witnessed by /);
    await page.screenshot({ path: artifactPath('witness-pins-01-pasted.png'), fullPage: true });

    await openThread(envoyA, SUBJECT);
    await expect
      .poll(() => page.getByTestId('stream-witnessed').textContent())
      .toMatch(/^Witnessed by witness\.party-a\.test\/w1, witness\.party-b\.test\/w1 up to log position \d+$/);
    await page.screenshot({ path: artifactPath('witness-pins-02-thread-witnessed.png'), fullPage: true });
    expect(envoyA.errors).toEqual([]);
  });

  it('replaces held keys only through a confirm step showing old and new; cancelling keeps them', async () => {
    const { page } = envoyA;
    await page.getByRole('link', { name: 'Log' }).click();
    const before = await storedPins(page);
    await page.getByTestId('witness-pins-replace').click();
    await page.getByTestId('witness-pins-text').fill(`${parties.a}=${witnesses[0]?.verifierKey}`);
    await page.getByTestId('witness-pins-submit').click();
    await page.getByTestId('witness-pins-confirm').waitFor();
    expect(await cells(page, 'witness-pins-old-name')).toEqual(['witness.party-a.test/w1', 'witness.party-b.test/w1']);
    expect(await cells(page, 'witness-pins-new-name')).toEqual(['witness.party-a.test/w1']);
    await page.screenshot({ path: artifactPath('witness-pins-03-confirm-replace.png'), fullPage: true });
    expect(await storedPins(page)).toBe(before);
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByTestId('witness-pins-confirm').count()).toBe(0);
    expect(await storedPins(page)).toBe(before);
    expect(await cells(page, 'witness-pins-held-name')).toHaveLength(2);
  });

  it('warns when an invitation link names other witness keys, and keeps the held ones', async () => {
    const { page } = envoyA;
    const before = await storedPins(page);
    const other = `${parties.a}=${witnesses[1]?.verifierKey}`;
    await page.goto(await invitationLink('Ivo Invitee', encodeURIComponent(other)));
    const warning = page.getByTestId('invitation-witnesses-conflict');
    await warning.waitFor();
    expect(await warning.locator('p').textContent()).toBe(
      "This link names other witness keys than the ones this browser pins. The keys held stay: a link never replaces them. To change them, confirm the new keys with the witnesses' operators and replace them on the Log page.",
    );
    expect(await cells(page, 'invitation-witnesses-offered-name')).toEqual(['witness.party-b.test/w1']);
    // The invitation itself still proceeds; the held pins are untouched.
    await page.getByTestId('create-passkey').waitFor();
    expect(await storedPins(page)).toBe(before);
    expect(JSON.parse(before ?? '{}')).toMatchObject({ source: 'entered' });
    await page.screenshot({ path: artifactPath('witness-pins-04-link-conflict.png'), fullPage: true });
  });

  it('lists the held keys again after a reload, and forgets them only after a confirm step', async () => {
    const { page } = envoyA;
    await page.goto(`${booted.origin}/log`);
    await page.getByTestId('witness-pins-held').waitFor();
    expect(await cells(page, 'witness-pins-held-name')).toEqual(['witness.party-a.test/w1', 'witness.party-b.test/w1']);
    await page.getByTestId('witness-pins-forget').click();
    await page.getByTestId('witness-pins-forget-confirm').waitFor();
    expect(await storedPins(page)).not.toBeNull();
    await page.getByTestId('witness-pins-confirm-forget').click();
    await page.getByTestId('witness-pins-none').waitFor();
    expect(await storedPins(page)).toBeNull();
    expect(await page.getByTestId('log-witnessed').textContent()).toBe(
      'No witnesses pinned: entries cannot be shown as witnessed.',
    );
    expect(await page.getByTestId('witness-pins-text').inputValue()).toBe('');
    expect(envoyA.errors).toEqual([]);
  });

  it('shows the reason for an invitation link with damaged witness keys, and pins nothing', async () => {
    const person = await openPersonBrowser(browser, { hasPrf: true });
    try {
      const { page } = person;
      await page.goto(await invitationLink('Uma Unpinned', encodeURIComponent('party-a=witness.bad+0000+AAAA')));
      const error = page.getByTestId('invitation-witnesses-error');
      await error.waitFor();
      expect(await error.textContent()).toBe(
        'The witness keys in this link are damaged (witness pin "party-a=witness.bad+0000+AAAA": witness key ID is not 8 lowercase hex digits), so this browser pinned none from it. You can still accept the invitation, but no entry will be shown as witnessed until the right keys are pinned: ask the sender for them and paste them on the Log page, or open a correct link.',
      );
      await page.getByTestId('create-passkey').waitFor();
      expect(new URL(page.url()).hash).toBe('');
      expect(await storedPins(page)).toBeNull();
      expect(await page.getByTestId('invitation-witnesses-conflict').count()).toBe(0);
      await page.screenshot({ path: artifactPath('witness-pins-05-link-damaged.png'), fullPage: true });
      expect(person.errors).toEqual([]);
    } finally {
      await person.context.close();
    }
  });
  it("shows the reason on the recovery page too, where a new browser takes a link's witness keys", async () => {
    const person = await openPersonBrowser(browser, { hasPrf: true });
    try {
      const { page } = person;
      const { link } = await adminA.http.api(recoveryRoutes.createRecovery, { params: { personId: envoyA.personId } });
      await page.goto(`${withLogPin(link, adminA.logPin)}&witnesses=${encodeURIComponent('witness.bad')}`);
      const error = page.getByTestId('invitation-witnesses-error');
      await error.waitFor();
      expect(await error.textContent()).toMatch(
        /^The witness keys in this link are damaged \(witness pin "witness\.bad": witness key is not <name>\+<key ID>\+<key>\), so this browser pinned none from it\. You can still recover your account, /,
      );
      await page.getByTestId('recover-create-passkey').waitFor();
      expect(await storedPins(page)).toBeNull();
      expect(person.errors).toEqual([]);
    } finally {
      await person.context.close();
    }
  });
});
