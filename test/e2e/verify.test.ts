import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditBundle } from '../../shared/audit/bundle';
import { verifyBundle } from '../../shared/audit/verify-bundle';
import { initCrypto } from '../../shared/crypto/sodium';
import { artifactPath, HAS_BROWSER, launchChromium } from '../helpers/browser';
import { flipEverySignedPart, SIGNED_PART_KINDS } from '../helpers/bundle-flips';
import {
  type BrowserPerson,
  type EntriesServer,
  enrolBrowserPerson,
  enrolSdkAdmin,
  startEntriesServer,
  startParty,
} from '../helpers/e2e-entries';
import { enrolSdkMember } from '../helpers/e2e-workflows';
import { childRecord, flipByte, meetingMinutes } from '../helpers/sdk-entries';

const ADMIN = { name: 'Avery Lindqvist', party: 'Ukrainian Parliament Commissioner for Human Rights' };
const PARTY_B = "Commissioner for Children's Rights (RF)";
const PARTY_C = 'Office of the Ombudsperson (review)';
const REFERENCE = 'C-VER1-FY00-2026-0419';
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const shot = (page: Page, name: string) =>
  page.screenshot({ path: artifactPath(`verify-${name}.png`), fullPage: true });

/** `npm run verify -- <file> --log-key <key>`, as a reviewer runs it offline. */
const runVerifyCli = (file: string, logKey: string) =>
  spawnSync('npm', ['run', '--silent', 'verify', '--', file, '--log-key', logKey], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });

/** The log key this browser pinned (client/crypto/log-pin-source.ts): the only key the page trusts. */
const pinnedKeyOf = async (page: Page): Promise<string> => {
  const text = await page.evaluate(() => localStorage.getItem('parley.log.pin.v2'));
  return (JSON.parse(text ?? '{}') as { verifierKey?: string }).verifierKey ?? '';
};

/** Picks a scope on the page and waits for its verdict; answers the verdict's state. */
const verifyScope = async (page: Page, kind: string, label?: string): Promise<string | null> => {
  await page.getByTestId('verify-scope-kind').selectOption(kind);
  if (label !== undefined) {
    await page.getByTestId('verify-scope-id').selectOption({ label });
  }
  // A new scope replaces the result shown: wait for the old one to go before reading the new one.
  const shown = await page.$('[data-testid="verify-result"]');
  await page.getByTestId('verify-submit').click();
  await shown?.waitForElementState('hidden');
  return waitForVerdict(page);
};

const waitForVerdict = async (page: Page): Promise<string | null> => {
  await page.getByTestId('verify-status').waitFor({ timeout: 60_000 });
  return page.getByTestId('verify-status').getAttribute('data-state');
};

const textOf = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent()) ?? '';

/** The rows of the entry table by state, with their leaf indexes. */
const rowsByState = async (page: Page) => {
  const rows = page.getByTestId('verify-entry');
  const states = await rows.evaluateAll((elements) =>
    elements.map((element) => [element.getAttribute('data-leaf'), element.getAttribute('data-state')]),
  );
  return {
    all: states.length,
    valid: states.filter(([, state]) => state === 'valid').map(([leaf]) => Number(leaf)),
    invalid: states.filter(([, state]) => state === 'invalid').map(([leaf]) => Number(leaf)),
  };
};

/** Downloads the bundle the page verified; answers its file name, path and text. */
const downloadBundle = async (page: Page) => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('verify-download').click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), path, text: readFileSync(path, 'utf8') };
};

