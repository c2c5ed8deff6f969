import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
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
import { enrolSdkMember } from '../helpers/e2e-workflows';
import { childRecord } from '../helpers/sdk-entries';

const ADMIN = { name: 'Avery Lindqvist', party: 'Ukrainian Parliament Commissioner for Human Rights' };
const PARTY_B = "Commissioner for Children's Rights (RF)";
const PARTY_C = 'Norwegian Refugee Council (observer)';
const REFERENCE = 'C-11VE-0000-2026-0501';
const NOTE = 'Matched against the national register by the Kyiv office';
/** Must show 5: a new entry appears on an open timeline within this long of the append's acknowledgement. */
const WITHIN_MS = 2000;

/** One `entry` event as the page's event stream received it. */
type Received = { readonly fields: readonly string[]; readonly streamId: string; readonly entryHash: string };

const shot = (person: BrowserPerson, name: string) =>
  person.page.screenshot({ path: artifactPath(`live-${name}.png`), fullPage: true });

/**
 * Records every `entry` event any EventSource of the page receives (CDP network events), from a
 * fresh load: the page is reloaded with the network domain on, and the keys unlocked again.
 */
const recordEventStream = async (person: BrowserPerson, origin: string): Promise<Received[]> => {
  const received: Received[] = [];
  await person.cdp.send('Network.enable');
  person.cdp.on('Network.eventSourceMessageReceived', (event) => {
    if (event.eventName === 'entry') {
      const data = JSON.parse(event.data) as Record<string, unknown>;
      received.push({
        fields: Object.keys(data).sort(),
        streamId: String(data['streamId']),
        entryHash: String(data['entryHash']),
      });
    }
  });
  await person.page.goto(`${origin}/`);
  await person.page.getByTestId('unlock-passkey').click();
  await person.page.getByTestId('home-unlocked').waitFor();
  return received;
};

const openCase = async (person: BrowserPerson, reference: string) => {
  const { page } = person;
  await page.getByRole('link', { name: 'Cases', exact: true }).click();
  await page.getByTestId('case-row').filter({ hasText: reference }).getByTestId('case-reference').click();
  await page.getByTestId('timeline').waitFor();
  await page.locator('[data-testid="live-status"][data-state="open"]').waitFor();
};

/** From now on, the page notes when (epoch ms, this machine's clock) each timeline entry first shows. */
const watchTimeline = (page: Page) =>
  page.evaluate(() => {
    const seen: Record<string, number> = {};
    (window as unknown as { seenEntries: Record<string, number> }).seenEntries = seen;
    const mark = () => {
      for (const item of document.querySelectorAll('li[data-testid="timeline-entry"]')) {
        seen[item.id] ??= Date.now();
      }
    };
    mark();
    new MutationObserver(mark).observe(document.body, { childList: true, subtree: true });
  });

const firstSeen = (page: Page, entryHash: string) =>
  page.evaluate(
    (id) => (window as unknown as { seenEntries: Record<string, number> }).seenEntries[id],
    `entry-${entryHash}`,
  );

