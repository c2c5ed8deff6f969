import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, HAS_BROWSER, launchChromium } from '../helpers/browser';
import { openPersonBrowser, type PersonBrowser } from '../helpers/e2e-browser';
import {
  type BrowserPerson,
  type EntriesServer,
  enrolBrowserPerson,
  enrolSdkAdmin,
  startEntriesServer,
  startParty,
} from '../helpers/e2e-entries';
import { axeViolations, goTo, settle, sidewaysOverflow } from '../helpers/e2e-screens';
import { enrolSdkMember, openThreadInBrowser } from '../helpers/e2e-workflows';
import { meetingMinutes } from '../helpers/sdk-entries';

const ADMIN = { name: 'Avery Lindqvist', party: 'Уповноважений Верховної Ради з прав людини' };
const PARTY_B = 'Уполномоченный по правам ребёнка (РФ)';
const LANGUAGES = ['en', 'uk', 'ru'] as const;
// The language picker's label, as each catalogue words it (client/i18n/locales/*/common.json).
const PICKER_LABEL = { en: 'Language', uk: 'Мова', ru: 'Язык' } as const;
const WIDTHS = [1280, 390] as const;

type Screen = { readonly name: string; readonly path: string };

describe.skipIf(!HAS_BROWSER)('every main screen at 1280 and 390 px in English, Ukrainian and Russian', () => {
  let booted: EntriesServer;
  let browser: Browser;
  let envoy: BrowserPerson;
  let admin: BrowserPerson;
  let staff: BrowserPerson;
  let signedOut: PersonBrowser;
  let threadId: string;
  let caseId: string;
  let partyId: string;

  beforeAll(async () => {
    booted = await startEntriesServer(ADMIN);
    browser = await launchChromium();
    const sdkAdmin = await enrolSdkAdmin(booted, ADMIN.name);
    await startParty(booted, PARTY_B, 'Анна Кузнецова');
    envoy = await enrolBrowserPerson(browser, sdkAdmin, { role: 'envoy', name: 'Дмитро Лубінець' }, 'screens-00-envoy');
    admin = await enrolBrowserPerson(browser, sdkAdmin, { role: 'admin', name: 'Noor Haddad' }, 'screens-00-admin');
    staff = await enrolBrowserPerson(browser, sdkAdmin, { role: 'staff', name: 'Ірина Мельник' }, 'screens-00-staff');
    partyId = sdkAdmin.partyId;
    const sdkStaff = await enrolSdkMember(booted, sdkAdmin, { role: 'staff', name: 'Олег Кравець' });
    caseId = (
      await sdkStaff.openCase({
        parties: [partyId],
        record: {
          names: [
            {
              given: 'Олена',
              family: 'Коваленко',
              kind: 'birth',
              script: 'Cyrl',
              language: 'uk',
              source: 'birth certificate',
            },
          ],
          sex: 'female',
        },
      })
    ).streamId;
    await sdkStaff.append(caseId, { type: 'minutes', content: meetingMinutes('Зустріч щодо повернення') });
    signedOut = await openPersonBrowser(browser, { hasPrf: true });
    await signedOut.page.goto(booted.origin);
    await signedOut.page.getByTestId('sign-in').waitFor();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await booted?.cleanup();
  });

  const envoyScreens = (): Screen[] => [
    { name: 'home', path: '/' },
    { name: 'people', path: '/people' },
    { name: 'log', path: '/log' },
    { name: 'verify', path: '/verify' },
    { name: 'dashboard', path: '/dashboard' },
    { name: 'cases', path: '/cases' },
    { name: 'threads', path: '/threads' },
    { name: 'thread-new', path: '/threads/new' },
    { name: 'thread', path: `/threads/${threadId}` },
    { name: 'letter', path: `/threads/${threadId}/letter` },
    { name: 'agreed-minutes', path: `/threads/${threadId}/agreed-minutes` },
    { name: 'commitment', path: `/threads/${threadId}/commitment` },
    { name: 'account', path: '/account' },
    { name: 'not-found', path: '/no-such-page' },
  ];
  const adminScreens: Screen[] = [
    { name: 'admin-parties', path: '/admin/parties' },
    { name: 'admin-invitations', path: '/admin/invitations' },
    { name: 'admin-pending', path: '/admin/pending' },
    { name: 'admin-people', path: '/admin/people' },
  ];

  const staffScreens = (): Screen[] => [
    { name: 'case-new', path: '/cases/new' },
    { name: 'case', path: `/cases/${caseId}` },
    { name: 'case-minutes', path: `/cases/${caseId}/minutes` },
    { name: 'search', path: '/search' },
    { name: 'person', path: `/people/${envoy.personId}` },
    { name: 'party', path: `/parties/${partyId}` },
  ];
  // A browser nobody signed in on: the sign-in screen, and the links' pages opened without their token.
  const signedOutScreens: Screen[] = [
    { name: 'sign-in', path: '/' },
    { name: 'enrol-no-token', path: '/enrol' },
    { name: 'recover-no-token', path: '/recover' },
  ];

  it('shoots every screen, never scrolls sideways at 390 px, and has no axe violations', {
    timeout: 900_000,
  }, async () => {
    threadId = await openThreadInBrowser(envoy.page, { subject: 'Спільна перевірка списку', party: PARTY_B });
    await envoy.page.getByTestId('letter-subject-input').fill('Пропозиція');
    await envoy.page.getByTestId('letter-body-input').fill('Ваша Високоповажносте, пропонуємо спільну перевірку.');
    await expect.poll(() => envoy.page.getByTestId('recipient-ok').count()).toBe(1);
    await envoy.page.getByTestId('letter-submit').click();
    await envoy.page.getByTestId('timeline-entry').nth(1).waitFor({ timeout: 60_000 });
    // The checks can fail: an image without a text alternative is an axe violation, and a
    // 600 px wide block makes the 390 px page scroll sideways.
    await envoy.page.setViewportSize({ width: 390, height: 900 });
    await envoy.page.evaluate(() => {
      const probe = document.createElement('div');
      probe.id = 'probe';
      probe.innerHTML = '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="1" height="1">';
      // Through the CSSOM, which the CSP (no inline style attributes) allows.
      probe.style.width = '600px';
      probe.style.minWidth = '600px';
      document.querySelector('main')?.append(probe);
    });
    expect((await axeViolations(envoy.page)).map((violation) => violation.id)).toContain('image-alt');
    expect((await sidewaysOverflow(envoy.page)).overflow).toBeGreaterThan(0);
    await envoy.page.evaluate(() => document.getElementById('probe')?.remove());
    const overflowing: string[] = [];
    const violations: string[] = [];
    for (const [person, screens] of [
      [envoy, envoyScreens()],
      [admin, adminScreens],
      [staff, staffScreens()],
      [signedOut, signedOutScreens],
    ] as const) {
      const { page } = person;
      for (const language of LANGUAGES) {
        await page.getByTestId('language-switch').selectOption(language);
        await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
        // The page on screen renders again in the new language, without a reload.
        const label = () =>
          page
            .getByTestId('language-switch')
            .evaluate((select) => (select as HTMLSelectElement).labels[0]?.textContent);
        await expect.poll(label).toBe(PICKER_LABEL[language]);
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          for (const screen of screens) {
            await goTo(page, screen.path);
            await settle(page);
            await page.screenshot({
              path: artifactPath(`screens-${language}-${width}-${screen.name}.png`),
              fullPage: true,
            });
            const where = `${screen.name} (${language}, ${width} px)`;
            if (width === 390) {
              const { overflow, culprits } = await sidewaysOverflow(page);
              if (overflow > 0) {
                overflowing.push(`${where}: ${overflow} px, ${culprits.join(' ')}`);
              }
            }
            for (const violation of await axeViolations(page)) {
              violations.push(`${where}: ${violation.id} (${violation.impact}) ${violation.nodes.join(' ')}`);
            }
          }
        }
      }
    }
    expect({ overflowing, violations }).toEqual({ overflowing: [], violations: [] });
    expect(envoy.errors).toEqual([]);
    expect(admin.errors).toEqual([]);
    expect(staff.errors).toEqual([]);
    expect(signedOut.errors).toEqual([]);
  });
});
