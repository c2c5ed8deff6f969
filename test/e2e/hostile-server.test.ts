import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sealDraft } from '../../client/sdk/entry-draft';
import { ParleyPerson } from '../../client/sdk/parley-person';
import { unlockedKeyringOf } from '../../client/sdk/unlocked-keyring';
import type { ContentOf } from '../../shared/content/entry-content';
import { compareRecipients } from '../../shared/crypto/entry-recipients';
import type { BoxPublicKey } from '../../shared/crypto/identity-keys';
import { fromBase64url } from '../../shared/encoding/bytes';
import type { Role } from '../../shared/schemas/role';
import type { StoredEntry } from '../../shared/schemas/stream';
import { artifactPath, HAS_BROWSER, launchChromium } from '../helpers/browser';
import {
  type BrowserPerson,
  type EntriesServer,
  enrolBrowserPerson,
  enrolSdkAdmin,
  startEntriesServer,
} from '../helpers/e2e-entries';
import {
  expectBlockedWithout,
  forgedPair,
  type PostedHeader,
  recordPostedEntries,
  reopenUnlocked,
  rewriteDirectory,
  rewriteReplies,
} from '../helpers/e2e-hostile';
import { openThread } from '../helpers/e2e-workflows';
import { bootstrapAdminInvitation } from '../helpers/sdk-bootstrap';

const PARTY_A = { party: 'Republic of Avalon', name: 'Ada Admin' };
const PARTY_B = 'Kingdom of Lyonesse';
const PARTY_C = 'Duchy of Cornwall';
const SUBJECT = 'The Avalon channel';
const LETTER: ContentOf<'letter'> = { type: 'letter', subject: 'Next round', body: 'Excellency, …', attachments: [] };

type PersonReply = { id: string; name: string; role: string; status: string; party: { id: string; name: string } };

/*
 * Issue 11, Must show 1, in the browser: a server that lies about people and keys, played by
 * Playwright rewriting its replies to the real pages in Chromium. In every case the page shows a
 * blocking warning naming the person concerned, and nothing is sealed to the intruder: no entry is
 * posted at all, or (at the end, honest again) only to the thread's readers from the log.
 */
