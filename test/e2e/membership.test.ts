import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParleyPerson } from '../../client/sdk/parley-person';
import type { Role } from '../../shared/schemas/role';
import { artifactPath, HAS_BROWSER, launchChromium } from '../helpers/browser';
import { readersAsked, setAutoConfirmReaders } from '../helpers/e2e-browser';
import {
  type BrowserPerson,
  type EntriesServer,
  enrolBrowserPerson,
  enrolSdkAdmin,
  expectTimelineValid,
  startEntriesServer,
} from '../helpers/e2e-entries';
import { type PostedHeader, recordPostedEntries } from '../helpers/e2e-hostile';
import { cardsOf, openThread, openThreadInBrowser, reloadUntil } from '../helpers/e2e-workflows';
import { bootstrapAdminInvitation } from '../helpers/sdk-bootstrap';

const PARTY_A = { party: 'Republic of Avalon', name: 'Ada Admin' };
const PARTY_B = 'Kingdom of Lyonesse';
const PARTY_C = 'Duchy of Cornwall';
const SUBJECT = 'The Avalon–Lyonesse channel';

/*
 * Issue 11, Must show 4, in the browser: a member of party B adds party C to an A–B thread. A's page
 * shows the request pending; C is not sealed A's next letter; once A consents (in the page) it is,
 * after A confirmed C's envoy as a new reader. B cannot remove A alone; B can leave, at once.
 */
