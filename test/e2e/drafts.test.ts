import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, HAS_BROWSER, launchChromium } from '../helpers/browser';
import { caseStep, nextCaseStep } from '../helpers/e2e-case-steps';
import {
  type BrowserPerson,
  type EntriesServer,
  enrolBrowserPerson,
  enrolSdkAdmin,
  padPdf,
  startEntriesServer,
  startParty,
} from '../helpers/e2e-entries';
import { sidewaysOverflow } from '../helpers/e2e-screens';
import { enrolSdkMember, openThread } from '../helpers/e2e-workflows';

const ADMIN = { name: 'Avery Lindqvist', party: 'Ukrainian Parliament Commissioner for Human Rights' };
const PARTY_B = "Commissioner for Children's Rights (RF)";
const SUBJECT = 'Returns agreed in Doha';
const CLAUSE = 'The Russian side will return 8 children within 24 hours.';
const LONG = 60_000;
const ATTACHMENT_BYTES = 6 * 1024 * 1024;

const shot = (page: Page, name: string) =>
  page.screenshot({ path: artifactPath(`drafts-${name}.png`), fullPage: true });

/** Sixteen idle minutes on the page's fake clock: the app's own auto-lock drops the keys; then one passkey tap. */
const autoLockAndUnlock = async (page: Page) => {
  await page.clock.fastForward('16:00');
  await page.getByTestId('unlock-in-place').waitFor();
  await expect
    .poll(() => page.evaluate(() => document.querySelector('[data-testid="key-status"]')?.className))
    .toContain('locked');
  await page.getByTestId('unlock-in-place-passkey').click();
  await page.getByTestId('unlock-in-place').waitFor({ state: 'detached' });
};

/** Away to another page and back: the form is mounted anew, so only the draft store can refill it. */
const awayAndBack = async (page: Page) => {
  await page.getByTestId('account-link').click();
  await page.getByTestId('account-page').waitFor();
  await page.goBack();
};

/**
 * Installs the fake clock (from the next document on) and unlocks the keys the reload dropped,
 * on a page that offers unlocking in place (Home unlocks its own way).
 */
const installClock = async (page: Page) => {
  await page.getByTestId('account-link').click();
  await page.getByTestId('account-page').waitFor();
  await page.clock.install();
  await page.reload();
  await page.getByTestId('unlock-in-place-passkey').click();
  await page.getByTestId('unlock-in-place').waitFor({ state: 'detached' });
};

const openCaseForm = async (page: Page) => {
  await page.getByRole('link', { name: 'Cases', exact: true }).click();
  await page.getByTestId('open-case-link').click();
  await page.getByTestId('case-form').waitFor();
};

const expectFits390 = async (page: Page, where: string) => {
  const { overflow, culprits } = await sidewaysOverflow(page);
  expect({ where, overflow, culprits }).toEqual({ where, overflow: 0, culprits: [] });
};

/** Every value every upload progress bar showed, in order, recorded in the page at each DOM change. */
const recordProgress = (page: Page) =>
  page.evaluate(() => {
    const seen: { value: number; max: number }[] = [];
    (window as unknown as { __progress: typeof seen }).__progress = seen;
    const note = () => {
      for (const bar of document.querySelectorAll<HTMLProgressElement>('progress[data-testid="upload-progress"]')) {
        const last = seen.at(-1);
        if (!last || last.value !== bar.value || last.max !== bar.max) {
          seen.push({ value: bar.value, max: bar.max });
        }
      }
    };
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  });

const progressSeen = (page: Page) =>
  page.evaluate(() => (window as unknown as { __progress: { value: number; max: number }[] }).__progress);

