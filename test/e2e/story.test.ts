import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatInstant } from '../../client/features/timeline/labels';
import { utcFormat } from '../../client/i18n/useUtcFormat';
import { isoWeek } from '../../shared/content/plain-date';
import { HAS_BROWSER, launchChromium } from '../helpers/browser';
import {
  type BrowserPerson,
  type EntriesServer,
  enrolBrowserPerson,
  enrolSdkAdmin,
  expectTimelineValid,
  openCaseByReference,
  startEntriesServer,
  startParty,
} from '../helpers/e2e-entries';
import {
  type ChildOnFile,
  changeCaseStatus,
  dashboardReunifiedBars,
  dashboardStatusCounts,
  dateAgo,
  openChildCase,
  screenshotSeries,
  servedEntries,
} from '../helpers/e2e-story';
import { cardsOf, openThread, openThreadInBrowser, reloadUntil } from '../helpers/e2e-workflows';

// Fictional people; parties named after institutions (domain.md).
const PARTY_A = 'Office of the First Lady (US)';
const PARTY_B = "Commissioner for Children's Rights (RF)";
const PARTY_C = 'Office of the Ombudsperson (review)';
const ADMIN = { name: 'Avery Lindqvist', party: PARTY_A };
const PEOPLE = {
  envoyA: { name: 'Eleanor Whitcombe', party: PARTY_A, role: 'envoy' },
  envoyB: { name: 'Mira Sokolova', party: PARTY_B, role: 'envoy' },
  staffA: { name: 'Grace Holloway', party: PARTY_A, role: 'staff' },
  staffB: { name: 'Igor Belov', party: PARTY_B, role: 'staff' },
  reviewer: { name: 'Claire Dubois', party: PARTY_C, role: 'reviewer' },
} as const;

const SUBJECT = 'Return of children taken during the war';
const LETTER = {
  subject: 'Proposal for a meeting on the return of children',
  body: 'Excellency, I propose that our delegations meet to agree the return of the children concerned.',
};
const REPLY = {
  subject: 'Re: Proposal for a meeting on the return of children',
  body: 'Excellency, I accept your proposal and suggest that we meet in Doha next week.',
};
const MINUTES_TITLE = 'Agreed minutes of the Doha meeting on the return of children';
const CLAUSE_1 = 'The parties will exchange lists of the children concerned through their envoys.';
const CLAUSE_2 = 'The Russian side will return, within 30 days, every person taken as a minor who has since turned 18.';
const DISCLOSURE_PURPOSE = 'Ombudsperson review of the agreed minutes of the Doha meeting';

/**
 * Dated from today, so the cohort rule ("taken as minors, now adult") gives the same answer on any
 * day: two were children when taken and are adults now, one is still a child, and one was already
 * an adult when taken.
 */
const taken = dateAgo(4);
const CHILDREN: readonly ChildOnFile[] = [
  {
    reference: 'UA-2026-1101',
    given: 'Maksym',
    family: 'Bondarenko',
    birthDate: dateAgo(19, 40),
    separationDate: taken,
  },
  {
    reference: 'UA-2026-1102',
    given: 'Sofiia',
    family: 'Tkachenko',
    birthDate: dateAgo(18, 60),
    separationDate: taken,
  },
  { reference: 'UA-2026-1103', given: 'Artem', family: 'Shevchuk', birthDate: dateAgo(13), separationDate: taken },
  { reference: 'UA-2026-1104', given: 'Yuliia', family: 'Moroz', birthDate: dateAgo(23), separationDate: taken },
];
const COHORT = CHILDREN.slice(0, 2).map((child) => child.reference);

const shot = screenshotSeries('story');

/** The steps from reported to just before returned, each a status change staff record. */
const WORKFLOW_TO_RETURN = [
  ['identity_verified', 'Identity verified'],
  ['located', 'Located'],
  ['on_list', 'On list'],
  ['return_agreed', 'Return agreed'],
  ['in_transit', 'In transit'],
] as const;

/** Case references named in a text, in sorted order (the app lists them in its own order). */
const referencesIn = (text: string): string[] => (text.match(/UA-\d{4}-\d{4}/g) ?? []).sort();