describe.skipIf(!HAS_BROWSER)('membership by consent in Chromium (issue 11, Must show 4)', () => {
  let booted: EntriesServer;
  let browser: Browser;
  let envoyA: BrowserPerson;
  let envoyB: ParleyPerson;
  let envoyC: ParleyPerson;
  let partyA: string;
  let partyC: string;
  let threadId: string;
  let posted: PostedHeader[];

  const shot = (name: string) =>
    envoyA.page.screenshot({ path: artifactPath(`membership-${name}.png`), fullPage: true });

  const startParty = async (name: string, adminName: string) => {
    const { link, partyId } = await bootstrapAdminInvitation(booted.server, name, adminName);
    return { admin: await ParleyPerson.enrol(booted.server.url, link, { origin: booted.origin }), partyId };
  };
  const enrolMember = async (admin: ParleyPerson, who: { partyId: string; role: Role; name: string }) => {
    const person = await ParleyPerson.enrol(booted.server.url, await admin.invite(who), { origin: booted.origin });
    await admin.endorse(person.personId);
    return person;
  };

  /** Writes a letter from A's browser and answers the header it posted. */
  const writeLetter = async (subject: string): Promise<PostedHeader> => {
    const { page } = envoyA;
    const before = posted.length;
    await page.getByTestId('write-letter').click();
    await page.getByTestId('letter-subject-input').fill(subject);
    await page.getByTestId('letter-body-input').fill(`Excellency, ${subject.toLowerCase()}.`);
    await expect.poll(() => page.getByTestId('recipient-ok').count()).toBe(1);
    await page.getByTestId('letter-submit').click();
    await page.getByTestId('thread-reload').waitFor({ timeout: 60_000 });
    await expect.poll(() => posted.length).toBe(before + 1);
    return posted[before] as PostedHeader;
  };

  const sealedTo = (header: PostedHeader) => header.recipients.map((recipient) => recipient.person).sort();

  beforeAll(async () => {
    booted = await startEntriesServer(PARTY_A);
    browser = await launchChromium();
    const adminA = await enrolSdkAdmin(booted, PARTY_A.name);
    partyA = adminA.partyId;
    const b = await startParty(PARTY_B, 'Bea Admin');
    const c = await startParty(PARTY_C, 'Cy Admin');
    partyC = c.partyId;
    envoyA = await enrolBrowserPerson(browser, adminA, { role: 'envoy', name: 'Eve Envoy' }, 'membership-00-envoy-a');
    envoyB = await enrolMember(b.admin, { partyId: b.partyId, role: 'envoy', name: 'Bo Envoy' });
    envoyC = await enrolMember(c.admin, { partyId: c.partyId, role: 'envoy', name: 'Cai Envoy' });
    posted = recordPostedEntries(envoyA.page);
  });
  afterAll(async () => {
    await browser?.close();
    await booted?.cleanup();
  });

  it("shows A the request of B to add C, pending A's consent, and seals A's next letter without C", async () => {
    const { page } = envoyA;
    threadId = await openThreadInBrowser(page, { subject: SUBJECT, party: PARTY_B });
    await openThread(envoyA, SUBJECT);
    await expect.poll(() => page.getByTestId('member-party').allTextContents()).toEqual([PARTY_A.party, PARTY_B]);

    await envoyB.proposeMembership(threadId, { add: [partyC], reason: 'Cornwall mediates the next round' });
    await reloadUntil(page, 2);
    const proposal = page.getByTestId('pending-proposal');
    await expect.poll(() => proposal.getByTestId('proposal-add').textContent()).toBe(PARTY_C);
    expect(await proposal.getByTestId('proposal-awaiting').textContent()).toBe(PARTY_A.party);
    expect(await page.getByTestId('member-party').allTextContents()).toEqual([PARTY_A.party, PARTY_B]);
    expect(await cardsOf(page, 'membership').getByTestId('membership-change').textContent()).toContain(
      `Adds ${PARTY_C}`,
    );
    expect(await expectTimelineValid(page)).toBe(2);
    await shot('01-pending-request');

    const asked = (await readersAsked(envoyA)).length;
    const letter = await writeLetter('Before any consent');
    expect(letter.type).toBe('letter');
    expect(sealedTo(letter)).toEqual([envoyA.personId, envoyB.personId].sort());
    expect(sealedTo(letter)).not.toContain(envoyC.personId);
    // No one new since A's last entry here: the page asked nothing.
    expect((await readersAsked(envoyA)).length).toBe(asked);
  });

  it('seals to C once A consents, after A confirms the new reader in a dialog naming them', async () => {
    const { page } = envoyA;
    const proposal = page.getByTestId('pending-proposal');
    await proposal.getByTestId('consent-note').fill('Avalon agrees');
    await proposal.getByTestId('consent-proposal').click();
    await expect
      .poll(() => page.getByTestId('member-party').allTextContents(), { timeout: 60_000 })
      .toEqual([PARTY_A.party, PARTY_B, PARTY_C]);
    await expect.poll(() => proposal.count()).toBe(0);
    const consent = cardsOf(page, 'membership_consent');
    expect(await consent.getByTestId('membership-consent').textContent()).toBe(
      'Consents for their party: Avalon agrees',
    );
    // The consent itself was sealed before C joined.
    expect(sealedTo(posted.at(-1) as PostedHeader)).toEqual([envoyA.personId, envoyB.personId].sort());
    await shot('02-consented');

    await setAutoConfirmReaders(envoyA, false);
    await page.getByTestId('write-letter').click();
    await page.getByTestId('letter-subject-input').fill('With Cornwall');
    await page.getByTestId('letter-body-input').fill('Excellency, with Cornwall.');
    await expect.poll(() => page.getByTestId('recipient-ok').count()).toBe(1);
    await page.getByTestId('letter-submit').click();
    const dialog = page.getByTestId('readers-dialog');
    await dialog.waitFor();
    const reader = dialog.getByTestId('new-reader');
    expect(await reader.count()).toBe(1);
    expect(await reader.getAttribute('data-person')).toBe(envoyC.personId);
    expect(await reader.getByTestId('new-reader-name').textContent()).toBe('Cai Envoy (envoy)');
    expect(await reader.getByTestId('new-reader-party').textContent()).toBe(PARTY_C);
    expect(await reader.getByTestId('new-reader-endorsed-by').textContent()).toBe(`Cy Admin (${PARTY_C})`);
    expect(await reader.getByTestId('new-reader-party-verified').textContent()).toBe('not verified');
    expect(await reader.getByTestId('new-reader-verified').textContent()).toBe('not verified');
    await shot('03-new-reader-dialog');
    const before = posted.length;
    // Declining sends nothing.
    await dialog.getByTestId('readers-cancel').click();
    await expect.poll(() => page.getByTestId('letter-error').textContent()).toContain('you did not confirm');
    expect(posted.length).toBe(before);
    await page.getByTestId('letter-submit').click();
    await dialog.getByTestId('readers-confirm').click();
    await page.getByTestId('thread-reload').waitFor({ timeout: 60_000 });
    await expect.poll(() => posted.length).toBe(before + 1);
    expect(sealedTo(posted[before] as PostedHeader)).toEqual(
      [envoyA.personId, envoyB.personId, envoyC.personId].sort(),
    );
    await setAutoConfirmReaders(envoyA, true);
    // C, now a member, reads the letter sealed to it, and not the one A sent before consenting.
    const letters = (await envoyC.readStream(threadId)).filter((entry) => entry.header.type === 'letter');
    expect(letters.map((entry) => entry.content?.type === 'letter' && entry.content.subject)).toEqual([
      false,
      'With Cornwall',
    ]);
  });

  it('does not let B remove A alone, and lets B leave at once', async () => {
    const { page } = envoyA;
    await envoyB.proposeMembership(threadId, { remove: [partyA], reason: 'Avalon is no longer needed' });
    await openThread(envoyA, SUBJECT);
    const proposal = page.getByTestId('pending-proposal');
    await expect.poll(() => proposal.getByTestId('proposal-remove').textContent()).toBe(PARTY_A.party);
    expect(await page.getByTestId('member-party').allTextContents()).toEqual([PARTY_A.party, PARTY_B, PARTY_C]);
    await shot('04-removal-pending');

    await envoyB.leave(threadId, 'Lyonesse steps back');
    await page.getByTestId('thread-reload').click();
    await expect
      .poll(() => page.getByTestId('member-party').allTextContents(), { timeout: 30_000 })
      .toEqual([PARTY_A.party, PARTY_C]);
    // A proposes from the page, in its form, to remove C: pending until C consents.
    await page.getByTestId('propose-membership').click();
    await page.getByTestId('propose-remove').getByLabel(PARTY_C).check();
    await page.getByTestId('propose-reason').fill('The mediation is over');
    await page.getByTestId('propose-submit').click();
    // B's removal of A stays pending beside it: A never consented.
    const mine = page.getByTestId('pending-proposal').nth(1);
    await expect.poll(() => mine.getByTestId('proposal-remove').textContent(), { timeout: 60_000 }).toBe(PARTY_C);
    expect(await mine.getByTestId('proposal-awaiting').textContent()).toBe(PARTY_C);
    expect(await page.getByTestId('member-party').allTextContents()).toEqual([PARTY_A.party, PARTY_C]);

    const letter = await writeLetter('After Lyonesse left');
    expect(sealedTo(letter)).toEqual([envoyA.personId, envoyC.personId].sort());
    expect(await expectTimelineValid(page)).toBe(9);
    await shot('05-after-b-left');
    expect(envoyA.errors).toEqual([]);
  });
});