describe.skipIf(!HAS_BROWSER)('the verification page in Chromium (issue 5, Must show 4 and 6)', () => {
  let booted: EntriesServer;
  let browser: Browser;
  let reviewer: BrowserPerson;
  let caseId: string;
  let entryCount: number;
  let caseEntryCount: number;
  let pinnedKey: string;
  let tamperedLeaf: number;

  beforeAll(async () => {
    await initCrypto();
    booted = await startEntriesServer(ADMIN);
    browser = await launchChromium();
    const adminA = await enrolSdkAdmin(booted, ADMIN.name);
    const adminB = await startParty(booted, PARTY_B, 'Anna Kuznetsova');
    const adminC = await startParty(booted, PARTY_C, 'Paul Lefèvre');
    const partyA = adminA.partyId;
    const partyB = adminB.partyId;
    const staffA = await enrolSdkMember(booted, adminA, { role: 'staff', name: 'Oksana Hrytsenko' });
    const envoyA = await enrolSdkMember(booted, adminA, { role: 'envoy', name: 'Dmytro Lubinets' });
    const envoyB = await enrolSdkMember(booted, adminB, { role: 'envoy', name: 'Mira Sokolova' });
    reviewer = await enrolBrowserPerson(
      browser,
      adminC,
      { role: 'reviewer', name: 'Claire Dubois' },
      'verify-00-reviewer',
    );

    // A case with a status change and minutes, and a thread whose letters name it; envoy A rotates
    // their key midway, so keys are judged at each entry's own position in the log.
    const opened = await staffA.openCase({
      reference: REFERENCE,
      parties: [partyA, partyB],
      record: childRecord('Olena'),
    });
    caseId = opened.streamId;
    await staffA.append(caseId, {
      type: 'status_change',
      content: { type: 'status_change', status: 'identity_verified', note: 'Matched against the register.' },
    });
    const { streamId: threadId } = await envoyA.openThread({ parties: [partyA, partyB], subject: 'Doha channel' });
    const letter = (subject: string) => ({
      type: 'letter' as const,
      cases: [caseId],
      content: { type: 'letter' as const, subject, body: `Excellency, ${subject}.`, attachments: [] },
    });
    await envoyA.append(threadId, letter('Request for return'));
    await envoyB.append(threadId, letter('Reply on the request'));
    await envoyA.rotateKeys();
    await envoyA.append(threadId, letter('Follow-up after the round'));
    await staffA.append(caseId, { type: 'minutes', content: meetingMinutes('Handover list') });
    caseEntryCount = 3;
    entryCount = caseEntryCount + 4;
  });
  afterAll(async () => {
    await browser?.close();
    await booted?.cleanup();
  });

  it('shows a reviewer the whole log and a case as valid, with the counts, and exports bundles the CLI verifies', async () => {
    const { page } = reviewer;
    await page.getByRole('link', { name: 'Verify', exact: true }).click();
    await page.getByTestId('verify-choose').waitFor();
    // The picker appears once the scope options load, independently of the pinned key above.
    await page.getByTestId('verify-scope-kind').waitFor();
    const kinds = await page
      .getByTestId('verify-scope-kind')
      .locator('option')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(kinds).toEqual(['all', 'case', 'thread', 'party']);
    pinnedKey = await pinnedKeyOf(page);
    expect(pinnedKey).toMatch(/^\S+\+[0-9a-f]{8}\+\S+$/);
    // Pinned from the invitation link, as the operator's configuration gives it: not from the server.
    expect(pinnedKey).toBe(booted.logPin.verifierKey);

    expect(await verifyScope(page, 'all')).toBe('valid');
    expect(new URL(page.url()).search).toBe('?scope=all');
    expect(await textOf(page, 'verify-pinned-key')).toBe(pinnedKey);
    expect(await textOf(page, 'verify-entry-count')).toBe(String(entryCount));
    expect(await textOf(page, 'verify-valid-count')).toBe(String(entryCount));
    expect(await textOf(page, 'verify-failing-count')).toBe('0');
    expect(await textOf(page, 'verify-stream-count')).toBe('2');
    expect(await textOf(page, 'verify-directory-complete')).toMatch(/^yes/);
    expect((await rowsByState(page)).invalid).toEqual([]);
    expect((await rowsByState(page)).all).toBe(entryCount);
    for (const check of ['signature', 'key', 'chain', 'inclusion', 'record']) {
      await expect
        .poll(() => page.locator(`[data-testid="verify-check-${check}"][data-state="valid"]`).count(), {
          timeout: 30_000,
        })
        .toBe(entryCount);
    }
    const checkpoints = await page.getByTestId('verify-checkpoint').count();
    expect(checkpoints).toBeGreaterThan(1);
    expect(await textOf(page, 'verify-checkpoint-count')).toBe(String(checkpoints));
    expect(await textOf(page, 'verify-consistency-count')).toBe(String(checkpoints - 1));
    expect(await page.getByTestId('verify-failure').count()).toBe(0);
    await shot(page, '01-whole-log-valid');

    const whole = await downloadBundle(page);
    expect(whole.name).toBe('parley-audit-all.json');
    const wholeBundle = AuditBundle.parse(JSON.parse(whole.text));
    expect(wholeBundle.entries).toHaveLength(entryCount);
    expect(await textOf(page, 'verify-statement-count')).toBe(String(wholeBundle.statements.length));
    const cli = runVerifyCli(whole.path, pinnedKey);
    expect(cli.stderr).toBe('');
    expect(cli.stdout).toMatch(/^OK: /m);
    expect(cli.status).toBe(0);

    expect(await verifyScope(page, 'case', REFERENCE)).toBe('valid');
    expect(new URL(page.url()).searchParams.get('id')).toBe(caseId);
    expect(await textOf(page, 'verify-entry-count')).toBe(String(caseEntryCount));
    expect(await textOf(page, 'verify-failing-count')).toBe('0');
    expect((await rowsByState(page)).valid).toHaveLength(caseEntryCount);
    await shot(page, '02-case-valid');
    const kase = await downloadBundle(page);
    expect(kase.name).toBe('parley-audit-case.json');
    expect(runVerifyCli(kase.path, pinnedKey).status).toBe(0);
    expect(reviewer.errors).toEqual([]);
  });

  it('fails verification of the downloaded bundles for any one flipped signature, header, checkpoint or proof', async () => {
    const { page } = reviewer;
    for (const [query, minimum] of [
      ['scope=all', 1000],
      [`scope=case&id=${caseId}`, 500],
    ] as const) {
      await page.goto(`${booted.origin}/verify?${query}`);
      expect(await waitForVerdict(page)).toBe('valid');
      const bundle = AuditBundle.parse(JSON.parse((await downloadBundle(page)).text));
      expect(verifyBundle(bundle, pinnedKey).ok).toBe(true);
      const { flips, survivors, kinds } = flipEverySignedPart(bundle, (changed) => verifyBundle(changed, pinnedKey).ok);
      for (const kind of SIGNED_PART_KINDS) {
        expect(kinds).toContain(kind);
      }
      expect(survivors).toEqual([]);
      expect(flips).toBeGreaterThan(minimum);
    }
  });

  it('names exactly the entry whose row was changed in the database, and why, and nothing else', async () => {
    const { page } = reviewer;
    // The case's last entry: a change to it breaks no successor's link, so it alone must fail.
    const bundle = AuditBundle.parse(JSON.parse((await downloadBundle(page)).text));
    const head = bundle.entries.find((entry) => entry.header.seq === caseEntryCount);
    tamperedLeaf = head?.leafIndex ?? -1;
    expect(head?.header.type).toBe('minutes');
    const { database } = booted.server;
    await database.transaction(async (tx) => {
      // Replica mode skips ordinary triggers, the append-only ones among them, for this transaction only.
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(
        sql`update entries set signature = ${flipByte(head?.signature ?? '', 10)} where leaf_index = ${tamperedLeaf}`,
      );
    });
    // The trigger is back for everyone else: the table still refuses changes.
    await expect(
      database.db.execute(sql`update entries set signature = signature where leaf_index = ${tamperedLeaf}`),
    ).rejects.toThrow();

    await page.reload();
    expect(await waitForVerdict(page)).toBe('invalid');
    expect(await textOf(page, 'verify-failing-count')).toBe('1');
    expect(await textOf(page, 'verify-valid-count')).toBe(String(caseEntryCount - 1));
    expect(await rowsByState(page)).toMatchObject({ all: caseEntryCount, invalid: [tamperedLeaf] });
    await expectOnlyTamperedRowFails(page, tamperedLeaf);
    await shot(page, '03-case-tampered');

    expect(await verifyScope(page, 'all')).toBe('invalid');
    expect(await textOf(page, 'verify-entry-count')).toBe(String(entryCount));
    expect(await textOf(page, 'verify-failing-count')).toBe('1');
    expect(await rowsByState(page)).toMatchObject({ all: entryCount, invalid: [tamperedLeaf] });
    await expectOnlyTamperedRowFails(page, tamperedLeaf);
    await shot(page, '04-whole-log-tampered');

    // The offline verifier agrees on the bundle now served, and names the same entry.
    const tampered = await downloadBundle(page);
    const cli = runVerifyCli(tampered.path, pinnedKey);
    expect(cli.status).toBe(1);
    const failed = cli.stdout.split('\n').filter((line) => line.startsWith('FAIL '));
    expect(failed.length).toBeGreaterThan(0);
    for (const line of failed) {
      expect(line).toMatch(
        new RegExp(`^FAIL entry \\S+ \\(leaf ${tamperedLeaf}, case ${caseId} seq ${caseEntryCount}\\)`),
      );
    }
    expect(reviewer.errors).toEqual([]);
  });
});

