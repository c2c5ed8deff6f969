import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { toBase64url } from '../../shared/encoding/bytes';
import { artifactPath, HAS_BROWSER, launchChromium } from '../helpers/browser';
import {
  type BrowserPerson,
  type EntriesServer,
  enrolBrowserPerson,
  enrolSdkAdmin,
  startEntriesServer,
  startParty,
} from '../helpers/e2e-entries';
import { enrolSdkMember } from '../helpers/e2e-workflows';
import { childRecord, meetingMinutes } from '../helpers/sdk-entries';

const ADMIN = { name: 'Avery Lindqvist', party: 'Ukrainian Parliament Commissioner for Human Rights' };
const PARTY_C = 'Médiateur indépendant (revue)';
const REFERENCE = 'C-D15C-0SE0-2026-0420';
/** What each entry says; only the minutes are ever disclosed, so only they may show for the reviewer. */
const SECRETS = {
  child: 'Zlata',
  minutes: 'Handover of the list agreed at the Doha meeting',
  status: 'Seen by the Qatari embassy doctor in Voronezh',
};
const PURPOSE = 'Ombudsman review of the Doha handover minutes';

const shot = (person: BrowserPerson, name: string) =>
  person.page.screenshot({ path: artifactPath(`disclosure-${name}.png`), fullPage: true });

/** What the server hands this browser for the stream: per entry, whether ciphertext came and who it was sealed to. */
const servedEntries = (page: Page, streamId: string) =>
  page.evaluate(async (id) => {
    const reply = await fetch(`/api/streams/${id}/entries`, { headers: { accept: 'application/json' } });
    const body = (await reply.json()) as {
      entries: { entryHash: string; ciphertext?: string; header: { type: string; recipients: { person: string }[] } }[];
    };
    return body.entries.map((entry) => ({
      entryHash: entry.entryHash,
      type: entry.header.type,
      hasCiphertext: entry.ciphertext !== undefined,
      recipients: entry.header.recipients.map((recipient) => recipient.person),
    }));
  }, streamId);

/** The reviewer's view of what was disclosed to them, reached through the app's own links. */
const openDisclosedView = async (person: BrowserPerson) => {
  const { page } = person;
  await page.getByRole('link', { name: 'Cases', exact: true }).click();
  await page.getByTestId('case-row').filter({ hasText: REFERENCE }).getByTestId('case-reference').click();
  await page.getByTestId('timeline').waitFor();
  await page.getByTestId('disclosed-link').click();
  await page.getByTestId('access-rows').waitFor();
};

const accessOf = (page: Page) =>
  page
    .getByTestId('access-row')
    .evaluateAll((rows) => rows.map((row) => [row.getAttribute('data-seq'), row.getAttribute('data-access')]));

