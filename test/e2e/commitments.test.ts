import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { artifactPath, HAS_BROWSER, launchChromium } from '../helpers/browser';
import {
  type BrowserPerson,
  dumpDatabase,
  type EntriesServer,
  enrolBrowserPerson,
  enrolSdkAdmin,
  occurrences,
  openCaseByReference,
  saveDecrypted,
  startEntriesServer,
  startParty,
} from '../helpers/e2e-entries';
import { cardsOf, enrolSdkMember, openThread, reloadUntil } from '../helpers/e2e-workflows';
import { childRecord } from '../helpers/sdk-entries';

const ADMIN = { name: 'Avery Lindqvist', party: 'Ukrainian Parliament Commissioner for Human Rights' };
const PARTY_B = "Commissioner for Children's Rights (RF)";
const SUBJECT = 'Returns under the Doha minutes';
const CLAUSE = 'The Russian side will return the three children listed by 31 March 2026.';
const PAST_DUE = '2026-03-31';
const FUTURE_DUE = '2027-06-30';
const REFERENCES = ['UA-2026-0001', 'UA-2026-0002', 'UA-2026-0003'];

const shot = (person: BrowserPerson, name: string) =>
  person.page.screenshot({ path: artifactPath(`commitments-${name}.png`), fullPage: true });

