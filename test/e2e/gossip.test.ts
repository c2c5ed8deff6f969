import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealDraft } from '../../client/sdk/entry-draft';
import { ParleyPerson } from '../../client/sdk/parley-person';
import { unlockedKeyringOf } from '../../client/sdk/unlocked-keyring';
import { CosignatureCollector } from '../../server/witness-collector/cosignature-collector';
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
import { freePort } from '../helpers/ports';
import { bootstrapAdminInvitation } from '../helpers/sdk-bootstrap';
import { rawPostEntry, streamHead } from '../helpers/sdk-entries';
import { type RunningWitness, startWitness } from '../helpers/witness-process';

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
  let parties: { a: string; b: string };
  let directory: string;
  const witnesses: RunningWitness[] = [];
  let collector: CosignatureCollector | undefined;

  /** Pins witness keys in A's browser as an invitation fragment would, then checks the log. */
  const pinWitnesses = async (text: string) => {
    const { page } = envoyA;
    await page.evaluate((pins) => {
      localStorage.setItem(
        'parley.log.witnesses.v1',
        JSON.stringify({ text: pins, pinnedAt: new Date().toISOString() }),
      );
    }, text);
    await page.getByRole('link', { name: 'Log' }).click();
    await page.getByTestId('log-check').click();
    await expect.poll(() => page.getByTestId('log-witnessed').textContent()).toContain('Witnessed by');
    await openThread(envoyA, SUBJECT);
  };

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
    parties = { a: adminA.partyId, b: partyId };
    directory = mkdtempSync(join(tmpdir(), 'parley-e2e-gossip-'));
  });
  afterAll(async () => {
    await collector?.stop();
    await Promise.all(witnesses.map((witness) => witness.stop()));
    await browser?.close();
    await booted?.cleanup();
    rmSync(directory, { recursive: true, force: true });
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

  it('shows the thread witnessed only with a cosigning witness of each of its member parties', async () => {
    const { page } = envoyA;
    const { log, database } = booted.server;
    const targets = [];
    for (const [index, party] of ['a', 'b'].entries()) {
      const port = await freePort();
      const name = `witness.party-${party}.test/w1`;
      const witness = await startWitness({
        name,
        seedByte: 41 + index,
        port,
        directory,
        logVerifierKey: log.signer.verifierKey,
      });
      witnesses.push(witness);
      targets.push({ key: witness.witness.signer.key, url: `http://127.0.0.1:${port}` });
    }
    collector = new CosignatureCollector(database.db, log, targets, pino({ level: 'silent' }));
    collector.poke();
    await collector.settled();
    const [a, b] = witnesses.map((witness) => witness.verifierKey);
    await pinWitnesses(`${parties.a}=${a},${parties.b}=${b}`);
    await expect
      .poll(() => page.getByTestId('stream-witnessed').textContent())
      .toMatch(/^Witnessed by witness\.party-a\.test\/w1, witness\.party-b\.test\/w1 up to log position \d+$/);
    await page.screenshot({ path: artifactPath('gossip-01-stream-witnessed.png'), fullPage: true });
    // B's witness pinned for a party outside the thread does not stand in for B.
    await pinWitnesses(`${parties.a}=${a},party-elsewhere=${b}`);
    await expect
      .poll(() => page.getByTestId('stream-witnessed').textContent())
      .toBe(`Not yet witnessed: no cosignature yet from a witness of ${PARTY_B}`);
    await page.evaluate(() => localStorage.removeItem('parley.log.witnesses.v1'));
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
    await page.screenshot({ path: artifactPath('gossip-02-split-view.png'), fullPage: true });
  });
});
