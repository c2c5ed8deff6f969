import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CosignatureCollector } from '../../server/witness-collector/cosignature-collector';
import { formatCheckpointBody } from '../../shared/log/checkpoint';
import { signNote } from '../../shared/log/signed-note';
import { formatCosignerKey } from '../../shared/witness/cosigner-key';
import { artifactPath, HAS_BROWSER, launchChromium } from '../helpers/browser';
import { openPersonBrowser, type PersonBrowser } from '../helpers/e2e-browser';
import { enrolThroughLink } from '../helpers/e2e-identity-flows';
import { type BootstrappedServer, startBootstrappedServer } from '../helpers/e2e-server';
import { freePort } from '../helpers/ports';
import { type RunningWitness, startWitness, testWitnessSigner } from '../helpers/witness-process';

const ADMIN = { name: 'Wren Adeyemi', party: 'Ministry of Foreign Affairs (NG)' };
const WITNESS_NAME = 'witness.party-a.test/w1';

describe.skipIf(!HAS_BROWSER)('witnesses in Chromium: "witnessed by" and the split-view alarm', () => {
  let booted: BootstrappedServer;
  let browser: Browser;
  let admin: PersonBrowser;
  let directory: string;
  let witness: RunningWitness | undefined;
  const signer = testWitnessSigner(WITNESS_NAME, 31);

  beforeAll(async () => {
    booted = await startBootstrappedServer(ADMIN);
    browser = await launchChromium();
    directory = mkdtempSync(join(tmpdir(), 'parley-e2e-witness-'));
  });
  afterAll(async () => {
    await browser?.close();
    await witness?.stop();
    await booted?.server.shutdown();
    rmSync(directory, { recursive: true, force: true });
  });

  it('shows "not yet witnessed" until the pinned witness cosigns, then who witnessed and when', async () => {
    const witnessKey = formatCosignerKey(signer.key);
    admin = await openPersonBrowser(browser, { hasPrf: true });
    // The witness keys travel with the invitation link, out of band, as the log key does.
    const link = `${booted.adminLink}&witnesses=${encodeURIComponent(`party-a=${witnessKey}`)}`;
    await enrolThroughLink(admin, link, { ...ADMIN, role: 'admin', inviter: 'operator bootstrap' }, 'witness-01-enrol');
    await admin.page.getByTestId('home-unlocked').waitFor();
    await admin.page.getByRole('link', { name: 'Log' }).click();
    await admin.page.getByTestId('log-check').click();
    await expect.poll(() => admin.page.getByTestId('log-witnessed').textContent()).toContain('Not yet witnessed');

    const port = await freePort();
    witness = await startWitness({
      name: WITNESS_NAME,
      seedByte: 31,
      port,
      directory,
      logVerifierKey: booted.server.log.signer.verifierKey,
    });
    const collector = new CosignatureCollector(
      booted.server.database.db,
      booted.server.log,
      [{ key: signer.key, url: `http://127.0.0.1:${port}` }],
      pino({ level: 'silent' }),
    );
    collector.poke();
    await collector.settled();
    await admin.page.getByTestId('log-check').click();
    const size = Number(await admin.page.getByTestId('log-tree-size').textContent());
    await expect
      .poll(() => admin.page.getByTestId('log-witnessed').textContent())
      .toBe(`Witnessed by ${WITNESS_NAME} up to tree size ${size}`);
    expect(await admin.page.getByTestId('log-last-cosigned').textContent()).toBe('less than a minute ago');
    await admin.page.screenshot({ path: artifactPath('witness-02-witnessed.png'), fullPage: true });
    expect(admin.errors).toEqual([]);
  });

  it('raises the blocking alarm on a cosigned checkpoint of another tree, with both notes downloadable', async () => {
    const { page } = admin;
    const trusted = (await page.locator('details pre').textContent()) ?? '';
    const size = Number(await page.getByTestId('log-tree-size').textContent());
    const { log } = booted.server;
    const forgedRoot = new Uint8Array(32).fill(0xab);
    const forged = signNote(
      formatCheckpointBody({ origin: log.signer.name, treeSize: size, rootHash: forgedRoot, keyStatements: 1 }),
      log.signer.name,
      log.signer.sign,
      log.signer.publicKey,
    );
    await page.route('**/api/log/checkpoint/cosigned', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          checkpoint: { note: forged, treeSize: size, rootHash: Buffer.from(forgedRoot).toString('base64url') },
        }),
      }),
    );
    await page.getByTestId('log-check').click();
    const banner = page.getByTestId('log-failure');
    await expect.poll(() => banner.textContent()).toContain('split-view');
    expect(await banner.textContent()).toContain(`two trees of size ${size} with different roots`);
    expect(await page.getByTestId('log-evidence-trusted').textContent()).toBe(trusted);
    expect(await page.getByTestId('log-evidence-offered').textContent()).toBe(forged);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('log-download-offered').click(),
    ]);
    expect(readFileSync((await download.path()) ?? '', 'utf8')).toBe(forged);
    const [kept] = await Promise.all([page.waitForEvent('download'), page.getByTestId('log-download-trusted').click()]);
    expect(readFileSync((await kept.path()) ?? '', 'utf8')).toBe(trusted);
    await page.screenshot({ path: artifactPath('witness-03-split-view.png'), fullPage: true });
    await page.unroute('**/api/log/checkpoint/cosigned');
    expect(admin.errors).toEqual([]);
  });
});
