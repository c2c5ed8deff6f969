import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { HAS_BROWSER, launchChromium } from '../helpers/browser';
import {
  type BrowserPerson,
  type EntriesServer,
  enrolBrowserPerson,
  enrolSdkAdmin,
  startEntriesServer,
} from '../helpers/e2e-entries';
import { appendManyMinutes, type Head } from '../helpers/e2e-long-case';
import { enrolSdkMember } from '../helpers/e2e-workflows';
import { childRecord } from '../helpers/sdk-entries';

const ADMIN = { name: 'Maren Holt', party: 'Office of the Ombudsperson' };
const WRITTEN = 4;
const LONG = 2 * 60_000;

// The browser asks the log for its checkpoint while the entries arrive (client/entries/load-streams.ts).
// An entry appended after that checkpoint was served, and before the entries were, lies beyond it:
// the read must ask the log again rather than show that entry as not included.
describe.skipIf(!HAS_BROWSER)('a case read while someone appends to it', () => {
  let booted: EntriesServer;
  let browser: Browser;
  let envoy: BrowserPerson;
  let staff: ParleyPerson;
  let caseId: string;
  let head: Head;

  beforeAll(async () => {
    booted = await startEntriesServer(ADMIN);
    browser = await launchChromium();
    const admin = await enrolSdkAdmin(booted, ADMIN.name);
    envoy = await enrolBrowserPerson(browser, admin, { role: 'envoy', name: 'Ilse Varga' }, 'appended-00-envoy');
    staff = await enrolSdkMember(booted, admin, { role: 'staff', name: 'Petro Sydorenko' });
    await envoy.page.getByTestId('account-link').click();
    await envoy.page.getByTestId('account-page').waitFor();
    const opened = await staff.openCase({ parties: [admin.partyId], record: childRecord('Mila') });
    caseId = opened.streamId;
    head = await appendManyMinutes(staff, caseId, { seq: 1, hash: opened.entryHash }, WRITTEN - 1, 'Before');
  }, LONG);

  afterAll(async () => {
    await browser?.close();
    await booted?.cleanup();
  });

  it(
    'asks the log again for an entry beyond the checkpoint it was proving, and shows every entry included',
    async () => {
      const { page } = envoy;
      // No live notice may trigger a second read: only the first read's own checks count here.
      await page.route('**/api/events**', (route) => route.abort());
      // Checkpoint requests before and after the entries were let through (the read starts both at
      // once, so which of the two requests leaves first is not fixed).
      const checkpoints = { beforeEntries: 0, afterEntries: 0 };
      let entriesReleased = false;
      page.on('request', (request) => {
        if (new URL(request.url()).pathname === '/api/log/checkpoint') {
          checkpoints[entriesReleased ? 'afterEntries' : 'beforeEntries'] += 1;
        }
      });
      let checkpointServed: () => void = () => undefined;
      const served = new Promise<void>((resolve) => {
        checkpointServed = resolve;
      });
      page.on('response', (response) => {
        if (new URL(response.url()).pathname === '/api/log/checkpoint') {
          checkpointServed();
        }
      });
      await page.route(`**/api/streams/${caseId}/entries**`, async (route) => {
        await served;
        head = await appendManyMinutes(staff, caseId, head, 1, 'Appended during the read');
        entriesReleased = true;
        await route.continue();
      });
      await page.evaluate('globalThis.__name ??= (target) => target');
      // Every card's inclusion check once the entry appended during the read is shown (a card
      // 'Logged after the last verified checkpoint' would be 'unchecked').
      const shown = await page.evaluate(
        ([id, last]) =>
          new Promise<{ cards: number; notIncluded: number }>((resolve) => {
            const frame = () => {
              const timeline = document.querySelector('[data-testid="timeline"]');
              const cards = timeline?.querySelectorAll('[data-testid="timeline-entry"]') ?? [];
              const seq = cards[cards.length - 1]?.querySelector('.entry-seq')?.textContent;
              if (timeline && seq === `#${last}`) {
                const valid = timeline.querySelectorAll('[data-testid="check-inclusion"][data-state="valid"]');
                resolve({ cards: cards.length, notIncluded: cards.length - valid.length });
                return;
              }
              requestAnimationFrame(frame);
            };
            history.pushState({}, '', `/cases/${id}`);
            dispatchEvent(new PopStateEvent('popstate'));
            requestAnimationFrame(frame);
          }),
        [caseId, WRITTEN + 1] as const,
      );
      expect(shown).toEqual({ cards: WRITTEN + 1, notIncluded: 0 });
      // One checkpoint served before the entries were, and one asked for after them, for the entry beyond it.
      expect(checkpoints.beforeEntries).toBeGreaterThanOrEqual(1);
      expect(checkpoints.afterEntries).toBeGreaterThanOrEqual(1);
      await page.unroute(`**/api/streams/${caseId}/entries**`);
      await page.unroute('**/api/events**');
      expect(envoy.errors).toEqual([]);
    },
    LONG,
  );
});