describe.skipIf(!HAS_BROWSER)('live updates in Chromium (issue 6, Must show 5)', () => {
  let booted: EntriesServer;
  let browser: Browser;
  let staffA: BrowserPerson;
  let envoyB: BrowserPerson;
  let outsider: BrowserPerson;
  let sdkStaffC: ParleyPerson;
  let partyC: string;
  let caseId: string;
  let toMember: Received[];
  let toOutsider: Received[];

  beforeAll(async () => {
    booted = await startEntriesServer(ADMIN);
    browser = await launchChromium();
    const adminA = await enrolSdkAdmin(booted, ADMIN.name);
    const adminB = await startParty(booted, PARTY_B, 'Anna Kuznetsova');
    const adminC = await startParty(booted, PARTY_C, 'Kari Nordmann');
    const partyA = adminA.partyId;
    const partyB = adminB.partyId;
    partyC = adminC.partyId;
    staffA = await enrolBrowserPerson(browser, adminA, { role: 'staff', name: 'Oksana Hrytsenko' }, 'live-00-staff-a');
    envoyB = await enrolBrowserPerson(browser, adminB, { role: 'envoy', name: 'Mira Sokolova' }, 'live-00-envoy-b');
    outsider = await enrolBrowserPerson(browser, adminC, { role: 'staff', name: 'Ingrid Haugen' }, 'live-00-outsider');
    const sdkStaffA = await enrolSdkMember(booted, adminA, { role: 'staff', name: 'Iryna Melnyk' });
    sdkStaffC = await enrolSdkMember(booted, adminC, { role: 'staff', name: 'Lars Berg' });
    caseId = (
      await sdkStaffA.openCase({ reference: REFERENCE, parties: [partyA, partyB], record: childRecord('Daryna') })
    ).streamId;
    toMember = await recordEventStream(envoyB, booted.origin);
    toOutsider = await recordEventStream(outsider, booted.origin);
  });
  afterAll(async () => {
    await browser?.close();
    await booted?.cleanup();
  });

  it('shows a new entry on the other member’s open timeline within 2 s, and tells no one outside the stream', async () => {
    await openCase(staffA, REFERENCE);
    await openCase(envoyB, REFERENCE);
    await outsider.page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await outsider.page.locator('[data-testid="live-status"][data-state="open"]').waitFor();
    await outsider.page.getByTestId('cases-by-status').waitFor();
    await expect.poll(() => envoyB.page.getByTestId('timeline-entry').count(), { timeout: 30_000 }).toBe(1);
    await watchTimeline(envoyB.page);

    const { page } = staffA;
    await page.getByTestId('change-status').click();
    await page.getByTestId('status-select').selectOption('identity_verified');
    await page.getByTestId('status-note').fill(NOTE);
    const [append] = await Promise.all([
      page.waitForResponse(
        (response) => response.url().endsWith('/api/entries') && response.request().method() === 'POST',
      ),
      page.getByTestId('status-submit').click(),
    ]);
    expect(append.status()).toBe(201);
    await append.finished();
    const timing = append.request().timing();
    const acknowledgedAt = timing.startTime + timing.responseStart;
    const { entryHash } = (await append.json()) as { entryHash: string };

    const card = envoyB.page.locator(`#entry-${entryHash}`);
    await card.waitFor({ timeout: 10_000 });
    const shownAt = await firstSeen(envoyB.page, entryHash);
    const latency = (shownAt ?? Number.POSITIVE_INFINITY) - acknowledgedAt;
    // Kept beside the screenshots, for the record of how fast it was here.
    writeFileSync(
      artifactPath('live-latency.json'),
      JSON.stringify({ latencyMs: Math.round(latency), limitMs: WITHIN_MS }),
    );
    expect(latency).toBeLessThanOrEqual(WITHIN_MS);
    // Shown because it was read and verified again, not because of the notice: signed, chained, decrypted.
    await expect
      .poll(() => card.locator('[data-testid="check-signature"][data-state="valid"]').count(), { timeout: 30_000 })
      .toBe(1);
    await expect
      .poll(() => card.locator('[data-testid="check-chain"][data-state="valid"]').count(), { timeout: 30_000 })
      .toBe(1);
    await expect.poll(() => card.getByTestId('entry-content').textContent()).toContain(NOTE);
    await expect.poll(() => envoyB.page.getByTestId('case-page-status').textContent()).toBe('Identity verified');
    await shot(envoyB, '01-member-sees-it');

    // The member's notice says where, never what.
    const notice = toMember.find((item) => item.entryHash === entryHash);
    expect(notice).toEqual({ fields: ['entryHash', 'leafIndex', 'seq', 'streamId'], streamId: caseId, entryHash });

    // Positive control: the outsider's event stream is live and recorded — it hears of its own party's case.
    const control = await sdkStaffC.openCase({
      parties: [partyC],
      record: childRecord('Ola'),
    });
    await expect
      .poll(() => toOutsider.some((item) => item.streamId === control.streamId), { timeout: 10_000 })
      .toBe(true);
    expect(toOutsider.filter((item) => item.streamId === caseId || item.entryHash === entryHash)).toEqual([]);
    await expect.poll(() => outsider.page.getByTestId('status-row').count()).toBe(1);
    expect(((await outsider.page.locator('main').textContent()) ?? '').includes(REFERENCE)).toBe(false);
    await shot(outsider, '02-outsider-dashboard');
    for (const person of [staffA, envoyB, outsider]) {
      expect(person.errors).toEqual([]);
    }
  });
});