describe.skipIf(!HAS_BROWSER)(
  'commitments in Chromium: deadlines and acknowledged returns (issue 6, Must show 3)',
  () => {
    let booted: EntriesServer;
    let browser: Browser;
    let envoyA: BrowserPerson;
    let envoyB: BrowserPerson;
    let staffA: ParleyPerson;
    let staffB: ParleyPerson;
    let sdkEnvoyA: ParleyPerson;
    let sdkEnvoyB: ParleyPerson;
    let partyA: string;
    let partyB: string;
    let threadId: string;
    let caseIds: string[];

    beforeAll(async () => {
      booted = await startEntriesServer(ADMIN);
      browser = await launchChromium();
      const adminA = await enrolSdkAdmin(booted, ADMIN.name);
      const adminB = await startParty(booted, PARTY_B, 'Anna Kuznetsova');
      partyA = adminA.partyId;
      partyB = adminB.partyId;
      envoyA = await enrolBrowserPerson(
        browser,
        adminA,
        { role: 'envoy', name: 'Dmytro Lubinets' },
        'commitments-00-envoy-a',
      );
      envoyB = await enrolBrowserPerson(
        browser,
        adminB,
        { role: 'envoy', name: 'Mira Sokolova' },
        'commitments-00-envoy-b',
      );
      staffA = await enrolSdkMember(booted, adminA, { role: 'staff', name: 'Oksana Hrytsenko' });
      staffB = await enrolSdkMember(booted, adminB, { role: 'staff', name: 'Igor Belov' });
      sdkEnvoyA = await enrolSdkMember(booted, adminA, { role: 'envoy', name: 'Olha Kovalenko' });
      sdkEnvoyB = await enrolSdkMember(booted, adminB, { role: 'envoy', name: 'Pavel Orlov' });

      // Fixtures through the SDK: three cases of both parties, and agreed minutes both countersigned.
      caseIds = [];
      for (const [index, reference] of REFERENCES.entries()) {
        const opened = await staffA.openCase({
          parties: [partyA, partyB],
          // The file number is sealed in the record; the clear reference is a drawn code.
          record: { ...childRecord(['Olena', 'Maksym', 'Daryna'][index] ?? 'Anna'), fileNumber: reference },
        });
        caseIds.push(opened.streamId);
      }
      ({ streamId: threadId } = await sdkEnvoyA.openThread({ parties: [partyA, partyB], subject: SUBJECT }));
      const minutes = await sdkEnvoyA.append(threadId, {
        type: 'agreed_minutes',
        meta: { parties: [partyA, partyB] },
        content: {
          type: 'agreed_minutes',
          title: 'Agreed minutes of the second Doha round',
          date: '2026-02-10',
          participants: [{ name: 'Hamad bin Khalifa', role: 'Chair' }],
          clauses: [{ number: 1, text: CLAUSE }],
          attachments: [],
        },
      });
      for (const envoy of [sdkEnvoyA, sdkEnvoyB]) {
        await envoy.append(threadId, {
          type: 'countersignature',
          refs: [minutes.entryHash],
          meta: { intent: 'approve' },
          content: { type: 'countersignature' },
        });
      }
      // A second commitment, due next year: the control that a future deadline is not overdue.
      await sdkEnvoyA.append(threadId, {
        type: 'commitment',
        content: {
          type: 'commitment',
          commitmentId: crypto.randomUUID(),
          source: { kind: 'agreed_minutes', entry: minutes.entryHash, clause: 1 },
          obligor: partyB,
          obligee: partyA,
          text: 'Follow-up visits will be arranged.',
          scope: { kind: 'cases', caseIds: [caseIds[2] ?? ''] },
          madeAt: '2026-02-10',
          due: { kind: 'date', date: FUTURE_DUE },
        },
      });
    });
    afterAll(async () => {
      await browser?.close();
      await booted?.cleanup();
    });

    it('records a commitment whose deadline has passed, and shows it overdue (computed in the browser)', async () => {
      const { page } = envoyA;
      await openThread(envoyA, SUBJECT);
      await page.getByTestId('record-commitment').click();
      await page.getByTestId('commitment-form').waitFor();
      await page.getByTestId('commitment-obligor-input').selectOption({ label: PARTY_B });
      await page.getByTestId('commitment-obligee-input').selectOption({ label: ADMIN.party });
      await expect.poll(() => page.getByTestId('commitment-minutes').locator('option').count()).toBe(2);
      await page.getByTestId('commitment-minutes').selectOption({ index: 1 });
      expect(await page.getByTestId('commitment-minutes').textContent()).toContain('(agreed)');
      await page.getByTestId('commitment-clause').selectOption('1');
      // The clause's words are taken verbatim.
      expect(await page.getByTestId('commitment-text-input').inputValue()).toBe(CLAUSE);
      for (const reference of REFERENCES) {
        await page.getByTestId('case-picker').getByLabel(new RegExp(reference)).check();
      }
      await page.getByTestId('commitment-made-at').fill('2026-02-10');
      await page.getByTestId('commitment-due-kind').selectOption('date');
      await page.getByTestId('commitment-due-date').fill(PAST_DUE);
      await expect.poll(() => page.getByTestId('recipient-ok').count()).toBe(1);
      await shot(envoyA, '01-commitment-form');
      await page.getByTestId('commitment-submit').click();

      const [future, past] = [cardsOf(page, 'commitment').nth(0), cardsOf(page, 'commitment').nth(1)];
      await past.getByTestId('commitment-state').waitFor({ timeout: 60_000 });
      expect(await past.getByTestId('commitment-text').textContent()).toBe(CLAUSE);
      expect(await past.getByTestId('commitment-status').getAttribute('data-status')).toBe('overdue');
      await expect.poll(() => past.getByTestId('commitment-overdue').count(), { timeout: 30_000 }).toBe(1);
      expect(await past.getByTestId('commitment-fulfilment').textContent()).toBe('0 of 3 fulfilled');
      expect(await past.getByTestId('commitment-deadline').textContent()).toBe('31 Mar 2026, 23:59 UTC');
      expect(await past.getByTestId('commitment-source').getAttribute('data-check')).toBe('ok');
      expect(await past.getByTestId('commitment-obligor').textContent()).toBe(PARTY_B);
      expect(await future.getByTestId('commitment-status').getAttribute('data-status')).toBe('proposed');
      expect(await future.getByTestId('commitment-overdue').count()).toBe(0);
      await shot(envoyA, '02-overdue');

      // The server holds the deadline and the words only as ciphertext: it could not tell.
      const { text } = await dumpDatabase(booted.server.database);
      expect(occurrences(text, PAST_DUE)).toBe(0);
      expect(occurrences(text, FUTURE_DUE)).toBe(0);
      expect(occurrences(text, CLAUSE)).toBe(0);
      expect(occurrences(text, SUBJECT)).toBe(0);
    });

    it('counts a return toward k of n only once the receiving party acknowledges it', async () => {
      const returned = await Promise.all(
        [0, 1].map((index) =>
          staffB.append(caseIds[index] ?? '', {
            type: 'status_change',
            content: { type: 'status_change', status: 'returned', note: 'Handed over at the border crossing.' },
          }),
        ),
      );
      // A receipt by the obligor's own party proves nothing about the return.
      await sdkEnvoyB.append(caseIds[0] ?? '', {
        type: 'acknowledgement',
        refs: [returned[0]?.entryHash ?? ''],
        content: { type: 'acknowledgement' },
      });

      const { page } = envoyA;
      // The returns are in the case streams: the thread's own timeline does not change.
      await reloadUntil(page, 6);
      const commitment = cardsOf(page, 'commitment').nth(1);
      const states = () =>
        commitment
          .getByTestId('commitment-case')
          .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-state')));
      await expect
        .poll(states, { timeout: 30_000 })
        .toEqual(['awaiting_acknowledgement', 'awaiting_acknowledgement', 'open']);
      expect(await commitment.getByTestId('commitment-fulfilment').textContent()).toBe('0 of 3 fulfilled');
      await shot(envoyA, '03-returns-awaiting-receipt');

      await openCaseByReference(envoyA, REFERENCES[0] ?? '');
      const status = cardsOf(page, 'status_change');
      await status.getByTestId('acknowledge').click();
      await status.getByTestId('receipt').filter({ hasText: ADMIN.party }).waitFor({ timeout: 60_000 });
      await shot(envoyA, '04-return-acknowledged');

      await openThread(envoyA, SUBJECT);
      await expect
        .poll(() => commitment.getByTestId('commitment-fulfilment').textContent(), { timeout: 30_000 })
        .toBe('1 of 3 fulfilled');
      expect(await states()).toEqual(['acknowledged', 'awaiting_acknowledgement', 'open']);
      // Past the deadline and not all returned: still overdue.
      expect(await commitment.getByTestId('commitment-status').getAttribute('data-status')).toBe('overdue');
      await shot(envoyA, '05-one-of-three');
      expect(envoyA.errors).toEqual([]);
    });

    it("keeps a disputed return from counting, with the obligor's and obligee's claims side by side", async () => {
      const { page } = envoyA;
      await openCaseByReference(envoyA, REFERENCES[1] ?? '');
      const status = cardsOf(page, 'status_change');
      await status.getByTestId('dispute-open').click();
      await status.getByTestId('dispute-reasons').fill('The young man handed over is not Maksym.');
      await status
        .getByTestId('dispute-counter-claim')
        .fill('Maksym has not been returned: the documents do not match.');
      await status.getByTestId('dispute-submit').click();
      await status.getByTestId('claims').waitFor({ timeout: 60_000 });
      expect(await status.getByTestId('claim-original').textContent()).toContain(
        'Status: Returned (Handed over at the border crossing.)',
      );
      expect(await status.getByTestId('claim-counter').textContent()).toBe(
        'Maksym has not been returned: the documents do not match.',
      );
      await shot(envoyA, '06-return-disputed');

      // The obligor's envoy sees the same state, computed in their own browser, and accepts.
      await openThread(envoyB, SUBJECT);
      const commitment = cardsOf(envoyB.page, 'commitment').nth(1);
      await expect
        .poll(() => commitment.getByTestId('commitment-fulfilment').textContent(), { timeout: 30_000 })
        .toBe('1 of 3 fulfilled');
      expect(
        await commitment
          .getByTestId('commitment-case')
          .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-state'))),
      ).toEqual(['acknowledged', 'disputed', 'open']);
      expect(await commitment.getByTestId('commitment-status').getAttribute('data-status')).toBe('overdue');
      await commitment.getByTestId('commitment-stance').selectOption('in_progress');
      await commitment.getByTestId('commitment-update-note').fill('The third child is being prepared for travel.');
      await commitment.getByTestId('commitment-update-submit').click();
      await commitment
        .getByTestId('commitment-stance-of')
        .filter({ hasText: `${PARTY_B}: in progress` })
        .waitFor({ timeout: 60_000 });
      expect(await commitment.getByTestId('commitment-stance-of').getAttribute('data-party')).toBe(partyB);
      await shot(envoyB, '07-obligor-view');
      expect(envoyB.errors).toEqual([]);
      expect(envoyA.errors).toEqual([]);
    });

    it("records the person's own consent record as evidence with a file, and a declined return citing it", async () => {
      const { page } = envoyB;
      const record = Buffer.from('%PDF-1.4\n% statement of Daryna, 18, before a notary\n');
      await openCaseByReference(envoyB, REFERENCES[2] ?? '');
      await page.getByTestId('add-evidence').click();
      const form = page.getByTestId('evidence-form');
      await form.getByTestId('evidence-kind').selectOption('consent_record');
      await form.getByTestId('evidence-summary').fill('Daryna, now 18, asks to stay with her foster family for now.');
      await form
        .getByTestId('evidence-files')
        .setInputFiles({ name: 'daryna-statement.pdf', mimeType: 'application/pdf', buffer: record });
      await expect.poll(() => form.getByTestId('recipient-ok').count()).toBe(1);
      await form.getByTestId('evidence-submit').click();
      await cardsOf(page, 'evidence').waitFor({ timeout: 60_000 });

      await page.getByTestId('change-status').click();
      await page.getByTestId('status-select').selectOption('declined_return');
      const consent = page.getByLabel("The person's own consent record");
      expect(await consent.locator('option').allTextContents()).toEqual([
        'Choose an entry…',
        expect.stringMatching(/^#\d+ Evidence by Mira Sokolova$/),
      ]);
      await consent.selectOption({ index: 1 });
      await expect.poll(() => page.getByTestId('status-form').getByTestId('recipient-ok').count()).toBe(1);
      await page.getByTestId('status-submit').click();
      await expect
        .poll(() => page.getByTestId('case-page-status').textContent(), { timeout: 60_000 })
        .toBe('Declined return');
      await shot(envoyB, '08-declined-with-consent-record');

      // The other party reads the record and opens the same file, decrypted in its own browser.
      await openCaseByReference(envoyA, REFERENCES[2] ?? '');
      await expect
        .poll(() => envoyA.page.getByTestId('case-page-status').textContent(), { timeout: 30_000 })
        .toBe('Declined return');
      const evidence = cardsOf(envoyA.page, 'evidence');
      expect(await evidence.textContent()).toContain(
        "Evidence (the person's own consent record): Daryna, now 18, asks to stay with her foster family for now.",
      );
      const file = evidence.getByTestId('attachment');
      expect(await file.getByTestId('attachment-name').textContent()).toBe('daryna-statement.pdf');
      expect((await saveDecrypted(envoyA.page, file)).bytes.equals(record)).toBe(true);
      await shot(envoyA, '09-consent-record-read');
      expect(envoyA.errors).toEqual([]);
      expect(envoyB.errors).toEqual([]);
    });
  },
);
