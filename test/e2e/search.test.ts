import type { Browser, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { meetingMinutes } from '../helpers/sdk-entries';

const ADMIN = { name: 'Avery Lindqvist', party: 'Ukrainian Parliament Commissioner for Human Rights' };
const PARTY_B = "Commissioner for Children's Rights (RF)";
const LETTER_PHRASE = 'return of the twins before the first snow';
const MINUTES_PHRASE = 'handover at the Sumy crossing';

/** Every word typed into search: none may appear in any request this browser sends. */
const TYPED = ['Олена Коваленко', 'Olena Kovalenko', 'Kovalenko', LETTER_PHRASE, MINUTES_PHRASE, 'Artem Shevchuk'];

const record = (given: string, family: string, script: 'Cyrl' | 'Latn') => ({
  names: [{ given, family, kind: 'birth' as const, script, language: 'uk', source: 'birth certificate' }],
  sex: 'female' as const,
});

const hitTitles = async (person: BrowserPerson, query: string): Promise<string[]> => {
  const { page } = person;
  await page.getByTestId('search-input').fill(query);
  await page.getByTestId('search-count').waitFor();
  return page.getByTestId('search-hit').evaluateAll((hits) => hits.map((hit) => hit.getAttribute('data-kind') ?? ''));
};

describe.skipIf(!HAS_BROWSER)('search in the browser (issue 16, Must show 3)', () => {
  let booted: EntriesServer;
  let browser: Browser;
  let envoy: BrowserPerson;
  let outsider: BrowserPerson;
  const sent: string[] = [];

  beforeAll(async () => {
    booted = await startEntriesServer(ADMIN);
    browser = await launchChromium();
    const adminA = await enrolSdkAdmin(booted, ADMIN.name);
    const adminB = await startParty(booted, PARTY_B, 'Mira Sokolova');
    envoy = await enrolBrowserPerson(browser, adminA, { role: 'envoy', name: 'Taras Bondar' }, 'search-00-envoy');
    outsider = await enrolBrowserPerson(browser, adminB, { role: 'envoy', name: 'Pavel Orlov' }, 'search-00-outsider');
    const staff = await enrolSdkMember(booted, adminA, { role: 'staff', name: 'Iryna Melnyk' });
    const sdkEnvoy = await enrolSdkMember(booted, adminA, { role: 'envoy', name: 'Oleh Kravets' });
    const olena = await staff.openCase({ parties: [adminA.partyId], record: record('Олена', 'Коваленко', 'Cyrl') });
    await staff.openCase({ parties: [adminA.partyId], record: record('Artem', 'Shevchuk', 'Latn') });
    await staff.append(olena.streamId, { type: 'minutes', content: meetingMinutes(`Agreed the ${MINUTES_PHRASE}`) });
    const { streamId: threadId } = await sdkEnvoy.openThread({ parties: [adminA.partyId], subject: 'Winter returns' });
    await sdkEnvoy.append(threadId, {
      type: 'letter',
      content: {
        type: 'letter',
        subject: 'Request',
        body: `Excellency, we ask for the ${LETTER_PHRASE}.`,
        attachments: [],
      },
    });
    const record_ = (request: Request) => sent.push(`${request.method()} ${request.url()} ${request.postData() ?? ''}`);
    envoy.page.on('request', record_);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await booted?.cleanup();
  });

  it('finds a child by Cyrillic and by Latin, and phrases in a letter and in minutes', async () => {
    const { page } = envoy;
    await page.getByRole('link', { name: 'Search', exact: true }).click();
    await page.getByTestId('search-input').and(page.locator(':enabled')).waitFor({ timeout: 60_000 });
    expect(await hitTitles(envoy, 'Олена Коваленко')).toEqual(['child']);
    expect(await page.getByTestId('search-hit-link').textContent()).toContain('Олена Коваленко');
    expect(await hitTitles(envoy, 'Olena Kovalenko')).toEqual(['child']);
    expect(await hitTitles(envoy, 'Kovalenko')).toEqual(['child']);
    expect(await hitTitles(envoy, 'Артем Шевчук')).toEqual(['child']);
    expect(await hitTitles(envoy, LETTER_PHRASE)).toEqual(['letter']);
    expect(await hitTitles(envoy, MINUTES_PHRASE)).toEqual(['minutes']);
    await page.screenshot({ path: artifactPath('search-01-minutes.png'), fullPage: true });
    // The hit leads to the record.
    await hitTitles(envoy, 'Olena Kovalenko');
    await page.getByTestId('search-hit-link').click();
    await page.getByTestId('child-record').waitFor();
    expect(envoy.errors).toEqual([]);
  });

  it('sends no search term to the server', () => {
    // Positive control: the listener saw the stream reads the search page made.
    expect(sent.some((line) => line.includes('/api/streams'))).toBe(true);
    const lowered = sent.map((line) => decodeURIComponent(line).toLowerCase());
    // Each phrase, and each of its words long enough not to occur by chance in a path ("of" in "proofs").
    const words = TYPED.flatMap((text) => text.split(' ')).filter((word) => word.length >= 4);
    for (const term of [...TYPED, ...words]) {
      expect(lowered.filter((line) => line.includes(term.toLowerCase()))).toEqual([]);
    }
  });

  it('finds nothing of another party’s cases, letters or minutes', async () => {
    const { page } = outsider;
    await page.getByRole('link', { name: 'Search', exact: true }).click();
    await page.getByTestId('search-input').and(page.locator(':enabled')).waitFor({ timeout: 60_000 });
    for (const query of ['Olena Kovalenko', LETTER_PHRASE, MINUTES_PHRASE]) {
      expect(await hitTitles(outsider, query)).toEqual([]);
    }
  });
});