describe.skipIf(!HAS_BROWSER)('disclosure in Chromium (issue 6, Must show 4)', () => {
  let booted: EntriesServer;
  let browser: Browser;
  let staff: BrowserPerson;
  let reviewer: BrowserPerson;
  let sdkStaff: ParleyPerson;
  let caseId: string;
  const hashes: Record<'open' | 'minutes' | 'status', string> = { open: '', minutes: '', status: '' };

  beforeAll(async () => {
    booted = await startEntriesServer(ADMIN);
    browser = await launchChromium();
    const adminA = await enrolSdkAdmin(booted, ADMIN.name);
    const adminC = await startParty(booted, PARTY_C, 'Paul Lefèvre');
    const partyA = adminA.partyId;
    staff = await enrolBrowserPerson(
      browser,
      adminA,
      { role: 'staff', name: 'Oksana Hrytsenko' },
      'disclosure-00-staff',
    );
    reviewer = await enrolBrowserPerson(
      browser,
      adminC,
      { role: 'reviewer', name: 'Claire Dubois' },
      'disclosure-00-reviewer',
    );
    sdkStaff = await enrolSdkMember(booted, adminA, { role: 'staff', name: 'Iryna Melnyk' });
    const opened = await sdkStaff.openCase({
      reference: REFERENCE,
      parties: [partyA],
      record: childRecord(SECRETS.child),
    });
    caseId = opened.streamId;
    hashes.open = opened.entryHash;
    hashes.minutes = (
      await sdkStaff.append(caseId, {
        type: 'minutes',
        content: { ...meetingMinutes('Doha handover'), text: SECRETS.minutes },
      })
    ).entryHash;
    hashes.status = (
      await sdkStaff.append(caseId, {
        type: 'status_change',
        content: { type: 'status_change', status: 'identity_verified', note: SECRETS.status },
      })
    ).entryHash;
  });
  afterAll(async () => {
    await browser?.close();
    await booted?.cleanup();
  });

  it('gives a reviewer without disclosure no content and no ciphertext of any entry', async () => {
    await openDisclosedView(reviewer);
    const { page } = reviewer;
    await page.getByTestId('no-disclosures').waitFor();
    expect(await accessOf(page)).toEqual([
      ['1', 'not-disclosed'],
      ['2', 'not-disclosed'],
      ['3', 'not-disclosed'],
    ]);
    expect(await page.getByTestId('access-content').count()).toBe(0);
    const served = await servedEntries(page, caseId);
    expect(served.map((entry) => entry.hasCiphertext)).toEqual([false, false, false]);
    expect(served.some((entry) => entry.recipients.includes(reviewer.personId))).toBe(false);
    await shot(reviewer, '01-before');
    expect(reviewer.errors).toEqual([]);
  });

  it('lets a member disclose one entry from its card, signed, with the key checked against its commitment', async () => {
    const { page } = staff;
    await page.getByRole('link', { name: 'Cases', exact: true }).click();
    await page.getByTestId('case-row').filter({ hasText: REFERENCE }).getByTestId('case-reference').click();
    const minutesCard = page.locator(`#entry-${hashes.minutes}`);
    await minutesCard.getByTestId('disclose-entry-link').click();
    await page.getByTestId('disclose-form').waitFor();
    // Opened from the minutes' card: only they are chosen.
    const boxes = page.getByTestId('disclose-entry').locator('input');
    await expect.poll(() => boxes.count()).toBe(3);
    expect(await boxes.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).checked))).toEqual([
      false,
      true,
      false,
    ]);
    await page.getByTestId('disclose-grantee').selectOption({ label: `${reviewer.name} (reviewer, ${PARTY_C})` });
    await page.getByTestId('disclose-purpose').fill(PURPOSE);
    await expect.poll(() => page.getByTestId('recipient-ok').count()).toBe(1);
    expect(await page.getByTestId('disclose-submit').textContent()).toBe('Sign and disclose 1 entry');
    await shot(staff, '02-disclose-form');
    // A disclosure cannot be withdrawn: the page asks once more before signing.
    await page.getByTestId('disclose-submit').click();
    const [append] = await Promise.all([
      page.waitForResponse(
        (response) => response.url().endsWith('/api/entries') && response.request().method() === 'POST',
      ),
      page.getByTestId('confirm-button').click(),
    ]);
    expect(append.status()).toBe(201);
    const sent = append.request().postDataJSON() as {
      header: { type: string; refs: string[]; meta: { grantee?: string } };
    };
    expect(sent.header.type).toBe('disclosure');
    expect(sent.header.refs).toEqual([hashes.minutes]);
    expect(sent.header.meta.grantee).toBe(reviewer.personId);
    const disclosure = page.locator('[data-testid="timeline-entry"][data-entry-type="disclosure"]');
    await expect.poll(() => disclosure.count(), { timeout: 30_000 }).toBe(1);
    expect(await disclosure.getByTestId('entry-content').textContent()).toContain(PURPOSE);
    await shot(staff, '03-case-with-disclosure');
    expect(staff.errors).toEqual([]);
  });

  it('shows the reviewer exactly the disclosed entry, and the server serves no other ciphertext', async () => {
    await openDisclosedView(reviewer);
    const { page } = reviewer;
    await page.getByTestId('disclosure-grant').waitFor();
    expect(await page.getByTestId('disclosure-grant').textContent()).toContain(PURPOSE);
    expect(await accessOf(page)).toEqual([
      ['1', 'not-disclosed'],
      ['2', 'disclosed'],
      ['3', 'not-disclosed'],
      ['4', 'sealed-to-you'],
    ]);
    const minutes = page.locator('[data-testid="access-row"][data-seq="2"]');
    expect(await minutes.getByTestId('access-state').textContent()).toBe(
      'Disclosed to you: key commitment checked (disclosure #4)',
    );
    expect(await minutes.getByTestId('access-content').textContent()).toContain(SECRETS.minutes);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toContain(SECRETS.child);
    expect(text).not.toContain(SECRETS.status);
    await shot(reviewer, '04-after-one');

    // The ordinary timeline opens it too, and nothing else.
    await page.getByRole('link', { name: 'Back to the timeline' }).click();
    await page.getByTestId('timeline').waitFor();
    await expect.poll(() => page.getByTestId('minutes-text').textContent()).toBe(SECRETS.minutes);
    await expect.poll(() => page.getByTestId('timeline').getByTestId('no-access').count(), { timeout: 30_000 }).toBe(2);
    await expect.poll(() => page.getByTestId('record-no-access').count(), { timeout: 30_000 }).toBe(1);

    const served = await servedEntries(page, caseId);
    expect(served.filter((entry) => entry.hasCiphertext).map((entry) => entry.type)).toEqual(['minutes', 'disclosure']);
    for (const entry of served.filter((item) => item.type !== 'disclosure')) {
      expect(entry.recipients).not.toContain(reviewer.personId);
    }
    const single = await page.evaluate(async (hash) => {
      const reply = await fetch(`/api/entries/${hash}`, { headers: { accept: 'application/json' } });
      return { status: reply.status, hasCiphertext: 'ciphertext' in ((await reply.json()) as object) };
    }, hashes.status);
    expect(single).toEqual({ status: 200, hasCiphertext: false });
    expect(reviewer.errors).toEqual([]);
  });

  it('refuses a disclosed key that is not the one the entry commits to, though the server then serves its ciphertext', async () => {
    // A member hands over 32 random bytes as the status change's key: the server cannot tell.
    const forged = toBase64url(crypto.getRandomValues(new Uint8Array(32)));
    await sdkStaff.append(caseId, {
      type: 'disclosure',
      refs: [hashes.status],
      meta: { grantee: reviewer.personId },
      content: {
        type: 'disclosure',
        grants: [{ entryHash: hashes.status, contentKey: forged }],
        purpose: PURPOSE,
        scope: 'entries',
      },
    });
    await openDisclosedView(reviewer);
    const { page } = reviewer;
    const status = page.locator('[data-testid="access-row"][data-seq="3"]');
    await expect.poll(() => status.getAttribute('data-access')).toBe('refused');
    expect(await status.getByTestId('access-state').textContent()).toContain(
      'the content key is not the one the header commits to',
    );
    expect(await status.getByTestId('access-content').count()).toBe(0);
    expect(((await page.locator('main').textContent()) ?? '').includes(SECRETS.status)).toBe(false);
    const served = await servedEntries(page, caseId);
    expect(served.find((entry) => entry.entryHash === hashes.status)?.hasCiphertext).toBe(true);
    expect(await accessOf(page)).toEqual([
      ['1', 'not-disclosed'],
      ['2', 'disclosed'],
      ['3', 'refused'],
      ['4', 'sealed-to-you'],
      ['5', 'sealed-to-you'],
    ]);
    await shot(reviewer, '05-forged-key-refused');
  });

  it('lets a member disclose the whole case, after which the reviewer opens every entry', async () => {
    const { page } = staff;
    await page.getByTestId('disclose-link').click();
    await page.getByTestId('disclose-form').waitFor();
    await page.getByTestId('disclose-whole-case').check();
    await page.getByTestId('disclose-grantee').selectOption({ label: `${reviewer.name} (reviewer, ${PARTY_C})` });
    await page.getByTestId('disclose-purpose').fill('Full review of the case file');
    await expect.poll(() => page.getByTestId('recipient-ok').count()).toBe(1);
    // The case's three records; the two disclosures are never passed on.
    expect(await page.getByTestId('disclose-submit').textContent()).toBe('Sign and disclose 3 entries');
    await page.getByTestId('disclose-submit').click();
    await page.getByTestId('confirm-button').click();
    await expect
      .poll(() => page.locator('[data-testid="timeline-entry"][data-entry-type="disclosure"]').count(), {
        timeout: 30_000,
      })
      .toBe(3);

    await openDisclosedView(reviewer);
    const view = reviewer.page;
    // The forged key came first; the right key granted later still opens the status change.
    await expect
      .poll(() => accessOf(view))
      .toEqual([
        ['1', 'disclosed'],
        ['2', 'disclosed'],
        ['3', 'disclosed'],
        ['4', 'sealed-to-you'],
        ['5', 'sealed-to-you'],
        ['6', 'sealed-to-you'],
      ]);
    expect(await view.locator('[data-testid="access-row"][data-seq="1"]').textContent()).toContain(SECRETS.child);
    expect(await view.locator('[data-testid="access-row"][data-seq="3"]').textContent()).toContain(`${SECRETS.status}`);
    await shot(reviewer, '06-whole-case');
    expect(staff.errors).toEqual([]);
    expect(reviewer.errors).toEqual([]);
  });
});
