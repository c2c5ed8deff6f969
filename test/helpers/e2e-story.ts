import { existsSync, readdirSync, rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { ARTIFACTS_DIR, artifactPath } from './browser';
import type { PersonBrowser } from './e2e-browser';
import { nextCaseStep } from './e2e-case-steps';
import type { BrowserPerson } from './e2e-entries';

/**
 * Full-page screenshots numbered in the order taken: `<prefix>-01-<name>.png`, `<prefix>-02-…`.
 * Numbered ones of an earlier run are removed first, so a shorter run leaves none of them behind.
 */
export const screenshotSeries = (prefix: string) => {
  const earlier = new RegExp(`^${prefix}-(?!00-)\\d{2}-.*\\.png$`);
  for (const file of existsSync(ARTIFACTS_DIR) ? readdirSync(ARTIFACTS_DIR) : []) {
    if (earlier.test(file)) {
      rmSync(`${ARTIFACTS_DIR}${file}`);
    }
  }
  let taken = 0;
  return async (person: PersonBrowser, name: string): Promise<void> => {
    taken += 1;
    const file = `${prefix}-${String(taken).padStart(2, '0')}-${name}.png`;
    await person.page.screenshot({ path: artifactPath(file), fullPage: true });
  };
};

/** The date `years` years and `days` days before today (UTC), as YYYY-MM-DD. */
export const dateAgo = (years: number, days = 0): string => {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() - years);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
};

/** What the cohort rule needs of a child, and a name to find the record by. */
export type ChildOnFile = {
  /** The file number staff type; sealed in the record, shown beside the drawn case code. */
  readonly reference: string;
  readonly given: string;
  readonly family: string;
  readonly birthDate: string;
  readonly separationDate: string;
};

/**
 * Staff open a case in their browser with a short child record (one name, exact birth date,
 * separation date), shared with `otherParty`; answers the case id from the page it lands on.
 */
export const openChildCase = async (staff: BrowserPerson, child: ChildOnFile, otherParty: string): Promise<string> => {
  const { page } = staff;
  await page.getByRole('link', { name: 'Cases', exact: true }).click();
  await page.getByTestId('open-case-link').click();
  await page.getByTestId('case-form').waitFor();
  await page.getByTestId('case-file-number-input').fill(child.reference);
  await page.getByTestId('party-picker').getByLabel(otherParty).check();
  await nextCaseStep(page);
  await page.getByTestId('name-given-0').fill(child.given);
  await page.getByTestId('name-family-0').fill(child.family);
  await page.getByTestId('name-script-0').selectOption('Latn');
  await page.getByTestId('name-source-0').fill('birth certificate');
  await page.getByTestId('birth-mode').selectOption('exact');
  await page.getByTestId('birth-date').fill(child.birthDate);
  await nextCaseStep(page);
  await page.getByTestId('separation-date').fill(child.separationDate);
  await nextCaseStep(page);
  await nextCaseStep(page);
  await expect.poll(() => page.getByTestId('recipient-ok').count()).toBe(1);
  await page.getByTestId('open-case-submit').click();
  await page.getByTestId('child-record').waitFor({ timeout: 60_000 });
  expect(await page.getByTestId('case-page-reference').textContent()).toContain(`${child.reference} · C-`);
  return new URL(page.url()).pathname.split('/')[2] ?? '';
};

/** On an open case page: records a new status with a note, and waits until the page shows `label`. */
export const changeCaseStatus = async (
  person: BrowserPerson,
  change: { status: string; label: string; note: string },
): Promise<void> => {
  const { page } = person;
  await page.getByTestId('change-status').click();
  await page.getByTestId('status-select').selectOption(change.status);
  await page.getByTestId('status-note').fill(change.note);
  await expect.poll(() => page.getByTestId('recipient-ok').count()).toBe(1);
  await page.getByTestId('status-submit').click();
  await expect.poll(() => page.getByTestId('case-page-status').textContent(), { timeout: 60_000 }).toBe(change.label);
};

/** The dashboard's cases by status: status → number of cases, as the table shows them. */
export const dashboardStatusCounts = (page: Page) =>
  page
    .getByTestId('status-row')
    .evaluateAll((rows) =>
      Object.fromEntries(
        rows.map((row) => [
          row.getAttribute('data-status'),
          row.querySelector('[data-testid="status-count"]')?.textContent,
        ]),
      ),
    );

/** The dashboard chart's bars: ISO week → cases reunified that week. */
export const dashboardReunifiedBars = (page: Page) =>
  page
    .getByTestId('reunified-bar')
    .evaluateAll((items) => items.map((item) => [item.getAttribute('data-week'), item.getAttribute('data-count')]));

/** What the server hands this browser for a stream: per entry, its type and whether ciphertext came. */
export const servedEntries = (page: Page, streamId: string) =>
  page.evaluate(async (id) => {
    const reply = await fetch(`/api/streams/${id}/entries`, { headers: { accept: 'application/json' } });
    const body = (await reply.json()) as {
      entries: { entryHash: string; ciphertext?: string; header: { type: string } }[];
    };
    return body.entries.map((entry) => ({
      entryHash: entry.entryHash,
      type: entry.header.type,
      hasCiphertext: entry.ciphertext !== undefined,
    }));
  }, streamId);
