import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParleyPerson } from '../../client/sdk/parley-person';
import { invitationRoutes } from '../../shared/api/identity';
import { artifactPath, HAS_BROWSER, launchChromium } from '../helpers/browser';
import {
  type BrowserPerson,
  type EntriesServer,
  enrolBrowserPerson,
  enrolSdkAdmin,
  type SdkAdmin,
  startEntriesServer,
  startParty,
} from '../helpers/e2e-entries';
import { enrolSdkMember, openThread } from '../helpers/e2e-workflows';

const ADMIN = { name: 'Avery Lindqvist', party: 'Ukrainian Parliament Commissioner for Human Rights' };
const PARTY_B = "Commissioner for Children's Rights (RF)";
const PARTY_C = 'Médiateur indépendant (revue)';
const SUBJECT = 'Lists for the next round';
const THREAD_ENTRIES = 6;

/** Kind → count, as Home lists them. */
const queueOf = async (page: Page): Promise<Record<string, number>> => {
  // Away and back, in the app: Home reads afresh (a page already shown keeps its first read).
  await page.getByRole('link', { name: 'People', exact: true }).click();
  await page.getByRole('link', { name: /^Home/ }).click();
  await page.getByTestId('work-queue').waitFor();
  await expect
    .poll(
      async () => (await page.getByTestId('queue-kind').count()) + (await page.getByTestId('queue-empty').count()),
      {
        timeout: 60_000,
      },
    )
    .toBeGreaterThan(0);
  const rows = await page
    .getByTestId('queue-kind')
    .evaluateAll((kinds) =>
      kinds.map((kind) => [kind.getAttribute('data-kind'), Number(kind.getAttribute('data-count'))]),
    );
  return Object.fromEntries(rows);
};

/** The count the navigation shows beside Home (0 when it shows none). */
const navCount = async (page: Page): Promise<number> =>
  (await page.getByTestId('queue-count').count()) === 0
    ? 0
    : Number(((await page.getByTestId('queue-count').textContent()) ?? '').trim().split(' ')[0]);

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 16);

