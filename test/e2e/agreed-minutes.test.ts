import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { artifactPath, HAS_BROWSER, launchChromium } from '../helpers/browser';
import {
  type BrowserPerson,
  type EntriesServer,
  enrolBrowserPerson,
  enrolSdkAdmin,
  saveDecrypted,
  startEntriesServer,
  startParty,
} from '../helpers/e2e-entries';
import { cardsOf, enrolSdkMember, openThread, openThreadInBrowser, reloadUntil } from '../helpers/e2e-workflows';
import { pdfText } from '../helpers/pdf-text';
import { entryTablesDigest, flipByte } from '../helpers/sdk-entries';
import { expectProblem } from '../helpers/sdk-people';

const ADMIN = { name: 'Avery Lindqvist', party: 'Ukrainian Parliament Commissioner for Human Rights' };
const PARTY_B = "Commissioner for Children's Rights (RF)";
const SUBJECT = 'Joint verification of the Doha list';
const LETTER = { subject: 'Proposal for a joint check', body: 'Excellency, we propose to check the list jointly.' };
const CLAUSE_1 = 'The parties will verify the identities of the nineteen children on the list jointly.';
const CLAUSE_2 = 'The first handover will take place within thirty days.';
const CLAUSE_2_V2 = 'The first handover will take place within forty-five days.';

const shot = (person: BrowserPerson, name: string) =>
  person.page.screenshot({ path: artifactPath(`agreed-minutes-${name}.png`), fullPage: true });