/** The one failing row shows its signature (and so its inclusion) failing, with the verifier's reasons. */
const expectOnlyTamperedRowFails = async (page: Page, leaf: number) => {
  const row = page.locator(`[data-testid="verify-entry"][data-leaf="${leaf}"]`);
  const stateOf = (check: string) => row.getByTestId(`verify-check-${check}`).getAttribute('data-state');
  expect(await stateOf('signature')).toBe('invalid');
  expect(await stateOf('inclusion')).toBe('invalid');
  expect(await stateOf('key')).toBe('valid');
  expect(await stateOf('chain')).toBe('valid');
  const reasons = (await row.getByTestId('verify-entry-reasons').textContent()) ?? '';
  expect(reasons).toContain("the signature does not verify under the author's key");
  expect(reasons).toContain(`not included at leaf ${leaf}`);
  const subjects = await page.getByTestId('verify-failure-subject').allTextContents();
  expect(subjects.length).toBeGreaterThan(0);
  for (const subject of subjects) {
    expect(subject).toMatch(new RegExp(`^entry \\S+ \\(leaf ${leaf}, case `));
  }
  expect(await page.getByTestId('verify-checkpoint-state').and(page.locator('[data-state="valid"]')).count()).toBe(
    await page.getByTestId('verify-checkpoint').count(),
  );
};