describe.skipIf(!HAS_BROWSER)('the work queue on Home (issue 16, Must show 2)', () => {
  let booted: EntriesServer;
  let browser: Browser;
  let adminA: SdkAdmin;
  let envoyA: BrowserPerson;
  let envoyB: BrowserPerson;
  let envoyC: BrowserPerson;
  let browserAdminA: BrowserPerson;

  beforeAll(async () => {
    booted = await startEntriesServer(ADMIN);
    browser = await launchChromium();
    adminA = await enrolSdkAdmin(booted, ADMIN.name);
    const adminB = await startParty(booted, PARTY_B, 'Anna Kuznetsova');
    const adminC = await startParty(booted, PARTY_C, 'Paul Lefèvre');
    envoyA = await enrolBrowserPerson(browser, adminA, { role: 'envoy', name: 'Dmytro Lubinets' }, 'queue-00-a');
    envoyB = await enrolBrowserPerson(browser, adminB, { role: 'envoy', name: 'Mira Sokolova' }, 'queue-00-b');
    envoyC = await enrolBrowserPerson(browser, adminC, { role: 'envoy', name: 'Claire Dubois' }, 'queue-00-c');
    browserAdminA = await enrolBrowserPerson(browser, adminA, { role: 'admin', name: 'Oleh Admin' }, 'queue-00-adm');
    const sdkEnvoyA = await enrolSdkMember(booted, adminA, { role: 'envoy', name: 'Olha Kovalenko' });
    const sdkEnvoyB = await enrolSdkMember(booted, adminB, { role: 'envoy', name: 'Pavel Orlov' });

    const parties = [adminA.partyId, adminB.partyId];
    const { streamId: threadId } = await sdkEnvoyA.openThread({ parties, subject: SUBJECT });
    const letter = await sdkEnvoyA.append(threadId, {
      type: 'letter',
      content: { type: 'letter', subject: 'Lists', body: 'Excellency, the lists are attached.', attachments: [] },
    });
    const minutes = await sdkEnvoyA.append(threadId, {
      type: 'agreed_minutes',
      meta: { parties },
      content: {
        type: 'agreed_minutes',
        title: 'Agreed minutes',
        date: '2026-12-05',
        participants: [{ name: 'Chair' }],
        clauses: [{ number: 1, text: 'The Russian side returns 8 children within a week.' }],
        attachments: [],
      },
    });
    // Party A has countersigned: only party B still owes its countersignature.
    await sdkEnvoyA.append(threadId, {
      type: 'countersignature',
      refs: [minutes.entryHash],
      meta: { intent: 'approve' },
      content: { type: 'countersignature' },
    });
    await sdkEnvoyA.append(threadId, {
      type: 'commitment',
      content: {
        type: 'commitment',
        commitmentId: crypto.randomUUID(),
        source: { kind: 'agreed_minutes', entry: minutes.entryHash, clause: 1 },
        obligor: adminB.partyId,
        obligee: adminA.partyId,
        text: 'The Russian side returns 8 children within a week.',
        scope: { kind: 'count', count: 8 },
        madeAt: '2026-12-05',
        due: { kind: 'at', at: inDays(3), zone: 'UTC' },
      },
    });
    // Party B disputes party A's letter: a dispute against party A.
    await sdkEnvoyB.append(threadId, {
      type: 'dispute',
      refs: [letter.entryHash],
      content: {
        type: 'dispute',
        reasons: ['The lists were never attached.'],
        evidence: { entries: [], attachments: [] },
      },
    });
    // Someone waits for party A's endorsement.
    const { link } = await adminA.http.api(invitationRoutes.createInvitation, {
      body: { partyId: adminA.partyId, role: 'staff', name: 'Nadiia Pending' },
    });
    await ParleyPerson.enrol(booted.server.url, link, { origin: booted.origin });
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await booted?.cleanup();
  });

  it('lists each kind for the person it waits on, and not for others', async () => {
    const b = await queueOf(envoyB.page);
    expect(b).toEqual({ countersign: 1, receipt: 1, commitment: 1, unread: THREAD_ENTRIES });
    expect(await navCount(envoyB.page)).toBe(3 + THREAD_ENTRIES);
    await envoyB.page.screenshot({ path: artifactPath('queue-01-envoy-b.png'), fullPage: true });

    // Party A wrote the letter and countersigned: it owes neither; it is the one disputed.
    const a = await queueOf(envoyA.page);
    expect(a).toEqual({ commitment: 1, dispute: 1, unread: THREAD_ENTRIES });
    expect(await navCount(envoyA.page)).toBe(2 + THREAD_ENTRIES);

    // Not a member of the thread, not an admin: nothing.
    expect(await queueOf(envoyC.page)).toEqual({});
    expect(await envoyC.page.getByTestId('queue-empty').count()).toBe(1);
    expect(await navCount(envoyC.page)).toBe(0);

    // Only an admin of the party is asked to endorse.
    expect(await queueOf(browserAdminA.page)).toEqual({ endorse: 1 });
    expect(await navCount(browserAdminA.page)).toBe(1);
    await browserAdminA.page.screenshot({ path: artifactPath('queue-02-admin.png'), fullPage: true });
  });

  it('drops unread entries once the thread has been on screen, and links each item to where to act', async () => {
    await openThread(envoyB, SUBJECT);
    const b = await queueOf(envoyB.page);
    expect(b).toEqual({ countersign: 1, receipt: 1, commitment: 1 });
    await envoyB.page
      .getByTestId('queue-kind')
      .filter({ hasText: 'countersignature' })
      .getByTestId('queue-link')
      .click();
    await envoyB.page.getByTestId('timeline').waitFor();
    expect(new URL(envoyB.page.url()).pathname).toMatch(/^\/threads\//);
    expect(envoyB.errors).toEqual([]);
  });
});