describe.skipIf(!HAS_BROWSER)('a hostile server in front of the browser (issue 11, Must show 1)', () => {
  let booted: EntriesServer;
  let browser: Browser;
  let envoyA: BrowserPerson;
  let envoyB: ParleyPerson;
  let revokedB: ParleyPerson;
  let intruder: ParleyPerson;
  let adminAId: string;
  let partyB: string;
  let partyC: string;
  let threadId: string;
  let posted: PostedHeader[];

  const shot = (name: string) => envoyA.page.screenshot({ path: artifactPath(`hostile-${name}.png`), fullPage: true });

  /** A new party started the operator's way, its root admin driven from Node. */
  const startParty = async (name: string, adminName: string) => {
    const { link, partyId } = await bootstrapAdminInvitation(booted.server, name, adminName);
    return { admin: await ParleyPerson.enrol(booted.server.url, link, { origin: booted.origin }), partyId };
  };

  /** Someone of `admin`'s party, invited and endorsed by them, driven from Node. */
  const enrolMember = async (admin: ParleyPerson, who: { partyId: string; role: Role; name: string }) => {
    const person = await ParleyPerson.enrol(booted.server.url, await admin.invite(who), { origin: booted.origin });
    await admin.endorse(person.personId);
    return person;
  };

  beforeAll(async () => {
    booted = await startEntriesServer(PARTY_A);
    browser = await launchChromium();
    const adminA = await enrolSdkAdmin(booted, PARTY_A.name);
    adminAId = adminA.personId;
    const b = await startParty(PARTY_B, 'Bea Admin');
    const c = await startParty(PARTY_C, 'Cy Admin');
    partyB = b.partyId;
    partyC = c.partyId;
    envoyA = await enrolBrowserPerson(browser, adminA, { role: 'envoy', name: 'Eve Envoy' }, 'hostile-00-envoy-a');
    envoyB = await enrolMember(b.admin, { partyId: b.partyId, role: 'envoy', name: 'Bo Envoy' });
    revokedB = await enrolMember(b.admin, { partyId: b.partyId, role: 'envoy', name: 'Rue Revoked' });
    intruder = await enrolMember(c.admin, { partyId: c.partyId, role: 'envoy', name: 'Ivo Intruder' });
    // Two entries: two leaves of the log that hold no key statement.
    ({ streamId: threadId } = await envoyB.openThread({ parties: [adminA.partyId, b.partyId], subject: SUBJECT }));
    await envoyB.append(threadId, { type: 'letter', content: LETTER });
    await b.admin.revoke(revokedB.personId);
    posted = recordPostedEntries(envoyA.page);
  });
  afterAll(async () => {
    await browser?.close();
    await booted?.cleanup();
  });
  // Each case lies its own way: none outlives it, even when it fails.
  afterEach(() => envoyA?.page.unrouteAll({ behavior: 'ignoreErrors' }));

  /** A fresh page with the keys unlocked, on the list of threads (or the warning that replaces it). */
  const toThreads = async () => {
    await reopenUnlocked(envoyA, booted.origin);
    posted.length = 0;
    await envoyA.page.getByRole('link', { name: 'Threads', exact: true }).click();
  };

  it("blocks sending while the server relabels a person's party, role or status, naming each", async () => {
    const { page } = envoyA;
    await rewriteReplies<{ people: PersonReply[] }>(page, '**/api/people', (reply) => ({
      people: reply.people.map((person) => {
        if (person.id === intruder.personId) {
          return { ...person, party: { id: partyB, name: PARTY_B } };
        }
        if (person.id === adminAId) {
          return { ...person, role: 'envoy' };
        }
        return person.id === revokedB.personId ? { ...person, status: 'active' } : person;
      }),
    }));
    await toThreads();
    await openThread(envoyA, SUBJECT);
    await page.getByTestId('write-letter').click();
    await page.getByTestId('letter-form').waitFor();
    await page.getByTestId('letter-subject-input').fill('Next round');
    await page.getByTestId('letter-body-input').fill('Excellency, …');
    await expectBlockedWithout(page, 'recipient-blocked-people-hint', posted);
    const blocked = await page.getByTestId('recipient-blocked-people-hint').allTextContents();
    for (const name of ['Ada Admin', 'Ivo Intruder', 'Rue Revoked']) {
      expect(
        blocked.some((line) => line.startsWith(`The server describes ${name} otherwise than the signed log`)),
      ).toBe(true);
    }
    expect(await page.getByTestId('letter-submit').isDisabled()).toBe(true);
    await shot('01-relabelled-blocked');
    // The people page says the same, naming each person.
    await page.getByRole('link', { name: 'People', exact: true }).click();
    await expect
      .poll(async () => (await page.getByTestId('people-conflict-name').allTextContents()).sort())
      .toEqual(['Ada Admin', 'Ivo Intruder', 'Rue Revoked']);
    await shot('02-relabelled-people');
    expect(posted).toEqual([]);
  });

  it('refuses a forged bootstrap admin of B and the envoy it endorsed, at positions not in the log', async () => {
    const { page } = envoyA;
    const [root, envoy] = forgedPair(partyB) as [ReturnType<typeof forgedPair>[0], ReturnType<typeof forgedPair>[0]];
    // Placed at positions of the log that hold entries, with the proof of a real statement.
    await rewriteDirectory(page, (statements) => {
      const taken = new Set(statements.map((listed) => listed.position));
      const free = [...Array(60).keys()].filter((position) => !taken.has(position)).slice(0, 2);
      const proof = statements[0]?.proof ?? [];
      const forged = [root, envoy].map((signed, at) => ({ position: free[at] ?? 0, hash: '', signed, proof }));
      return [...statements, ...forged].sort((x, y) => x.position - y.position);
    });
    await toThreads();
    await expectBlockedWithout(page, 'directory-error', posted);
    await expect
      .poll(() => page.getByTestId('directory-problem-person').allTextContents())
      .toEqual(['Mallory Root', 'Mallory Envoy']);
    // Party names are the server's labels, shown once its list of parties has arrived.
    await expect
      .poll(() => page.getByTestId('directory-error').textContent())
      .toContain(`Not in the log — Mallory Envoy (envoy, ${PARTY_B})`);
    // Nothing can be opened, let alone written: no thread is shown on an untrusted directory.
    expect(await page.getByTestId('thread-link').count()).toBe(0);
    await shot('03-forged-root-refused');
    expect(posted).toEqual([]);
  });

  it('refuses a directory that omits a revocation the log holds', async () => {
    const { page } = envoyA;
    await rewriteDirectory(page, (statements) =>
      statements.filter(
        (listed) =>
          !(listed.signed.statement.kind === 'revoke' && listed.signed.statement.person === revokedB.personId),
      ),
    );
    await toThreads();
    await expectBlockedWithout(page, 'directory-error', posted);
    // Which statement is missing the listing cannot say: the count the log signed shows that one is.
    expect(await page.getByTestId('directory-error').textContent()).toMatch(/withholds 1 of the \d+ key statements/);
    await shot('04-revocation-withheld');
    expect(posted).toEqual([]);
  });

  it('refuses statements reordered, or moved to one another’s positions, naming whom they are about', async () => {
    const { page } = envoyA;
    let swapped: string[] = [];
    await rewriteDirectory(page, (statements) => {
      const [first, second, ...rest] = statements;
      if (!first || !second) {
        return statements;
      }
      swapped = [first.signed.statement.name, second.signed.statement.name];
      return [
        { ...second, position: first.position, proof: first.proof },
        { ...first, position: second.position, proof: second.proof },
        ...rest,
      ];
    });
    await toThreads();
    await expectBlockedWithout(page, 'directory-error', posted);
    await expect
      .poll(() => page.getByTestId('directory-problem-person').allTextContents())
      .toEqual(expect.arrayContaining(swapped));
    await shot('05-statements-moved');
    await page.unroute('**/api/keys/statements?*');

    await rewriteDirectory(page, (statements) => {
      const [first, second, ...rest] = statements;
      return first && second ? [second, first, ...rest] : statements;
    });
    await toThreads();
    await expectBlockedWithout(page, 'directory-error', posted);
    expect(await page.getByTestId('directory-error').textContent()).toContain('Out of order');
    expect(posted).toEqual([]);
  });

  it('fails the readers check of an entry sealed to someone outside the member parties (Must show 4, readers)', async () => {
    const { page } = envoyA;
    // A validly signed letter of envoy B, sealed also to the envoy of C, which is no member: the
    // server serves it as the thread's next entry.
    const forgedLetter = async (previous: StoredEntry): Promise<StoredEntry> => {
      const directory = await envoyB.directory();
      const recipients = [envoyA.personId, envoyB.personId, intruder.personId].map((person) => {
        const key = directory.currentKey(person);
        if (!key) {
          throw new Error(`no key for ${person}`);
        }
        return { person, keyId: key.keyId, boxPublicKey: fromBase64url(key.boxKey) as BoxPublicKey };
      });
      const author = unlockedKeyringOf(envoyB)?.signer(envoyB.personId);
      const key = directory.currentKey(envoyB.personId);
      if (!author || !key) {
        throw new Error('envoy B is not unlocked');
      }
      const sealed = sealDraft(
        { ...author, party: key.party },
        { stream: threadId, streamKind: 'thread', seq: previous.header.seq + 1, prevHash: previous.entryHash },
        { type: 'letter', content: { ...LETTER, subject: 'For Cornwall too' } },
        recipients.sort(compareRecipients),
      );
      return {
        ...sealed.entry,
        entryHash: sealed.entryHash,
        leafIndex: previous.leafIndex + 1,
        receivedAt: new Date().toISOString(),
      };
    };
    // The browser keeps verified streams and asks only for entries after the head it holds, when
    // the list shows the stream moved on: the server lists the forged letter as the new head, and
    // serves it after whatever the browser asks for.
    let forgedEntry: StoredEntry | undefined;
    const forgedOnce = async (origin: string): Promise<StoredEntry> => {
      if (!forgedEntry) {
        const reply = await page.request.get(`${origin}/api/streams/${threadId}/entries?after=0`);
        forgedEntry = await forgedLetter(
          ((await reply.json()) as { entries: StoredEntry[] }).entries.at(-1) as StoredEntry,
        );
      }
      return forgedEntry;
    };
    await page.route(`**/api/streams/${threadId}/entries?*`, async (route) => {
      const letter = await forgedOnce(new URL(route.request().url()).origin);
      const response = await route.fetch();
      const reply = (await response.json()) as { stream: unknown; entries: StoredEntry[] };
      await route.fulfill({ response, json: { ...reply, entries: [...reply.entries, letter] } });
    });
    await page.route('**/api/streams', async (route) => {
      const letter = await forgedOnce(new URL(route.request().url()).origin);
      const response = await route.fetch();
      const reply = (await response.json()) as { streams: { id: string; head: unknown }[] };
      const streams = reply.streams.map((stream) =>
        stream.id === threadId ? { ...stream, head: { seq: letter.header.seq, hash: letter.entryHash } } : stream,
      );
      await route.fulfill({ response, json: { ...reply, streams } });
    });
    await toThreads();
    await openThread(envoyA, SUBJECT);
    await page.getByTestId('thread-broken').waitFor({ timeout: 60_000 });
    const forged = page.getByTestId('timeline-entry').last();
    const readers = forged.getByTestId('check-readers');
    expect(await readers.getAttribute('data-state')).toBe('invalid');
    expect(await readers.getAttribute('title')).toMatch(
      new RegExp(`sealed to Ivo Intruder \\(${intruder.personId}\\) of party ${partyC}, which is not a member`),
    );
    // Its signature holds: it is who it was sealed to that fails.
    expect(await forged.getByTestId('check-signature').getAttribute('data-state')).toBe('valid');
    await shot('06-sealed-to-a-non-member');
    expect(posted).toEqual([]);
  });

  it("seals to the thread's readers from the log once the server is honest again", async () => {
    const { page } = envoyA;
    await toThreads();
    await openThread(envoyA, SUBJECT);
    await page.getByTestId('write-letter').click();
    await page.getByTestId('letter-subject-input').fill('Next round');
    await page.getByTestId('letter-body-input').fill('Excellency, …');
    await expect.poll(() => page.getByTestId('recipient-ok').count()).toBe(1);
    await page.getByTestId('letter-submit').click();
    await page.getByTestId('thread-reload').waitFor({ timeout: 60_000 });
    expect(posted.map((header) => header.recipients.map((recipient) => recipient.person).sort())).toEqual([
      [envoyA.personId, envoyB.personId].sort(),
    ]);
    expect(envoyA.errors).toEqual([]);
  });
});
