import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { endorseEnrolment } from '../../client/sdk/admin-operations';
import { ParleyPerson } from '../../client/sdk/parley-person';
import { invitationRoutes } from '../../shared/api/identity';
import type { Role } from '../../shared/schemas/role';
import { type BrowserPerson, type EntriesServer, readFromTheLog, type SdkAdmin } from './e2e-entries';

/**
 * A person driven from Node beside the browser people (for fixtures and for what a browser never
 * sends): invited into the SDK admin's party and endorsed by them. Enrol them before the entries
 * they must receive.
 */
export const enrolSdkMember = async (
  booted: EntriesServer,
  admin: SdkAdmin,
  who: { role: Role; name: string },
): Promise<ParleyPerson> => {
  const { link } = await admin.http.api(invitationRoutes.createInvitation, {
    body: { partyId: admin.partyId, ...who },
  });
  const person = await ParleyPerson.enrol(booted.server.url, link, { origin: booted.origin });
  await endorseEnrolment(admin.http, admin.keyring.signer(admin.personId), person.personId);
  return person;
};

/** Opens a thread by its subject through the app's own navigation (a reload would drop the keys). */
export const openThread = async (person: BrowserPerson, subject: string): Promise<void> => {
  const { page } = person;
  await page.getByRole('link', { name: 'Threads', exact: true }).click();
  await page.getByTestId('thread-link').filter({ hasText: subject }).click();
  await page.getByTestId('thread-reload').waitFor();
  await readFromTheLog(page);
};

/** Reads the stream again and waits until the timeline shows `count` entries. */
export const reloadUntil = async (page: Page, count: number, reload = 'thread-reload'): Promise<void> => {
  await page.getByTestId(reload).click();
  await expect
    .poll(() => page.getByTestId('timeline').getByTestId('timeline-entry').count(), { timeout: 30_000 })
    .toBe(count);
};

/** Timeline cards of one entry type, in chain order. */
export const cardsOf = (page: Page, type: string): Locator =>
  page.getByTestId('timeline').locator(`[data-testid="timeline-entry"][data-entry-type="${type}"]`);

/**
 * Opens a thread with another party from the browser and waits for its page; returns its id.
 * `beforeSubmit` runs once the form is filled and the recipients check out (a screenshot, say).
 */
export const openThreadInBrowser = async (
  page: Page,
  thread: { subject: string; party: string },
  beforeSubmit: () => Promise<unknown> = async () => undefined,
): Promise<string> => {
  await page.getByRole('link', { name: 'Threads', exact: true }).click();
  await page.getByTestId('open-thread-link').click();
  await page.getByTestId('thread-subject').fill(thread.subject);
  await page.getByTestId('party-picker').getByLabel(thread.party).check();
  await expect.poll(() => page.getByTestId('recipient-ok').count()).toBe(1);
  await beforeSubmit();
  await page.getByTestId('thread-submit').click();
  await page.getByTestId('write-letter').click({ timeout: 60_000 });
  return new URL(page.url()).pathname.split('/')[2] ?? '';
};