describe.skipIf(!HAS_BROWSER)('agreed minutes, receipts and disputes in Chromium (issue 6, Must show 2)', () => {
  let booted: EntriesServer;
  let browser: Browser;
  let envoyA: BrowserPerson;
  let envoyB: BrowserPerson;
  let sdkEnvoyB: ParleyPerson;
  let partyB: string;
  let threadId: string;
  let letterHash: string;
  let firstVersion: string;

  beforeAll(async () => {
    booted = await startEntriesServer(ADMIN);
    browser = await launchChromium();
    const adminA = await enrolSdkAdmin(booted, ADMIN.name);
    const adminB = await startParty(booted, PARTY_B, 'Anna Kuznetsova');
    partyB = adminB.partyId;
    envoyA = await enrolBrowserPerson(
      browser,
      adminA,
      { role: 'envoy', name: 'Dmytro Lubinets' },
      'agreed-minutes-00-envoy-a',
    );
    envoyB = await enrolBrowserPerson(
      browser,
      adminB,
      { role: 'envoy', name: 'Mira Sokolova' },
      'agreed-minutes-00-envoy-b',
    );
    sdkEnvoyB = await enrolSdkMember(booted, adminB, { role: 'envoy', name: 'Pavel Orlov' });
  });
  afterAll(async () => {
    await browser?.close();
    await booted?.cleanup();
  });

  it('shows the sender which counterpart acknowledged a letter, and when (receipt, not agreement)', async () => {
    const { page } = envoyA;
    threadId = await openThreadInBrowser(page, { subject: SUBJECT, party: PARTY_B });
    await page.getByTestId('letter-subject-input').fill(LETTER.subject);
    await page.getByTestId('letter-body-input').fill(LETTER.body);
    await expect.poll(() => page.getByTestId('recipient-ok').count()).toBe(1);
    await page.getByTestId('letter-submit').click();
    const letter = cardsOf(page, 'letter');
    await letter.getByTestId('receipt-awaited').waitFor({ timeout: 60_000 });
    expect(await letter.getByTestId('receipt-awaited').getAttribute('data-party')).toBe(partyB);
    expect(await letter.getByTestId('receipt').count()).toBe(0);
    // The author's own party is offered no receipt of its own letter.
    expect(await letter.getByTestId('acknowledge').count()).toBe(0);

    await openThread(envoyB, SUBJECT);
    const received = cardsOf(envoyB.page, 'letter');
    await received.getByTestId('acknowledge').click();
    await received.getByTestId('receipt').waitFor({ timeout: 60_000 });
    expect(await received.getByTestId('acknowledge').count()).toBe(0);
    await shot(envoyB, '01-receipt-signed');

    await reloadUntil(page, 3);
    await letter.getByTestId('receipt').waitFor();
    expect(await letter.getByTestId('receipt').getAttribute('data-party')).toBe(partyB);
    expect(await letter.getByTestId('receipt-person').textContent()).toBe(envoyB.name);
    expect(await letter.getByTestId('receipt-awaited').count()).toBe(0);
    expect(await cardsOf(page, 'acknowledgement').getByTestId('entry-author').textContent()).toBe(envoyB.name);
    await shot(envoyA, '02-sender-sees-receipt');
    letterHash = ((await letter.getAttribute('id')) ?? '').replace('entry-', '');
    expect(letterHash).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('circulates minutes that stay awaiting B while only A has countersigned', async () => {
    const { page } = envoyA;
    await page.getByTestId('circulate-minutes').click();
    await page.getByTestId('agreed-minutes-form').waitFor();
    await page.getByTestId('agreed-minutes-title-input').fill('Agreed minutes of the Doha meeting');
    await page.getByTestId('agreed-minutes-date').fill('2026-11-20');
    await page.getByTestId('participant-name-0').fill('Hamad bin Khalifa');
    await page.getByTestId('participant-role-0').fill('Chair');
    await page.getByTestId('clause-1').fill(CLAUSE_1);
    await page.getByTestId('add-clause').click();
    await page.getByTestId('clause-2').fill(CLAUSE_2);
    // Both member parties are listed by default.
    await expect
      .poll(() => page.getByTestId('minutes-parties').locator('input:checked').count(), { timeout: 30_000 })
      .toBe(2);
    await expect.poll(() => page.getByTestId('recipient-ok').count()).toBe(1);
    await shot(envoyA, '03-circulate-form');
    await page.getByTestId('agreed-minutes-submit').click();

    const minutes = cardsOf(page, 'agreed_minutes');
    await minutes.getByTestId('minutes-state').waitFor({ timeout: 60_000 });
    expect(await minutes.getByTestId('agreed-minutes-clause').allTextContents()).toEqual([CLAUSE_1, CLAUSE_2]);
    expect(await minutes.getByTestId('minutes-state').getAttribute('data-state')).toBe('awaiting');
    expect(await minutes.getByTestId('minutes-status').textContent()).toBe(
      `Awaiting countersignature of ${ADMIN.party}, ${PARTY_B}.`,
    );
    firstVersion = (await minutes.getByTestId('countersign-hash').getAttribute('data-hash')) ?? '';
    expect(await minutes.getAttribute('id')).toBe(`entry-${firstVersion}`);

    await minutes.getByTestId('countersign-intent').selectOption('approve');
    await minutes.getByTestId('countersign').click();
    await expect
      .poll(() => minutes.getByTestId('minutes-status').textContent(), { timeout: 60_000 })
      .toBe(`Awaiting countersignature of ${PARTY_B}.`);
    expect(await minutes.getByTestId('minutes-state').getAttribute('data-state')).toBe('awaiting');
    const rows = minutes.getByTestId('minutes-party');
    expect(await rows.evaluateAll((items) => items.map((row) => row.getAttribute('data-signed')))).toEqual([
      'yes',
      'no',
    ]);
    expect(await rows.first().textContent()).toContain(`${envoyA.name}: Approve`);
    expect(await minutes.getByTestId('countersign-form').count()).toBe(0);
    expect(await cardsOf(page, 'countersignature').getByTestId('countersignature-of').textContent()).toContain(
      'Countersigns version 1',
    );
    await shot(envoyA, '04-awaiting-b');
  });

  it('refuses countersignatures over any other hash, and offers B only the exact version', async () => {
    const before = await entryTablesDigest(booted.server);
    const letterSigned = await expectProblem(
      sdkEnvoyB.append(threadId, {
        type: 'countersignature',
        content: { type: 'countersignature' },
        refs: [letterHash],
        meta: { intent: 'approve' },
      }),
      'entryInvalid',
    );
    expect(letterSigned.problem.detail).toContain('must be over the hash of agreed minutes');
    const altered = await expectProblem(
      sdkEnvoyB.append(threadId, {
        type: 'countersignature',
        content: { type: 'countersignature' },
        refs: [flipByte(firstVersion, 5)],
        meta: { intent: 'approve' },
      }),
      'entryInvalid',
    );
    expect(altered.problem.detail).toContain('does not exist');
    expect(await entryTablesDigest(booted.server)).toEqual(before);

    await reloadUntil(envoyB.page, 5);
    const minutes = cardsOf(envoyB.page, 'agreed_minutes');
    // The workflow panel renders once the related streams are read, after the timeline itself.
    await expect.poll(() => envoyB.page.getByTestId('countersign-form').count(), { timeout: 30_000 }).toBe(1);
    expect(await minutes.getByTestId('countersign-hash').getAttribute('data-hash')).toBe(firstVersion);
    expect(await minutes.getByTestId('minutes-status').textContent()).toBe(`Awaiting countersignature of ${PARTY_B}.`);
    await shot(envoyB, '05-b-offered-exact-version');
  });

  it('agrees the minutes once B countersigns the same hash', async () => {
    const minutes = cardsOf(envoyB.page, 'agreed_minutes');
    await minutes.getByTestId('countersign-intent').selectOption('ad_referendum');
    await minutes.getByTestId('countersign-statement').fill('Subject to confirmation by the Commissioner.');
    await minutes.getByTestId('countersign').click();
    await expect
      .poll(() => minutes.getByTestId('minutes-state').getAttribute('data-state'), { timeout: 60_000 })
      .toBe('agreed');
    expect(await minutes.getByTestId('minutes-status').textContent()).toBe(
      'Agreed: every listed party countersigned this exact text.',
    );
    const signed = await sdkEnvoyB.readStream(threadId);
    const signatures = signed.filter((entry) => entry.header.type === 'countersignature');
    expect(signatures.map((entry) => [entry.header.refs, entry.header.meta.intent])).toEqual([
      [[firstVersion], 'approve'],
      [[firstVersion], 'ad_referendum'],
    ]);
    await shot(envoyB, '06-agreed');
  });

  it('prints the agreed minutes (Chromium PDF) with every countersignature, its signer, time, verification state and checkpoint', async () => {
    const { page } = envoyB;
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ path: artifactPath('agreed-minutes-07-printed.pdf'), format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
    const text = (await pdfText(pdf)).join(' ');
    const quoted = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // The agreed state and both countersignatures in the minutes' table, each as this browser verified it.
    expect(text).toContain('Agreed: every listed party countersigned this exact text.');
    for (const [party, signer] of [
      [ADMIN.party, envoyA.name],
      [PARTY_B, envoyB.name],
    ] as const) {
      expect(text).toMatch(new RegExp(`${quoted(party)} ${quoted(signer)}: [^·]+ · verified`));
      // The countersignature entry itself: signer, time with zone, state, and the checkpoint it is in.
      expect(text).toMatch(
        new RegExp(
          `Signed by ${quoted(signer)} \\(${quoted(party)}\\), [^·]+ UTC · verified · in the log at position \\d+, checkpoint of size \\d+`,
        ),
      );
    }
    // Paper carries no buttons or forms.
    expect(text).not.toContain('Print or save as PDF');
    expect(text).not.toContain('Write a letter');
  });

  it('supersedes with a new version, keeping the old one visible with its signatures', async () => {
    const { page } = envoyA;
    await reloadUntil(page, 6);
    await cardsOf(page, 'agreed_minutes').getByTestId('supersede-minutes').click();
    await page.getByTestId('agreed-minutes-form').waitFor();
    await expect.poll(() => page.getByTestId('clause-2').inputValue()).toBe(CLAUSE_2);
    await page.getByTestId('clause-2').fill(CLAUSE_2_V2);
    await page.getByTestId('agreed-minutes-changes-input').fill('Clause 2: forty-five days instead of thirty.');
    await expect.poll(() => page.getByTestId('recipient-ok').count()).toBe(1);
    await page.getByTestId('agreed-minutes-submit').click();

    const [oldCard, newCard] = [cardsOf(page, 'agreed_minutes').nth(0), cardsOf(page, 'agreed_minutes').nth(1)];
    await newCard.getByTestId('minutes-state').waitFor({ timeout: 60_000 });
    expect(await oldCard.getByTestId('minutes-state').getAttribute('data-state')).toBe('superseded');
    expect(await oldCard.getByTestId('agreed-minutes-clause').allTextContents()).toEqual([CLAUSE_1, CLAUSE_2]);
    expect(
      await oldCard
        .getByTestId('minutes-party')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-signed'))),
    ).toEqual(['yes', 'yes']);
    expect(await oldCard.getByTestId('minutes-status').textContent()).toContain('Superseded by version 2');
    expect(await newCard.getByTestId('minutes-version').textContent()).toBe('Version 2 of 2');
    expect(await newCard.getByTestId('agreed-minutes-clause').allTextContents()).toEqual([CLAUSE_1, CLAUSE_2_V2]);
    expect(await newCard.getByTestId('minutes-state').getAttribute('data-state')).toBe('awaiting');
    const secondVersion = (await newCard.getByTestId('countersign-hash').getAttribute('data-hash')) ?? '';
    expect(secondVersion).not.toBe(firstVersion);
    expect(await oldCard.getByTestId('supersede-minutes').count()).toBe(0);
    await newCard.getByTestId('countersign-intent').selectOption('approve');
    await newCard.getByTestId('countersign').click();
    await expect
      .poll(() => newCard.getByTestId('minutes-status').textContent(), { timeout: 60_000 })
      .toBe(`Awaiting countersignature of ${PARTY_B}.`);
    await shot(envoyA, '07-superseded-and-new');

    // The server refuses a countersignature of the superseded text; B is offered only version 2.
    const stale = await expectProblem(
      sdkEnvoyB.append(threadId, {
        type: 'countersignature',
        content: { type: 'countersignature' },
        refs: [firstVersion],
        meta: { intent: 'approve' },
      }),
      'entryInvalid',
    );
    expect(stale.problem.detail).toContain('superseded');
    await reloadUntil(envoyB.page, 8);
    const forms = envoyB.page.getByTestId('countersign-form');
    await expect.poll(() => forms.count(), { timeout: 30_000 }).toBe(1);
    expect(await forms.getByTestId('countersign-hash').getAttribute('data-hash')).toBe(secondVersion);
    await cardsOf(envoyB.page, 'agreed_minutes').nth(1).getByTestId('countersign-intent').selectOption('approve');
    await cardsOf(envoyB.page, 'agreed_minutes').nth(1).getByTestId('countersign').click();
    const agreed = cardsOf(envoyB.page, 'agreed_minutes').nth(1);
    await expect
      .poll(() => agreed.getByTestId('minutes-state').getAttribute('data-state'), { timeout: 60_000 })
      .toBe('agreed');
    expect(await agreed.getByTestId('minutes-status').textContent()).toContain('and approved it');
    expect(
      await cardsOf(envoyB.page, 'agreed_minutes').nth(0).getByTestId('minutes-state').getAttribute('data-state'),
    ).toBe('superseded');
    await shot(envoyB, '08-version-2-agreed');
    expect(envoyA.errors).toEqual([]);
    expect(envoyB.errors).toEqual([]);
  });

  it('records a dispute with an evidence file beside the letter it contests, both claims standing', async () => {
    const { page } = envoyB;
    const evidence = Buffer.from('%PDF-1.4\n% our list of the nineteen, as handed over in Doha\n');
    const letter = cardsOf(page, 'letter');
    await letter.getByTestId('dispute-open').click();
    await letter.getByTestId('dispute-reasons').fill('No such proposal was made at the meeting.\nThe list was ours.');
    await letter.getByTestId('dispute-counter-claim').fill('The joint check was proposed by the Russian side.');
    await letter
      .getByTestId('dispute-files')
      .setInputFiles({ name: 'doha-list.pdf', mimeType: 'application/pdf', buffer: evidence });
    await letter.getByTestId('dispute-submit').click();
    await letter.getByTestId('claims').waitFor({ timeout: 60_000 });

    await reloadUntil(envoyA.page, 10);
    const contested = cardsOf(envoyA.page, 'letter');
    expect(await contested.getByTestId('letter-body').textContent()).toBe(LETTER.body);
    expect(await contested.getByTestId('claim-original').textContent()).toContain(LETTER.body);
    expect(await contested.getByTestId('claim-party').textContent()).toBe(PARTY_B);
    expect(await contested.getByTestId('claim-reason').allTextContents()).toEqual([
      'No such proposal was made at the meeting.',
      'The list was ours.',
    ]);
    expect(await contested.getByTestId('claim-counter').textContent()).toBe(
      'The joint check was proposed by the Russian side.',
    );
    await expect.poll(() => contested.getByTestId('disputed-by').count(), { timeout: 30_000 }).toBe(1);
    // The author's party corrects its own entries; it is not offered to dispute them.
    expect(await contested.getByTestId('dispute-open').count()).toBe(0);
    expect(await contested.getByTestId('claim-files').textContent()).toContain('doha-list.pdf');
    // The evidence file travels encrypted with the dispute; the other party decrypts the same bytes.
    const file = cardsOf(envoyA.page, 'dispute').getByTestId('attachment');
    expect(await file.getByTestId('attachment-name').textContent()).toBe('doha-list.pdf');
    expect((await saveDecrypted(envoyA.page, file)).bytes.equals(evidence)).toBe(true);
    await shot(envoyA, '09-claims-side-by-side');
    expect(envoyA.errors).toEqual([]);
    expect(envoyB.errors).toEqual([]);
  });
});
