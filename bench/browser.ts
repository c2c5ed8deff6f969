import type { Page } from 'playwright-core';
import type { ParleyPerson } from '../client/sdk/parley-person';
import { CHROMIUM_PATH, launchChromium } from '../test/helpers/browser';
import { enrolBrowserReader, ensureClientBuilt } from './support/browser-reader';
import type { DriverRun } from './support/driver-run';
import { say } from './support/progress';
import { atMost, count, ms, type Section, seconds } from './support/report';
import { median } from './support/stats';
import { timelineCase } from './support/timeline-case';

type Opened = { readonly ms: number; readonly cards: number };

/**
 * Navigates in the app (no reload: the keys stay in memory) to the case page and answers the
 * milliseconds until its timeline shows the latest entry, `#entries`, read from the log (no
 * provisional copy on screen), none locked, and every card shown with its signature, chain,
 * inclusion and readers checks valid; polled at every animation frame.
 */
const timedOpen = (page: Page, caseId: string, entries: number): Promise<Opened> =>
  page.evaluate(
    ([id, last]) =>
      new Promise<Opened>((resolve) => {
        const from = performance.now();
        const checks = ['check-signature', 'check-chain', 'check-inclusion', 'check-readers'];
        const frame = () => {
          const timeline = document.querySelector('[data-testid="timeline"]');
          const cards = timeline?.querySelectorAll('[data-testid="timeline-entry"]') ?? [];
          const seq = cards[cards.length - 1]?.querySelector('.entry-seq')?.textContent;
          const settled =
            timeline !== null &&
            seq === `#${last}` &&
            document.querySelector('[data-testid="stream-provisional"]') === null &&
            document.querySelector('[data-testid="content-locked"]') === null &&
            checks.every(
              (check) =>
                timeline.querySelectorAll(`[data-testid="${check}"][data-state="valid"]`).length === cards.length,
            );
          if (settled) {
            resolve({ ms: performance.now() - from, cards: cards.length });
            return;
          }
          requestAnimationFrame(frame);
        };
        history.pushState({}, '', `/cases/${id}`);
        dispatchEvent(new PopStateEvent('popstate'));
        requestAnimationFrame(frame);
      }),
    [caseId, entries] as const,
  );

/** Milliseconds the page takes to fetch every page of the case's entries and parse them, nothing checked. */
const rawFetch = (page: Page, caseId: string, entries: number): Promise<number> =>
  page.evaluate(
    async ([id, total]) => {
      const from = performance.now();
      let fetched = 0;
      while (fetched < total) {
        const reply = await fetch(`/api/streams/${id}/entries?after=${fetched}&limit=1000`);
        const body = (await reply.json()) as { entries: unknown[] };
        if (body.entries.length === 0) {
          throw new Error(`no entries after ${fetched}`);
        }
        fetched += body.entries.length;
      }
      return performance.now() - from;
    },
    [caseId, entries] as const,
  );

/**
 * Browser timeline benchmark on one database: a staff member enrolled in headless Chromium (a
 * virtual authenticator with PRF) opens a case of `entries` entries for the first time (empty
 * local store) and the page verifies it from the log; against the Node SDK's `readStream` of the
 * same case and the page's raw fetch of the same entries. Skipped, in one line, without Chromium.
 */
export const benchBrowser = async (run: DriverRun): Promise<Section | undefined> => {
  const { team, settings, label } = run;
  if (CHROMIUM_PATH === null) {
    say(`${label}: browser: skipped, no Chromium found (set CHROMIUM_PATH or install chromium)`);
    return undefined;
  }
  const entries = settings.browser.entries;
  ensureClientBuilt();
  const browser = await launchChromium();
  try {
    say(`${label}: browser: enrolling a reader in Chromium`);
    const person = await enrolBrowserReader(browser, run);
    await person.page.getByTestId('account-link').click();
    await person.page.getByTestId('account-page').waitFor();
    const caseId = await timelineCase(run, entries);
    say(`${label}: browser: first open of the case`);
    // tsx compiles this file keeping function names through a `__name` helper the page lacks.
    await person.page.evaluate('globalThis.__name ??= (target) => target');
    const opened = await timedOpen(person.page, caseId, entries);
    const fetches: number[] = [];
    const sdk: number[] = [];
    const reader = team.writers[1] as ParleyPerson;
    await reader.readStream(caseId);
    for (let round = 1; round <= settings.runs; round += 1) {
      fetches.push(await rawFetch(person.page, caseId, entries));
      const started = performance.now();
      await reader.readStream(caseId);
      sdk.push(performance.now() - started);
    }
    if (person.errors.length > 0) {
      throw new Error(`the page logged errors: ${person.errors.slice(0, 3).join('; ')}`);
    }
    const limit = 1000 * (entries / 1_000);
    const scaled = entries === 1_000 ? '' : `; the target is 1 s for 1,000, scaled to ${seconds(limit / 1000)}`;
    const fetched = median(fetches);
    const node = median(sdk);
    return {
      id: 'browser',
      title: 'Browser timeline',
      method: [
        `A staff member enrolled in headless Chromium (Debian's, a virtual CTAP 2.1 authenticator with PRF, as the browser tests use) opens, for the first time and with an empty local store, a case of ${count(entries)} entries written by another staff member as for the timeline benchmark: an in-app navigation from the account page to the case page, timed in the page until the timeline shows the latest entry read from the log (no provisional copy), none locked, and every card shown with its signature, chain, inclusion and readers checks valid (polled at each animation frame). A long timeline shows its latest entries and keeps the earlier ones behind a button (the Cards shown column); the page's read (client/entries/read-stream.ts) verifies every entry it fetched, not only the cards shown. One first open per run: a second would draw the local store's copy first.`,
        `Baselines in the same run: the page's own \`fetch\` of every page of the same entries (\`GET /api/streams/:id/entries\`, JSON parsed, nothing checked), and the Node SDK's \`readStream\` of the same case (what the timeline benchmark measures); medians of ${settings.runs}.`,
      ],
      tables: [
        {
          title: 'Opening a case in Chromium against raw fetches and the Node SDK',
          columns: [
            'Database',
            'Entries',
            'Cards shown',
            'Browser first open',
            'Raw fetch in page',
            'Node SDK readStream',
            'Browser ÷ fetch',
            'Browser ÷ SDK',
          ],
          rows: [
            [
              label,
              count(entries),
              count(opened.cards),
              ms(opened.ms),
              ms(fetched),
              ms(node),
              `${(opened.ms / fetched).toFixed(1)}×`,
              `${(opened.ms / node).toFixed(1)}×`,
            ],
          ],
        },
      ],
      targets: [
        atMost(
          `browser-${run.driver.name}`,
          `${count(entries)}-entry case opened in Chromium ≤ ${seconds(limit / 1000)} (${label}${scaled})`,
          opened.ms / 1000,
          limit / 1000,
          seconds,
        ),
      ],
      profiles: [],
      notes: [],
    };
  } finally {
    await browser.close();
  }
};
