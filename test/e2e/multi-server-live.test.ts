import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endorseEnrolment } from '../../client/sdk/admin-operations';
import { ParleyPerson } from '../../client/sdk/parley-person';
import { invitationRoutes } from '../../shared/api/identity';
import { drawCaseCode } from '../../shared/crypto/draw-case-code';
import { artifactPath, HAS_BROWSER, launchChromium } from '../helpers/browser';
import { driversUnderTest } from '../helpers/databases';
import {
  type BrowserPerson,
  type EntriesServer,
  enrolBrowserPerson,
  enrolSdkAdmin,
  startEntriesServer,
} from '../helpers/e2e-entries';
import { childRecord, meetingMinutes } from '../helpers/sdk-entries';
import { startTestServer, type TestServer } from '../helpers/test-server';

const ADMIN = { name: 'Avery Lindqvist', party: 'Ukrainian Parliament Commissioner for Human Rights' };
const REFERENCE = drawCaseCode();
/** Issue 15, Must show 1: the entry shows on server 1's open timeline within this long. */
const WITHIN_MS = 2000;

const hasPostgres = driversUnderTest().some((driver) => driver.name === 'postgres');
if (!hasPostgres) {
  console.warn('SKIPPED: the two-server browser test needs PostgreSQL (DATABASE_URL), which both servers share');
}

/** From now on, the page notes when (epoch ms) each timeline entry first shows. */
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

describe.skipIf(!HAS_BROWSER || !hasPostgres)('a browser on server 1, an entry written through server 2', () => {
  let booted: EntriesServer;
  let second: TestServer;
  let browser: Browser;
  let viewer: BrowserPerson;
  let writer: ParleyPerson;
  let caseId: string;

  beforeAll(async () => {
    booted = await startEntriesServer(ADMIN);
    // A second server on the same database, the same log key and the same public origin.
    const { seed } = JSON.parse(readFileSync(join(booted.server.config.dataDir, 'log-key.json'), 'utf8')) as {
      seed: string;
    };
    second = await startTestServer({
      databaseUrl: booted.server.config.databaseUrl,
      env: { LOG_SIGNING_KEY: seed, PUBLIC_ORIGIN: booted.origin },
    });
    browser = await launchChromium();
    const admin = await enrolSdkAdmin(booted, ADMIN.name);
    viewer = await enrolBrowserPerson(browser, admin, { role: 'staff', name: 'Oksana Hrytsenko' }, 'multi-00-viewer');
    const { link } = await admin.http.api(invitationRoutes.createInvitation, {
      body: { partyId: admin.partyId, role: 'staff', name: 'Iryna Melnyk' },
    });
    writer = await ParleyPerson.enrol(second.url, link, { origin: booted.origin });
    await endorseEnrolment(admin.http, admin.keyring.signer(admin.personId), writer.personId);
    caseId = (await writer.openCase({ reference: REFERENCE, parties: [admin.partyId], record: childRecord('Daryna') }))
      .streamId;
  });

  afterAll(async () => {
    await browser?.close();
    await second?.shutdown();
    await booted?.cleanup();
  });

  it('shows the entry on the open timeline within 2 s of server 2 acknowledging it', async () => {
    const { page } = viewer;
    await page.getByRole('link', { name: 'Cases', exact: true }).click();
    await page.getByTestId('case-row').filter({ hasText: REFERENCE }).getByTestId('case-reference').click();
    await page.getByTestId('timeline').waitFor();
    await page.locator('[data-testid="live-status"][data-state="open"]').waitFor();
    await expect.poll(() => page.getByTestId('timeline-entry').count(), { timeout: 30_000 }).toBe(1);
    await watchTimeline(page);

    const { entryHash } = await writer.append(caseId, { type: 'minutes', content: meetingMinutes('via server 2') });
    const acknowledgedAt = Date.now();
    await page.locator(`#entry-${entryHash}`).waitFor({ timeout: 10_000 });
    const shownAt = await page.evaluate(
      (id) => (window as unknown as { seenEntries: Record<string, number> }).seenEntries[id],
      `entry-${entryHash}`,
    );
    const latency = (shownAt ?? Number.POSITIVE_INFINITY) - acknowledgedAt;
    await page.screenshot({ path: artifactPath('multi-01-seen-on-server-1.png'), fullPage: true });
    expect(latency).toBeLessThanOrEqual(WITHIN_MS);
    expect(viewer.errors).toEqual([]);
  });
});