describe.skipIf(!HAS_BROWSER)('drafts of every form, the open-case steps and upload progress (issue 16)', () => {
  let booted: EntriesServer;
  let browser: Browser;
  let staff: BrowserPerson;
  let envoy: BrowserPerson;
  let firstCode = '';

  beforeAll(async () => {
    booted = await startEntriesServer(ADMIN);
    browser = await launchChromium();
    const adminA = await enrolSdkAdmin(booted, ADMIN.name);
    const adminB = await startParty(booted, PARTY_B, 'Anna Kuznetsova');
    staff = await enrolBrowserPerson(browser, adminA, { role: 'staff', name: 'Iryna Melnyk' }, 'drafts-00-staff');
    envoy = await enrolBrowserPerson(browser, adminA, { role: 'envoy', name: 'Dmytro Lubinets' }, 'drafts-00-envoy');
    const sdkEnvoyA = await enrolSdkMember(booted, adminA, { role: 'envoy', name: 'Olha Kovalenko' });
    const sdkEnvoyB = await enrolSdkMember(booted, adminB, { role: 'envoy', name: 'Pavel Orlov' });
    const parties = [adminA.partyId, adminB.partyId];
    const { streamId: threadId } = await sdkEnvoyA.openThread({ parties, subject: SUBJECT });
    const minutes = await sdkEnvoyA.append(threadId, {
      type: 'agreed_minutes',
      meta: { parties },
      content: {
        type: 'agreed_minutes',
        title: 'Agreed minutes of the Doha round',
        date: '2026-12-05',
        participants: [{ name: 'Hamad bin Khalifa', role: 'Chair' }],
        clauses: [{ number: 1, text: CLAUSE }],
        attachments: [],
      },
    });
    for (const signer of [sdkEnvoyA, sdkEnvoyB]) {
      await signer.append(threadId, {
        type: 'countersignature',
        refs: [minutes.entryHash],
        meta: { intent: 'approve' },
        content: { type: 'countersignature' },
      });
    }
    await installClock(staff.page);
    await installClock(envoy.page);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await booted?.cleanup();
  });

  it(
    'goes through the open-case steps by keyboard and at 390 px, refusing Next while a required field is empty',
    async () => {
      const { page } = staff;
      await openCaseForm(page);
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await page.getByTestId('step-indicator').textContent()).toBe('Step 1 of 5: Reference and parties');
      await expectFits390(page, 'step 1');
      firstCode = (await page.getByTestId('case-code').textContent()) ?? '';
      await page.getByTestId('case-file-number-input').fill('UA-2026-0001');
      // Keyboard only: Enter in a field goes on to the next step, and focus lands on its heading.
      await page.getByTestId('case-file-number-input').press('Enter');
      await expect.poll(() => caseStep(page)).toBe(2);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('step-indicator');
      await expectFits390(page, 'step 2');

      // The name's source is required: Next refuses, says what is missing, and focuses it.
      await page.getByTestId('name-given-0').fill('Olena');
      await page.getByTestId('case-step-next').click();
      await page.getByTestId('case-step-error').waitFor();
      expect(await page.getByTestId('case-step-error').textContent()).toBe('Fill in before going on: Source.');
      expect(await caseStep(page)).toBe(2);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('name-source-0');
      await shot(page, '01-step-refused-390');
      await page.keyboard.type('birth certificate');

      // Back keeps what was typed, both ways.
      await page.getByTestId('case-step-back').click();
      await expect.poll(() => caseStep(page)).toBe(1);
      expect(await page.getByTestId('case-file-number-input').inputValue()).toBe('UA-2026-0001');
      await nextCaseStep(page);
      expect(await page.getByTestId('name-source-0').inputValue()).toBe('birth certificate');
      expect(await page.getByTestId('name-given-0').inputValue()).toBe('Olena');

      for (const step of [3, 4, 5]) {
        // Tab to Next and press it, as a keyboard user would.
        await page.getByTestId('case-step-next').focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => caseStep(page)).toBe(step);
        await expectFits390(page, `step ${step}`);
      }
      expect(await page.getByTestId('step-indicator').textContent()).toBe('Step 5 of 5: Photos, notes and review');
      expect(await page.getByTestId('case-review').getByTestId('record-names').textContent()).toContain('Olena');
      await shot(page, '02-review-390');
      await expect.poll(() => page.getByTestId('recipient-ok').count()).toBe(1);
      await page.getByTestId('open-case-submit').click();
      await page.getByTestId('child-record').waitFor({ timeout: LONG });
      expect(await page.getByTestId('case-page-reference').textContent()).toBe(`UA-2026-0001 · ${firstCode}`);
      await page.setViewportSize({ width: 1280, height: 900 });
      expect(staff.errors).toEqual([]);
    },
    LONG * 3,
  );

  it(
    'keeps an open-case draft mid-way through the steps, and its case code, through an auto-lock',
    async () => {
      const { page } = staff;
      await openCaseForm(page);
      // The case opened above took its draft with it: a new form, a new code.
      expect(await caseStep(page)).toBe(1);
      expect(await page.getByTestId('case-file-number-input').inputValue()).toBe('');
      const code = (await page.getByTestId('case-code').textContent()) ?? '';
      expect(code).not.toBe(firstCode);
      await page.getByTestId('case-file-number-input').fill('UA-2026-0002');
      await nextCaseStep(page);
      await page.getByTestId('name-given-0').fill('Артем');
      await page.getByTestId('name-source-0').fill('mother');
      await nextCaseStep(page);
      await page.getByTestId('separation-description').fill('Taken from the school shelter by bus');

      await autoLockAndUnlock(page);
      await expect.poll(() => caseStep(page), { timeout: LONG }).toBe(3);
      await awayAndBack(page);
      await expect.poll(() => caseStep(page), { timeout: LONG }).toBe(3);
      expect(await page.getByTestId('separation-description').inputValue()).toBe(
        'Taken from the school shelter by bus',
      );
      await page.getByTestId('case-step-back').click();
      expect(await page.getByTestId('name-given-0').inputValue()).toBe('Артем');
      await page.getByTestId('case-step-back').click();
      expect(await page.getByTestId('case-file-number-input').inputValue()).toBe('UA-2026-0002');
      expect(await page.getByTestId('case-code').textContent()).toBe(code);
      await shot(page, '03-case-draft-after-lock');
      for (let step = 1; step < 5; step++) {
        await nextCaseStep(page);
      }
      await expect.poll(() => page.getByTestId('recipient-ok').count()).toBe(1);
      await page.getByTestId('open-case-submit').click();
      await page.getByTestId('child-record').waitFor({ timeout: LONG });
      // The case opened after the unlock has the code shown before the lock.
      expect(await page.getByTestId('case-page-reference').textContent()).toBe(`UA-2026-0002 · ${code}`);
      expect(await page.getByTestId('record-separation').textContent()).toContain('school shelter');
      expect(staff.errors).toEqual([]);
    },
    LONG * 3,
  );

  it(
    'keeps minutes, with the cases chosen and a file, through an auto-lock; uploads it with progress to 100%',
    async () => {
      const { page } = staff;
      await page.getByTestId('attach-minutes').click();
      await page.getByTestId('minutes-form').waitFor({ timeout: LONG });
      await page.getByTestId('minutes-subject-input').fill('Call with the ombudsman');
      await page.getByTestId('minutes-text-input').fill('Both cases were discussed; the bus route is known.');
      await page.getByTestId('participant-name-0').fill('Dmytro Lubinets');
      await page.getByTestId('case-picker').getByLabel(firstCode).check();
      await page
        .getByTestId('minutes-files')
        .setInputFiles({ name: 'route.pdf', mimeType: 'application/pdf', buffer: padPdf('route', ATTACHMENT_BYTES) });

      await autoLockAndUnlock(page);
      await expect
        .poll(() => page.getByTestId('minutes-subject-input').inputValue(), { timeout: LONG })
        .toBe('Call with the ombudsman');
      await awayAndBack(page);
      await expect
        .poll(() => page.getByTestId('minutes-subject-input').inputValue(), { timeout: LONG })
        .toBe('Call with the ombudsman');
      expect(await page.getByTestId('minutes-text-input').inputValue()).toBe(
        'Both cases were discussed; the bus route is known.',
      );
      expect(await page.getByTestId('participant-name-0').inputValue()).toBe('Dmytro Lubinets');
      expect(await page.getByTestId('case-picker').getByLabel(firstCode).isChecked()).toBe(true);
      expect(await page.getByTestId('chosen-files').textContent()).toContain('route.pdf');
      await shot(page, '04-minutes-draft-after-lock');

      // Uploads slowly enough for the page to show bytes on their way (no timing is asserted).
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: 2 * 1024 * 1024,
      });
      await recordProgress(page);
      await expect.poll(() => page.getByTestId('recipient-ok').count()).toBe(1);
      await page.getByTestId('minutes-submit').click();
      await page.getByTestId('case-page').waitFor({ timeout: LONG * 2 });
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
      const seen = await progressSeen(page);
      const values = seen.map(({ value }) => value);
      const max = seen[0]?.max ?? 0;
      expect(max).toBeGreaterThan(ATTACHMENT_BYTES);
      expect(seen.every((sample) => sample.max === max)).toBe(true);
      expect(values[0]).toBe(0);
      expect(values.at(-1)).toBe(max);
      expect(values).toEqual([...values].sort((a, b) => a - b));
      // Bytes seen on their way, not only the start and the end.
      expect(values.filter((value) => value > 0 && value < max).length).toBeGreaterThan(0);

      await page.getByTestId('attach-minutes').click();
      await page.getByTestId('minutes-form').waitFor({ timeout: LONG });
      expect(await page.getByTestId('minutes-subject-input').inputValue()).toBe('');
      expect(await page.getByTestId('minutes-text-input').inputValue()).toBe('');
      expect(await page.getByTestId('participant-name-0').inputValue()).toBe('');
      expect(await page.getByTestId('case-picker').getByLabel(firstCode).isChecked()).toBe(false);
      expect(await page.getByTestId('chosen-files').count()).toBe(0);
      expect(staff.errors).toEqual([]);
    },
    LONG * 4,
  );

  it(
    'keeps a commitment being written through an auto-lock, and starts empty once it is recorded',
    async () => {
      const { page } = envoy;
      await openThread(envoy, SUBJECT);
      await page.getByTestId('record-commitment').click();
      await page.getByTestId('commitment-form').waitFor({ timeout: LONG });
      await page.getByTestId('commitment-obligor-input').selectOption({ label: PARTY_B });
      await page.getByTestId('commitment-obligee-input').selectOption({ label: ADMIN.party });
      await page.getByTestId('commitment-text-input').fill(CLAUSE);

      await autoLockAndUnlock(page);
      await expect.poll(() => page.getByTestId('commitment-text-input').inputValue(), { timeout: LONG }).toBe(CLAUSE);
      await awayAndBack(page);
      await expect.poll(() => page.getByTestId('commitment-text-input').inputValue(), { timeout: LONG }).toBe(CLAUSE);
      const chosen = (testId: string) =>
        page.getByTestId(testId).evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent);
      expect(await chosen('commitment-obligor-input')).toBe(PARTY_B);
      expect(await chosen('commitment-obligee-input')).toBe(ADMIN.party);
      await shot(page, '05-commitment-draft-after-lock');

      await expect.poll(() => page.getByTestId('commitment-minutes').locator('option').count()).toBe(2);
      await page.getByTestId('commitment-minutes').selectOption({ index: 1 });
      await page.getByTestId('commitment-clause').selectOption('1');
      await page.getByTestId('commitment-scope-kind').selectOption('count');
      await page.getByTestId('commitment-count').fill('8');
      await page.getByTestId('commitment-due-kind').selectOption('within_days');
      await page.getByTestId('commitment-due-days').fill('2');
      await page.getByTestId('commitment-due-of').selectOption({ index: 1 });
      await expect.poll(() => page.getByTestId('recipient-ok').count()).toBe(1);
      await page.getByTestId('commitment-submit').click();
      await page
        .getByTestId('timeline')
        .locator('[data-testid="timeline-entry"][data-entry-type="commitment"]')
        .getByTestId('commitment-state')
        .waitFor({ timeout: LONG });

      await page.getByTestId('record-commitment').click();
      await page.getByTestId('commitment-form').waitFor({ timeout: LONG });
      expect(await page.getByTestId('commitment-text-input').inputValue()).toBe('');
      expect(await page.getByTestId('commitment-obligor-input').inputValue()).toBe('');
      expect(envoy.errors).toEqual([]);
    },
    LONG * 3,
  );

  it(
    'keeps a thread being opened through an auto-lock, and starts empty once it is opened',
    async () => {
      const { page } = envoy;
      const subject = 'Return of the Kherson children';
      await page.getByRole('link', { name: 'Threads', exact: true }).click();
      await page.getByTestId('open-thread-link').click();
      await page.getByTestId('thread-subject').fill(subject);
      await page.getByTestId('party-picker').getByLabel(PARTY_B).check();

      await autoLockAndUnlock(page);
      await expect.poll(() => page.getByTestId('thread-subject').inputValue(), { timeout: LONG }).toBe(subject);
      await awayAndBack(page);
      await expect.poll(() => page.getByTestId('thread-subject').inputValue(), { timeout: LONG }).toBe(subject);
      expect(await page.getByTestId('party-picker').getByLabel(PARTY_B).isChecked()).toBe(true);

      await expect.poll(() => page.getByTestId('recipient-ok').count(), { timeout: LONG }).toBe(1);
      await page.getByTestId('thread-submit').click();
      await page.getByTestId('write-letter').waitFor({ timeout: LONG });
      await page.getByRole('link', { name: 'Threads', exact: true }).click();
      await page.getByTestId('open-thread-link').click();
      expect(await page.getByTestId('thread-subject').inputValue()).toBe('');
      expect(await page.getByTestId('party-picker').getByLabel(PARTY_B).isChecked()).toBe(false);
      expect(envoy.errors).toEqual([]);
    },
    LONG * 3,
  );
});
