import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealDraft } from '../../client/sdk/entry-draft';
import { ParleyPerson } from '../../client/sdk/parley-person';
import { unlockedKeyringOf } from '../../client/sdk/unlocked-keyring';
import { compareRecipients } from '../../shared/crypto/entry-recipients';
import type { BoxPublicKey } from '../../shared/crypto/identity-keys';
import { fromBase64url } from '../../shared/encoding/bytes';
import { formatCheckpointBody } from '../../shared/log/checkpoint';
import { signNote } from '../../shared/log/signed-note';
import { artifactPath, HAS_BROWSER, launchChromium } from '../helpers/browser';
import {
  type BrowserPerson,
  type EntriesServer,
  enrolBrowserPerson,
  enrolSdkAdmin,
  startEntriesServer,
} from '../helpers/e2e-entries';
import { openThread, openThreadInBrowser, reloadUntil } from '../helpers/e2e-workflows';
import { bootstrapAdminInvitation } from '../helpers/sdk-bootstrap';
import { rawPostEntry, streamHead } from '../helpers/sdk-entries';

const PARTY_A = { party: 'Republic of Avalon', name: 'Ada Admin' };
const PARTY_B = 'Kingdom of Lyonesse';
const SUBJECT = 'Checkpoints in the letters';

/*
 * Issue 14, point 2, in the browser: every checkpoint an author's client carried in an entry the
 * browser opens is compared with the checkpoint it accepted. B's letter carries a checkpoint the
 * log key signed for another tree: A's page raises the blocking split-view alarm with both notes.
 */
describe.skipIf(!HAS_BROWSER)('checkpoint gossip in Chromium: the split-view alarm from an entry', () => {
  let booted: EntriesServer;
  let browser: Browser;
  let envoyA: BrowserPerson;
  let envoyB: ParleyPerson;
  let threadId: string;

  beforeAll(async () => {
    booted = await startEntriesServer(PARTY_A);
    browser = await launchChromium();
    const adminA = await enrolSdkAdmin(booted, PARTY_A.name);
    const { link, partyId } = await bootstrapAdminInvitation(booted.server, PARTY_B, 'Bea Admin');
    const adminB = await ParleyPerson.enrol(booted.server.url, link, { origin: booted.origin });
    envoyB = await ParleyPerson.enrol(
      booted.server.url,
      await adminB.invite({ partyId, role: 'envoy', name: 'Bo Envoy' }),
      { origin: booted.origin },
    );
    await adminB.endorse(envoyB.personId);
    envoyA = await enrolBrowserPerson(browser, adminA, { role: 'envoy', name: 'Eve Envoy' }, 'gossip-00-envoy-a');
  });
  afterAll(async () => {
    await browser?.close();
    await booted?.cleanup();
  });

  it("reads the other party's letters, which carry a checkpoint of the same history, without alarm", async () => {
    const { page } = envoyA;
    threadId = await openThreadInBrowser(page, { subject: SUBJECT, party: PARTY_B });
    await envoyB.append(threadId, {
      type: 'letter',
      content: { type: 'letter', subject: 'Received', body: 'Agreed.', attachments: [] },
    });
    const [, reply] = await envoyB.readStream(threadId);
    expect(reply?.seenCheckpoint).toMatch(/\n\n\u2014 /);
    await openThread(envoyA, SUBJECT);
    await reloadUntil(page, 2);
    expect(await page.getByTestId('log-failure').count()).toBe(0);
  });

  it('raises the blocking alarm when a letter carries a checkpoint of another tree, both notes downloadable', async () => {
    const { page } = envoyA;
    const { log } = booted.server;
    // The log key signed a tree of size 2 that is not the first two leaves of its own log.
    const forged = signNote(
      formatCheckpointBody({
        origin: log.signer.name,
        treeSize: 2,
        rootHash: new Uint8Array(32).fill(0xcd),
        keyStatements: 1,
      }),
      log.signer.name,
      log.signer.sign,
      log.signer.publicKey,
    );
    const directory = await envoyB.directory();
    const recipients = [envoyA.personId, envoyB.personId].map((person) => {
      const key = directory.currentKey(person);
      if (!key) {
        throw new Error(`no key for ${person}`);
      }
      return { person, keyId: key.keyId, boxPublicKey: fromBase64url(key.boxKey) as BoxPublicKey };
    });
    const signer = unlockedKeyringOf(envoyB)?.signer(envoyB.personId);
    const key = directory.currentKey(envoyB.personId);
    if (!signer || !key) {
      throw new Error('envoy B is not unlocked');
    }
    const head = await streamHead(envoyB, threadId);
    const sealed = sealDraft(
      { ...signer, party: key.party },
      { stream: threadId, streamKind: 'thread', seq: head.seq + 1, prevHash: head.hash },
      { type: 'letter', content: { type: 'letter', subject: 'Carried', body: 'See the note.', attachments: [] } },
      recipients.sort(compareRecipients),
      { seenCheckpoint: forged },
    );
    expect((await rawPostEntry(envoyB, sealed.entry)).status).toBe(201);
    await page.getByTestId('thread-reload').click();
    const banner = page.getByTestId('log-failure');
    await expect.poll(() => banner.textContent(), { timeout: 60_000 }).toContain('split-view');
    expect(await banner.textContent()).toContain('a checkpoint carried in an entry conflicts');
    expect(await page.getByTestId('log-evidence-offered').textContent()).toBe(forged);
    const trusted = (await page.getByTestId('log-evidence-trusted').textContent()) ?? '';
    expect(trusted).toMatch(new RegExp(`^${log.signer.name}\\n\\d+\\n`));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('log-download-offered').click(),
    ]);
    expect(readFileSync((await download.path()) ?? '', 'utf8')).toBe(forged);
    await page.screenshot({ path: artifactPath('gossip-01-split-view.png'), fullPage: true });
  });
});