/**
 * Issue 6, Must show 1, as one story whose steps build on each other (each a numbered `it`):
 * 1 letter and reply; 2 agreed minutes countersigned by both envoys; 3a the children's cases;
 * 3b the commitment to return the now-adult cohort within 30 days; 4 returns recorded by B and
 * acknowledged by A, then reunifications; 5 the dashboard counting them; 6 disclosure of the agreed
 * minutes to a reviewer, who verifies them. Shared steps live in test/helpers/e2e-story.ts and
 * e2e-workflows.ts; screenshots go to test-results/story-NN-*.png.
 */
describe.skipIf(!HAS_BROWSER)('the whole story in Chromium (issue 6, Must show 1)', () => {
  let booted: EntriesServer;
  let browser: Browser;
  let envoyA: BrowserPerson;
  let envoyB: BrowserPerson;
  let staffA: BrowserPerson;
  let staffB: BrowserPerson;
  let reviewer: BrowserPerson;
  let threadId: string;
  let minutesHash: string;
  const caseIds = new Map<string, string>();

  // Setup outside the story, through the SDK: each party's operator-invited root admin, and each
  // person's invitation and endorsement by the admin of their own party. Each person enrols in their own browser profile; every
  // step of the story, the children's cases included, is then done in the browser of its person.
  beforeAll(async () => {
    booted = await startEntriesServer(ADMIN);
    browser = await launchChromium();
    // Each party is started by its own root admin, who invites and endorses its own people.
    const admins = {
      [PARTY_A]: await enrolSdkAdmin(booted, ADMIN.name),
      [PARTY_B]: await startParty(booted, PARTY_B, 'Anna Kuznetsova'),
      [PARTY_C]: await startParty(booted, PARTY_C, 'Paul Lefèvre'),
    };
    const enrol = (who: (typeof PEOPLE)[keyof typeof PEOPLE], label: string) =>
      enrolBrowserPerson(browser, admins[who.party], { role: who.role, name: who.name }, `story-00-${label}`);
    envoyA = await enrol(PEOPLE.envoyA, 'envoy-a');
    envoyB = await enrol(PEOPLE.envoyB, 'envoy-b');
    staffA = await enrol(PEOPLE.staffA, 'staff-a');
    staffB = await enrol(PEOPLE.staffB, 'staff-b');
    reviewer = await enrol(PEOPLE.reviewer, 'reviewer');
  });
  afterAll(async () => {
    await browser?.close();
    await booted?.cleanup();
  });

  it('1. envoy A opens a thread with B and writes a letter; envoy B reads it and replies', async () => {
    const { page } = envoyA;
    threadId = await openThreadInBrowser(page, { subject: SUBJECT, party: PARTY_B }, () =>
      shot(envoyA, 'envoy-a-opens-thread'),
    );
    await page.getByTestId('letter-subject-input').fill(LETTER.subject);
    await page.getByTestId('letter-salutation').fill('Excellency,');
    await page.getByTestId('letter-body-input').fill(LETTER.body);
    await expect.poll(() => page.getByTestId('recipient-ok').count()).toBe(1);
    await shot(envoyA, 'envoy-a-writes-letter');
    await page.getByTestId('letter-submit').click();
    await cardsOf(page, 'letter').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('thread-title').textContent()).toBe(SUBJECT);
    expect(await expectTimelineValid(page)).toBe(2);

    const other = envoyB.page;
    await openThread(envoyB, SUBJECT);
    const letter = cardsOf(other, 'letter');
    await expect.poll(() => letter.getByTestId('letter-body').textContent()).toBe(LETTER.body);
    expect(await letter.getByTestId('letter-subject').textContent()).toBe(LETTER.subject);
    expect(await letter.getByTestId('entry-author').textContent()).toBe(PEOPLE.envoyA.name);
    expect(await letter.getByTestId('entry-party').textContent()).toBe(PARTY_A);
    expect(await expectTimelineValid(other)).toBe(2);
    await shot(envoyB, 'envoy-b-reads-letter');

    await letter.getByTestId('reply-letter').click();
    await other.getByTestId('letter-form').waitFor();
    expect(await other.getByTestId('reply-to').textContent()).toContain('In reply to entry');
    await other.getByTestId('letter-subject-input').fill(REPLY.subject);
    await other.getByTestId('letter-body-input').fill(REPLY.body);
    await expect.poll(() => other.getByTestId('recipient-ok').count()).toBe(1);
    await shot(envoyB, 'envoy-b-writes-reply');
    await other.getByTestId('letter-submit').click();
    await expect.poll(() => cardsOf(other, 'letter').count(), { timeout: 60_000 }).toBe(2);

    await reloadUntil(page, 3);
    const reply = cardsOf(page, 'letter').nth(1);
    await expect.poll(() => reply.getByTestId('letter-body').textContent()).toBe(REPLY.body);
    expect(await reply.getByTestId('entry-author').textContent()).toBe(PEOPLE.envoyB.name);
    expect(await reply.getByTestId('entry-party').textContent()).toBe(PARTY_B);
    // The reply references the letter in its signed header, shown as a link to it.
    expect(await reply.getByTestId('entry-corrections').textContent()).toBe('Refers to #2 letter');
    expect(await expectTimelineValid(page)).toBe(3);
    await shot(envoyA, 'envoy-a-reads-reply');
    expect(envoyA.errors).toEqual([]);
    expect(envoyB.errors).toEqual([]);
  });

  it('2. envoy A circulates agreed minutes of the meeting; both envoys countersign and they are agreed', async () => {
    const { page } = envoyA;
    await page.getByTestId('circulate-minutes').click();
    await page.getByTestId('agreed-minutes-form').waitFor();
    await page.getByTestId('agreed-minutes-title-input').fill(MINUTES_TITLE);
    await page.getByTestId('agreed-minutes-date').fill(dateAgo(0));
    await page.getByTestId('participant-name-0').fill(PEOPLE.envoyA.name);
    await page.getByTestId('participant-role-0').fill('Envoy');
    await page.getByTestId('add-participant').click();
    await page.getByTestId('participant-name-1').fill(PEOPLE.envoyB.name);
    await page.getByTestId('participant-role-1').fill('Envoy');
    await page.getByTestId('clause-1').fill(CLAUSE_1);
    await page.getByTestId('add-clause').click();
    await page.getByTestId('clause-2').fill(CLAUSE_2);
    const listed = page.getByTestId('minutes-parties').locator('input:checked');
    await expect.poll(() => listed.count(), { timeout: 30_000 }).toBe(2);
    await expect.poll(() => page.getByTestId('recipient-ok').count()).toBe(1);
    await shot(envoyA, 'envoy-a-circulates-minutes');
    await page.getByTestId('agreed-minutes-submit').click();

    const minutes = cardsOf(page, 'agreed_minutes');
    await minutes.getByTestId('minutes-state').waitFor({ timeout: 60_000 });
    minutesHash = ((await minutes.getAttribute('id')) ?? '').replace('entry-', '');
    // The card re-renders as live notices re-read the thread: wait for its decrypted content.
    await expect
      .poll(() => minutes.getByTestId('agreed-minutes-clause').allTextContents(), { timeout: 30_000 })
      .toEqual([CLAUSE_1, CLAUSE_2]);
    await expect
      .poll(() => minutes.getByTestId('minutes-status').textContent(), { timeout: 30_000 })
      .toBe(`Awaiting countersignature of ${PARTY_A}, ${PARTY_B}.`);
    await minutes.getByTestId('countersign-intent').selectOption('approve');
    await minutes.getByTestId('countersign').click();
    await expect
      .poll(() => minutes.getByTestId('minutes-status').textContent(), { timeout: 60_000 })
      .toBe(`Awaiting countersignature of ${PARTY_B}.`);
    expect(await minutes.getByTestId('minutes-state').getAttribute('data-state')).toBe('awaiting');
    await shot(envoyA, 'envoy-a-countersigned');

    await reloadUntil(envoyB.page, 5);
    const offered = cardsOf(envoyB.page, 'agreed_minutes');
    // B is offered exactly the version A circulated and signed.
    expect(await offered.getByTestId('countersign-hash').getAttribute('data-hash')).toBe(minutesHash);
    await expect
      .poll(() => offered.getByTestId('agreed-minutes-clause').allTextContents(), { timeout: 30_000 })
      .toEqual([CLAUSE_1, CLAUSE_2]);
    await offered.getByTestId('countersign-intent').selectOption('approve');
    await shot(envoyB, 'envoy-b-countersigns');
    await offered.getByTestId('countersign').click();
    await expect
      .poll(() => offered.getByTestId('minutes-state').getAttribute('data-state'), { timeout: 60_000 })
      .toBe('agreed');
    expect(await offered.getByTestId('minutes-status').textContent()).toBe(
      'Agreed: every listed party countersigned this exact text and approved it.',
    );
    await shot(envoyB, 'minutes-agreed');

    await reloadUntil(page, 6);
    await expect.poll(() => minutes.getByTestId('minutes-state').getAttribute('data-state')).toBe('agreed');
    const signed = minutes.getByTestId('minutes-party');
    expect(await signed.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-signed')))).toEqual([
      'yes',
      'yes',
    ]);
    expect(await signed.allTextContents()).toEqual([
      expect.stringContaining(`${PEOPLE.envoyA.name}: Approve`),
      expect.stringContaining(`${PEOPLE.envoyB.name}: Approve`),
    ]);
    expect(await expectTimelineValid(page)).toBe(6);
    expect(envoyA.errors).toEqual([]);
    expect(envoyB.errors).toEqual([]);
  });

  it("3a. staff A open the children's cases, shared with B, each with the child's record", async () => {
    for (const child of CHILDREN) {
      caseIds.set(child.reference, await openChildCase(staffA, child, PARTY_B));
      const { page } = staffA;
      expect(await page.getByTestId('record-names').textContent()).toContain(`${child.given} ${child.family}`);
      expect(await page.getByTestId('case-page-status').textContent()).toBe('Reported');
      if (child === CHILDREN[0]) {
        await shot(staffA, 'staff-a-opens-case');
      }
    }
    const { page } = staffA;
    await page.getByRole('link', { name: 'Cases', exact: true }).click();
    await expect.poll(() => page.getByTestId('case-row').count()).toBe(CHILDREN.length);
    await shot(staffA, 'staff-a-case-list');
    expect(staffA.errors).toEqual([]);
  });

  it('3b. envoy A records the commitment: B returns the now-adult cohort, frozen as a list, within 30 days', async () => {
    const { page } = envoyA;
    await openThread(envoyA, SUBJECT);
    await page.getByTestId('record-commitment').click();
    await page.getByTestId('commitment-form').waitFor();
    await page.getByTestId('commitment-obligor-input').selectOption({ label: PARTY_B });
    await page.getByTestId('commitment-obligee-input').selectOption({ label: PARTY_A });
    await page.getByTestId('commitment-minutes').selectOption(minutesHash);
    expect(await page.getByTestId('commitment-minutes').textContent()).toContain(
      `${MINUTES_TITLE}, version 1 (agreed)`,
    );
    await page.getByTestId('commitment-clause').selectOption('2');
    expect(await page.getByTestId('commitment-text-input').inputValue()).toBe(CLAUSE_2);
    await page.getByTestId('commitment-scope-kind').selectOption('cohort');
    expect(await page.getByTestId('commitment-cohort-as-of').inputValue()).toBe(dateAgo(0));
    // The rule picks the two taken as children who are adults now: not the child, not the one taken as an adult.
    const frozen = page.getByTestId('commitment-cohort');
    await expect.poll(() => frozen.textContent()).toMatch(/^Frozen as 2 cases when signed: .+\.$/);
    expect(referencesIn((await frozen.textContent()) ?? '')).toEqual(COHORT);
    await page.getByTestId('commitment-due-kind').selectOption('within_days');
    await page.getByTestId('commitment-due-days').fill('30');
    await page.getByTestId('commitment-due-of').selectOption(minutesHash);
    await expect.poll(() => page.getByTestId('recipient-ok').count()).toBe(1);
    await shot(envoyA, 'envoy-a-records-commitment');
    await page.getByTestId('commitment-submit').click();

    const commitment = cardsOf(page, 'commitment');
    await commitment.getByTestId('commitment-state').waitFor({ timeout: 60_000 });
    expect(await commitment.getByTestId('commitment-text').textContent()).toBe(CLAUSE_2);
    expect(await commitment.getByTestId('commitment').textContent()).toContain(
      `covers 2 cases (those taken as minors who were 18 or over on ${utcFormat('en').day(dateAgo(0))}, frozen as a list)`,
    );
    expect(await commitment.getByTestId('commitment-obligor').textContent()).toBe(PARTY_B);
    expect(await commitment.getByTestId('commitment-obligee').textContent()).toBe(PARTY_A);
    expect(await commitment.getByTestId('commitment-source').getAttribute('data-check')).toBe('ok');
    expect(await commitment.getByTestId('commitment-fulfilment').textContent()).toBe('0 of 2 fulfilled');
    expect(await commitment.getByTestId('commitment-status').getAttribute('data-status')).toBe('proposed');
    expect(await commitment.getByTestId('commitment-overdue').count()).toBe(0);
    // Thirty days from when the log recorded the agreed minutes (not from a date their author chose).
    const logged = await page.evaluate(async (hash) => {
      const reply = await fetch(`/api/entries/${hash}`, { headers: { accept: 'application/json' } });
      return ((await reply.json()) as { receivedAt: string }).receivedAt;
    }, minutesHash);
    const deadline = new Date(Date.parse(logged) + 30 * 86_400_000).toISOString();
    expect(await commitment.getByTestId('commitment-deadline').textContent()).toBe(
      `${formatInstant(deadline)} (counted from when the log recorded the entry)`,
    );
    const rows = commitment.getByTestId('commitment-case');
    const frozenIds = await rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-case')));
    expect(referencesIn((await rows.locator('th').allTextContents()).join(' '))).toEqual(COHORT);
    expect([...frozenIds].sort()).toEqual(COHORT.map((reference) => caseIds.get(reference)).sort());
    await shot(envoyA, 'commitment-recorded');
    expect(envoyA.errors).toEqual([]);
  });

  it('4. staff B record each return, staff A acknowledge it and record the reunification; only receipts count', async () => {
    const commitment = cardsOf(envoyA.page, 'commitment');
    const [first = '', second = ''] = COHORT;
    // The thread page follows every stream live; reloading as well keeps the test from depending on it.
    const fulfilment = async () => {
      await commitment.getByTestId('commitment-state').waitFor();
      return {
        text: await commitment.getByTestId('commitment-fulfilment').textContent(),
        status: await commitment.getByTestId('commitment-status').getAttribute('data-status'),
        // File number (shown before the drawn case code) → where its return stands.
        cases: Object.fromEntries(
          await commitment
            .getByTestId('commitment-case')
            .evaluateAll((items) =>
              items.map((item) => [
                item.querySelector('th')?.textContent?.split(' · ')[0],
                item.getAttribute('data-state'),
              ]),
            ),
        ),
      };
    };

    for (const [index, reference] of COHORT.entries()) {
      await openCaseByReference(staffB, reference);
      // A case follows the workflow step by step (issue 16): reported cannot jump to returned.
      expect(await staffB.page.getByTestId('change-status').count()).toBe(1);
      await staffB.page.getByTestId('change-status').click();
      expect(await staffB.page.getByTestId('status-select').locator('option[value="returned"]').count()).toBe(0);
      await staffB.page.getByTestId('change-status').click();
      for (const [status, label] of WORKFLOW_TO_RETURN) {
        await changeCaseStatus(staffB, { status, label, note: `${label}.` });
      }
      await changeCaseStatus(staffB, {
        status: 'returned',
        label: 'Returned',
        note: 'Handed over to the family at the border crossing.',
      });
      if (index === 0) {
        await shot(staffB, 'staff-b-records-return');
        // Returned but not yet acknowledged by the receiving party: it does not count.
        await envoyA.page.getByTestId('thread-reload').click();
        await expect.poll(fulfilment, { timeout: 30_000 }).toEqual({
          text: '0 of 2 fulfilled',
          status: 'in_progress',
          cases: { [first]: 'awaiting_acknowledgement', [second]: 'open' },
        });
        await shot(envoyA, 'return-awaiting-receipt');
      }

      await openCaseByReference(staffA, reference);
      const statusCards = cardsOf(staffA.page, 'status_change');
      await expect.poll(() => statusCards.count(), { timeout: 30_000 }).toBe(WORKFLOW_TO_RETURN.length + 1);
      const returned = statusCards.last();
      await returned.getByTestId('acknowledge').click();
      await returned.getByTestId('receipt').filter({ hasText: PARTY_A }).waitFor({ timeout: 60_000 });
      expect(await returned.getByTestId('receipt-person').textContent()).toBe(PEOPLE.staffA.name);
      if (index === 0) {
        await shot(staffA, 'staff-a-acknowledges-return');
        await envoyA.page.getByTestId('thread-reload').click();
        await expect.poll(fulfilment, { timeout: 30_000 }).toEqual({
          text: '1 of 2 fulfilled',
          status: 'partially_fulfilled',
          cases: { [first]: 'acknowledged', [second]: 'open' },
        });
        await shot(envoyA, 'one-of-two-fulfilled');
      }
      await changeCaseStatus(staffA, {
        status: 'reunified',
        label: 'Reunified',
        note: 'Reunified with the family in Kyiv.',
      });
      expect(await expectTimelineValid(staffA.page)).toBe(4 + WORKFLOW_TO_RETURN.length);
      if (index === 0) {
        await shot(staffA, 'staff-a-records-reunification');
      }
    }

    await envoyA.page.getByTestId('thread-reload').click();
    await expect.poll(fulfilment, { timeout: 30_000 }).toEqual({
      text: '2 of 2 fulfilled',
      status: 'fulfilled',
      cases: { [first]: 'acknowledged', [second]: 'acknowledged' },
    });
    await shot(envoyA, 'commitment-fulfilled');

    // The obligor's envoy derives the same state in their own browser.
    await openThread(envoyB, SUBJECT);
    const seenByB = cardsOf(envoyB.page, 'commitment');
    await expect
      .poll(() => seenByB.getByTestId('commitment-fulfilment').textContent(), { timeout: 30_000 })
      .toBe('2 of 2 fulfilled');
    expect(await seenByB.getByTestId('commitment-status').getAttribute('data-status')).toBe('fulfilled');
    await shot(envoyB, 'envoy-b-sees-fulfilled');
    for (const person of [envoyA, envoyB, staffA, staffB]) {
      expect(person.errors).toEqual([]);
    }
  });

  it('5. the dashboard counts the two reunified, this week, and the commitment fulfilled', async () => {
    const { page } = envoyA;
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await page.getByTestId('cases-by-status').getByRole('table').waitFor({ timeout: 30_000 });
    await expect.poll(() => dashboardStatusCounts(page)).toEqual({ reunified: '2', reported: '2' });
    const reunified = page.locator('[data-testid="status-row"][data-status="reunified"]');
    for (const reference of COHORT) {
      expect(await reunified.textContent()).toContain(reference);
    }
    expect(await dashboardReunifiedBars(page)).toEqual([[isoWeek(dateAgo(0)), '2']]);
    expect(
      await page
        .getByTestId('commitment-count')
        .evaluateAll((items) => items.map((item) => [item.getAttribute('data-status'), item.textContent])),
    ).toEqual([['fulfilled', 'Fulfilled: 1']]);
    expect(await page.getByTestId('dashboard-commitment').textContent()).toContain('2 of 2 cases fulfilled');
    await shot(envoyA, 'dashboard');
    expect(envoyA.errors).toEqual([]);
  });

  it('6. envoy A discloses the agreed minutes to a reviewer, who reads and verifies exactly those', async () => {
    const { page } = envoyA;
    await openThread(envoyA, SUBJECT);
    await cardsOf(page, 'agreed_minutes').getByTestId('disclose-entry-link').click();
    await page.getByTestId('disclose-form').waitFor();
    await page
      .getByTestId('disclose-grantee')
      .selectOption({ label: `${PEOPLE.reviewer.name} (reviewer, ${PARTY_C})` });
    await page.getByTestId('disclose-purpose').fill(DISCLOSURE_PURPOSE);
    await expect.poll(() => page.getByTestId('recipient-ok').count()).toBe(1);
    expect(await page.getByTestId('disclose-submit').textContent()).toBe('Sign and disclose 1 entry');
    await shot(envoyA, 'envoy-a-discloses-minutes');
    await page.getByTestId('disclose-submit').click();
    await page.getByTestId('confirm-button').click();
    await expect.poll(() => cardsOf(page, 'disclosure').count(), { timeout: 60_000 }).toBe(1);
    expect(await cardsOf(page, 'disclosure').getByTestId('entry-content').textContent()).toContain(DISCLOSURE_PURPOSE);

    const view = reviewer.page;
    await view.getByRole('link', { name: 'Threads', exact: true }).click();
    await view.getByTestId('thread-link').click();
    await view.getByTestId('disclosed-link').click();
    await view.getByTestId('disclosure-grant').waitFor({ timeout: 30_000 });
    expect(await view.getByTestId('disclosure-grant').textContent()).toContain(DISCLOSURE_PURPOSE);
    const access = view.getByTestId('access-row');
    expect(await access.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-access')))).toEqual([
      'not-disclosed', // thread opened
      'not-disclosed', // letter
      'not-disclosed', // reply
      'disclosed', // agreed minutes
      'not-disclosed', // countersignature A
      'not-disclosed', // countersignature B
      'not-disclosed', // commitment
      'sealed-to-you', // the disclosure itself
    ]);
    const minutesRow = view.locator('[data-testid="access-row"][data-seq="4"]');
    expect(await minutesRow.getByTestId('access-state').textContent()).toBe(
      'Disclosed to you: key commitment checked (disclosure #8)',
    );
    expect(await minutesRow.getByTestId('agreed-minutes-clause').allTextContents()).toEqual([CLAUSE_1, CLAUSE_2]);
    const shown = (await view.locator('main').textContent()) ?? '';
    for (const secret of [SUBJECT, LETTER.body, REPLY.body, ...CHILDREN.map((child) => child.family)]) {
      expect(shown).not.toContain(secret);
    }
    await shot(reviewer, 'reviewer-reads-disclosed-minutes');

    // The timeline: every signature, chain link and log inclusion checked; only the minutes open.
    await view.getByRole('link', { name: 'Back to the timeline' }).click();
    await view.getByTestId('timeline').waitFor();
    expect(await view.getByTestId('thread-title').textContent()).toBe('Thread (no access to content)');
    expect(await expectTimelineValid(view)).toBe(8);
    const minutesCard = cardsOf(view, 'agreed_minutes');
    await expect.poll(() => minutesCard.getByTestId('agreed-minutes-title').textContent()).toBe(MINUTES_TITLE);
    // The countersignatures' signed headers name this exact version: the reviewer sees it agreed by both.
    expect(await minutesCard.getByTestId('minutes-state').getAttribute('data-state')).toBe('agreed');
    expect(
      await minutesCard
        .getByTestId('minutes-party')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-signed'))),
    ).toEqual(['yes', 'yes']);
    await expect.poll(() => view.getByTestId('timeline').getByTestId('no-access').count(), { timeout: 30_000 }).toBe(6);
    const served = await servedEntries(view, threadId);
    expect(served.filter((entry) => entry.hasCiphertext).map((entry) => entry.type)).toEqual([
      'agreed_minutes',
      'disclosure',
    ]);
    // Asking for an undisclosed entry by its hash gets its header, never its ciphertext.
    const letterHash = served.find((entry) => entry.type === 'letter')?.entryHash ?? '';
    const single = await view.evaluate(async (hash) => {
      const reply = await fetch(`/api/entries/${hash}`, { headers: { accept: 'application/json' } });
      return { status: reply.status, hasCiphertext: 'ciphertext' in ((await reply.json()) as object) };
    }, letterHash);
    expect(single).toEqual({ status: 200, hasCiphertext: false });
    await shot(reviewer, 'reviewer-thread-checks');

    // The verification page: the thread's audit bundle checked against the log key this browser pinned.
    await view.getByRole('link', { name: 'Verify', exact: true }).click();
    await view.getByTestId('verify-choose').waitFor();
    await view.getByTestId('verify-scope-kind').selectOption('thread');
    await view
      .getByTestId('verify-scope-id')
      .selectOption({ label: `Thread ${threadId.slice(0, 8)} (${PARTY_A}, ${PARTY_B})` });
    await view.getByTestId('verify-submit').click();
    await view.getByTestId('verify-status').waitFor({ timeout: 60_000 });
    expect(await view.getByTestId('verify-status').getAttribute('data-state')).toBe('valid');
    expect(await view.getByTestId('verify-entry-count').textContent()).toBe('8');
    expect(await view.getByTestId('verify-valid-count').textContent()).toBe('8');
    expect(await view.getByTestId('verify-failing-count').textContent()).toBe('0');
    for (const check of ['signature', 'key', 'chain', 'inclusion']) {
      await expect
        .poll(() => view.locator(`[data-testid="verify-check-${check}"][data-state="valid"]`).count(), {
          timeout: 30_000,
        })
        .toBe(8);
    }
    await shot(reviewer, 'reviewer-verifies-thread');
    expect(reviewer.errors).toEqual([]);
    expect(envoyA.errors).toEqual([]);
  });
});
