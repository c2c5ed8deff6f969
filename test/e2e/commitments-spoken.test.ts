import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { artifactPath, HAS_BROWSER, launchChromium } from '../helpers/browser';
import {
  type BrowserPerson,
  type EntriesServer,
  enrolBrowserPerson,
  enrolSdkAdmin,
  startEntriesServer,
  startParty,
} from '../helpers/e2e-entries';
import { cardsOf, enrolSdkMember, openThread, reloadUntil } from '../helpers/e2e-workflows';

const ADMIN = { name: 'Avery Lindqvist', party: 'Ukrainian Parliament Commissioner for Human Rights' };
const PARTY_B = "Commissioner for Children's Rights (RF)";
const SUBJECT = 'Returns agreed in Doha';
const CLAUSE = 'The Russian side will return 8 children within 24 hours.';

const shot = (person: BrowserPerson, name: string) =>
  person.page.screenshot({ path: artifactPath(`commitments-spoken-${name}.png`), fullPage: true });

describe.skipIf(!HAS_BROWSER)('commitments as spoken: "8 children within 24 hours" (issue 16, Must show 6)', () => {
  let booted: EntriesServer;
  let browser: Browser;
  let envoyA: BrowserPerson;
  let envoyB: BrowserPerson;
  let sdkEnvoyB: ParleyPerson;
  let minutes: { entryHash: string };

  beforeAll(async () => {
    booted = await startEntriesServer(ADMIN);
    browser = await launchChromium();
    const adminA = await enrolSdkAdmin(booted, ADMIN.name);
    const adminB = await startParty(booted, PARTY_B, 'Anna Kuznetsova');
    envoyA = await enrolBrowserPerson(browser, adminA, { role: 'envoy', name: 'Dmytro Lubinets' }, 'spoken-00-a');
    envoyB = await enrolBrowserPerson(browser, adminB, { role: 'envoy', name: 'Mira Sokolova' }, 'spoken-00-b');
    const sdkEnvoyA = await enrolSdkMember(booted, adminA, { role: 'envoy', name: 'Olha Kovalenko' });
    sdkEnvoyB = await enrolSdkMember(booted, adminB, { role: 'envoy', name: 'Pavel Orlov' });
    const parties = [adminA.partyId, adminB.partyId];
    const { streamId: threadId } = await sdkEnvoyA.openThread({ parties, subject: SUBJECT });
    minutes = await sdkEnvoyA.append(threadId, {
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
    for (const envoy of [sdkEnvoyA, sdkEnvoyB]) {
      await envoy.append(threadId, {
        type: 'countersignature',
        refs: [minutes.entryHash],
        meta: { intent: 'approve' },
        content: { type: 'countersignature' },
      });
    }
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await booted?.cleanup();
  });

  const commitmentCard = (person: BrowserPerson) => cardsOf(person.page, 'commitment').nth(0);
  const fulfilment = async (person: BrowserPerson) =>
    commitmentCard(person).getByTestId('commitment-fulfilment').textContent();

  it('records "8 children within 24 hours": a count and a deadline in hours', async () => {
    const { page } = envoyA;
    await openThread(envoyA, SUBJECT);
    await page.getByTestId('record-commitment').click();
    await page.getByTestId('commitment-form').waitFor();
    await page.getByTestId('commitment-obligor-input').selectOption({ label: PARTY_B });
    await page.getByTestId('commitment-obligee-input').selectOption({ label: ADMIN.party });
    await expect.poll(() => page.getByTestId('commitment-minutes').locator('option').count()).toBe(2);
    await page.getByTestId('commitment-minutes').selectOption({ index: 1 });
    await page.getByTestId('commitment-clause').selectOption('1');
    await page.getByTestId('commitment-scope-kind').selectOption('count');
    await page.getByTestId('commitment-count').fill('8');
    await page.getByTestId('commitment-due-kind').selectOption('within_hours');
    await page.getByTestId('commitment-due-hours').fill('24');
    await page.getByTestId('commitment-due-of').selectOption(minutes.entryHash);
    await expect.poll(() => page.getByTestId('recipient-ok').count()).toBe(1);
    await shot(envoyA, '01-form');
    await page.getByTestId('commitment-submit').click();

    const card = commitmentCard(envoyA);
    await card.getByTestId('commitment-state').waitFor({ timeout: 60_000 });
    expect(await card.getByTestId('commitment-text').textContent()).toBe(CLAUSE);
    expect(await card.getByTestId('commitment-scope').textContent()).toBe('8 children');
    expect(await card.getByTestId('commitment-due').textContent()).toContain('within 24 hours of entry');
    expect(await fulfilment(envoyA)).toBe('0 of 8 children returned');
    expect(await card.getByTestId('commitment-overdue').count()).toBe(0);
    await shot(envoyA, '02-recorded');
  });

  it('is fulfilled only by returns the receiving party confirms on the commitment', async () => {
    // The obligor's own word that all 8 came back counts for nothing.
    const thread = commitmentCard(envoyA);
    const threadId = new URL(envoyA.page.url()).pathname.split('/')[2] ?? '';
    const commitmentHash = ((await thread.getAttribute('id')) ?? '').replace(/^entry-/, '');
    expect(commitmentHash).not.toBe('');
    await sdkEnvoyB.append(threadId, {
      type: 'commitment_update',
      refs: [commitmentHash],
      content: { type: 'commitment_update', returnConfirmed: { count: 8 }, note: 'All returned.' },
    });
    await reloadUntil(envoyA.page, 6);
    expect(await fulfilment(envoyA)).toBe('0 of 8 children returned');

    // The obligor's envoy is offered no confirmation; the obligee's is.
    await openThread(envoyB, SUBJECT);
    await commitmentCard(envoyB).getByTestId('commitment-state').waitFor({ timeout: 60_000 });
    expect(await commitmentCard(envoyB).getByTestId('confirm-return-form').count()).toBe(0);

    const { page } = envoyA;
    const confirm = async (count: string, entries: number) => {
      await commitmentCard(envoyA).getByTestId('confirm-return-count').fill(count);
      await commitmentCard(envoyA).getByTestId('confirm-return-submit').click();
      await expect
        .poll(() => page.getByTestId('timeline').getByTestId('timeline-entry').count(), { timeout: 60_000 })
        .toBe(entries);
    };
    await confirm('5', 7);
    await expect.poll(() => fulfilment(envoyA), { timeout: 30_000 }).toBe('5 of 8 children returned');
    expect(await commitmentCard(envoyA).getByTestId('commitment-status').getAttribute('data-status')).toBe(
      'partially_fulfilled',
    );
    await confirm('3', 8);
    await expect.poll(() => fulfilment(envoyA), { timeout: 30_000 }).toBe('8 of 8 children returned');
    expect(await commitmentCard(envoyA).getByTestId('commitment-status').getAttribute('data-status')).toBe('fulfilled');
    expect(await commitmentCard(envoyA).getByTestId('confirm-return-form').count()).toBe(0);
    await shot(envoyA, '03-fulfilled');
    expect(envoyA.errors).toEqual([]);
  });
});
