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
import { dashboardReunifiedBars, dashboardStatusCounts } from '../helpers/e2e-story';
import { enrolSdkMember } from '../helpers/e2e-workflows';
import { childRecord } from '../helpers/sdk-entries';

const ADMIN = { name: 'Avery Lindqvist', party: 'Ukrainian Parliament Commissioner for Human Rights' };
const PARTY_B = "Commissioner for Children's Rights (RF)";
const REFERENCES = ['UA-2026-0601', 'UA-2026-0602', 'UA-2026-0603'];

const shot = (person: BrowserPerson, name: string) =>
  person.page.screenshot({ path: artifactPath(`dashboard-${name}.png`), fullPage: true });

describe.skipIf(!HAS_BROWSER)('dashboard in Chromium, computed from what the person can decrypt (issue 6)', () => {
  let booted: EntriesServer;
  let browser: Browser;
  let envoyA: BrowserPerson;
  let staffA: ParleyPerson;
  let caseIds: string[];

  beforeAll(async () => {
    booted = await startEntriesServer(ADMIN);
    browser = await launchChromium();
    const adminA = await enrolSdkAdmin(booted, ADMIN.name);
    const adminB = await startParty(booted, PARTY_B, 'Anna Kuznetsova');
    const partyA = adminA.partyId;
    const partyB = adminB.partyId;
    envoyA = await enrolBrowserPerson(
      browser,
      adminA,
      { role: 'envoy', name: 'Dmytro Lubinets' },
      'dashboard-00-envoy-a',
    );
    staffA = await enrolSdkMember(booted, adminA, { role: 'staff', name: 'Oksana Hrytsenko' });
    const sdkEnvoyA = await enrolSdkMember(booted, adminA, { role: 'envoy', name: 'Olha Kovalenko' });
    const sdkEnvoyB = await enrolSdkMember(booted, adminB, { role: 'envoy', name: 'Pavel Orlov' });

    caseIds = [];
    for (const [index, reference] of REFERENCES.entries()) {
      const opened = await staffA.openCase({
        parties: [partyA],
        // The file number is sealed in the record; the clear reference is a drawn code.
        record: { ...childRecord(['Olena', 'Maksym', 'Daryna'][index] ?? 'Anna'), fileNumber: reference },
      });
      caseIds.push(opened.streamId);
    }
    // Two reunifications, two weeks apart (2026-W02 and 2026-W04); the third case stays reported.
    for (const [index, effectiveDate] of [
      [0, '2026-01-05'],
      [1, '2026-01-19'],
    ] as const) {
      await staffA.append(caseIds[index] ?? '', {
        type: 'status_change',
        content: { type: 'status_change', status: 'reunified', note: '', effectiveDate },
      });
    }
    const { streamId: threadId } = await sdkEnvoyA.openThread({ parties: [partyA, partyB], subject: 'Doha channel' });
    const minutes = await sdkEnvoyA.append(threadId, {
      type: 'agreed_minutes',
      meta: { parties: [partyA, partyB] },
      content: {
        type: 'agreed_minutes',
        title: 'Agreed minutes of the first round',
        date: '2026-01-02',
        participants: [{ name: 'Hamad bin Khalifa', role: 'Chair' }],
        clauses: [{ number: 1, text: 'The third child returns by the end of January.' }],
        attachments: [],
      },
    });
    for (const [text, date] of [
      ['The third child returns by the end of January.', '2026-01-31'],
      ['Follow-up visits will be arranged.', '2099-12-31'],
    ] as const) {
      await sdkEnvoyA.append(threadId, {
        type: 'commitment',
        content: {
          type: 'commitment',
          commitmentId: crypto.randomUUID(),
          source: { kind: 'agreed_minutes', entry: minutes.entryHash, clause: 1 },
          obligor: partyB,
          obligee: partyA,
          text,
          scope: { kind: 'cases', caseIds: [caseIds[2] ?? ''] },
          madeAt: '2026-01-02',
          due: { kind: 'date', date },
        },
      });
    }
    // Party B signs a receipt for the minutes only: the two commitments still await one.
    await sdkEnvoyB.append(threadId, {
      type: 'acknowledgement',
      refs: [minutes.entryHash],
      content: { type: 'acknowledgement' },
    });
  });
  afterAll(async () => {
    await browser?.close();
    await booted?.cleanup();
  });

  it('shows cases by status, reunifications per week, commitments overdue first and receipts awaited', async () => {
    const { page } = envoyA;
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await page.getByTestId('cases-by-status').getByRole('table').waitFor({ timeout: 30_000 });
    expect(await dashboardStatusCounts(page)).toEqual({ reunified: '2', reported: '1' });
    expect(await dashboardReunifiedBars(page)).toEqual([
      ['2026-W02', '1'],
      ['2026-W03', '0'],
      ['2026-W04', '1'],
    ]);
    expect(await page.getByTestId('reunified-chart').locator('svg title').textContent()).toBe(
      'Reunified per ISO week: 2026-W02: 1; 2026-W03: 0; 2026-W04: 1',
    );
    const commitments = page.getByTestId('dashboard-commitment');
    expect(await commitments.evaluateAll((items) => items.map((item) => item.getAttribute('data-status')))).toEqual([
      'overdue',
      'proposed',
    ]);
    expect(await commitments.first().textContent()).toContain('The third child returns by the end of January.');
    expect(
      await page
        .getByTestId('commitment-count')
        .evaluateAll((items) => items.map((item) => [item.getAttribute('data-status'), item.textContent])),
    ).toEqual([
      ['overdue', 'Overdue: 1'],
      ['proposed', 'Proposed: 1'],
    ]);
    const awaited = page.getByTestId('awaited-receipt');
    // Receipts need every recipient's party: the people list is refreshed when the page mounts.
    await expect
      .poll(() => awaited.evaluateAll((items) => items.map((item) => item.getAttribute('data-entry-type'))))
      .toEqual(['commitment', 'commitment']);
    expect(await awaited.getByTestId('awaited-parties').allTextContents()).toEqual([PARTY_B, PARTY_B]);
    await shot(envoyA, '01-overview');
    expect(envoyA.errors).toEqual([]);
  });

  it('follows a status change live: the third case reunified moves it and its week without a reload', async () => {
    const { page } = envoyA;
    await page.locator('[data-testid="live-status"][data-state="open"]').waitFor();
    await staffA.append(caseIds[2] ?? '', {
      type: 'status_change',
      content: { type: 'status_change', status: 'reunified', note: '', effectiveDate: '2026-01-20' },
    });
    await expect.poll(() => dashboardStatusCounts(page), { timeout: 10_000 }).toEqual({ reunified: '3' });
    expect(await dashboardReunifiedBars(page)).toEqual([
      ['2026-W02', '1'],
      ['2026-W03', '0'],
      ['2026-W04', '2'],
    ]);
    const reunified = page.locator('[data-testid="status-row"][data-status="reunified"]');
    for (const reference of REFERENCES) {
      expect(await reunified.textContent()).toContain(reference);
    }
    await shot(envoyA, '02-after-live-status-change');
    expect(envoyA.errors).toEqual([]);
  });
});
