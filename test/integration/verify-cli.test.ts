import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditBundle } from '../../shared/audit/bundle';
import { buildSampleBundle, bundleOfLog, sampleVerifierKey } from '../../shared/audit/sample-bundle';
import {
  bundleSealedToNonMember,
  bundleWithCrossPartyStatements,
  writeUpgradedLog,
} from '../../shared/audit/sample-trust-bundles';
import { computeEntryHash } from '../../shared/crypto/entry-bytes';
import { initCrypto } from '../../shared/crypto/sodium';
import { cosignerKeyOf, formatCosignerKey } from '../../shared/witness/cosigner-key';

const WITNESS_KEY = formatCosignerKey(cosignerKeyOf('witness.test/w1', new Uint8Array(32).fill(7)));

let directory: string;
let logKey: string;
let bundle: AuditBundle;

const write = (name: string, content: string): string => {
  const path = join(directory, name);
  writeFileSync(path, content);
  return path;
};

// No data directory and a database URL nothing listens on: the verifier must need neither.
const runVerify = (args: readonly string[], env: Readonly<Record<string, string>> = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/verify.ts', ...args], {
    env: {
      PATH: process.env['PATH'] ?? '',
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
      DATA_DIR: '/nonexistent',
      ...env,
    },
    encoding: 'utf8',
    timeout: 60_000,
  });

beforeAll(async () => {
  await initCrypto();
  directory = mkdtempSync(join(tmpdir(), 'parley-verify-'));
  bundle = buildSampleBundle();
  logKey = sampleVerifierKey();
});

/** `text` as a regular expression matching exactly it. */
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

describe('npm run verify', () => {
  it('exits 0 with a summary when everything verifies', () => {
    const result = runVerify([write('valid.json', JSON.stringify(bundle, null, 2)), '--log-key', logKey]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Checkpoints: +3, the last of 12 leaves$/m);
    expect(result.stdout).toMatch(
      /^Statements: +6; key directory complete \(proven by the leaf list and the last checkpoint's key-statements count\)$/m,
    );
    expect(result.stdout).toMatch(/^Entries: +6 in 2 stream range\(s\), 6 with ciphertext$/m);
    expect(result.stdout).toMatch(/^OK: /m);
    expect(result.stdout).not.toMatch(/FAIL/);
  });

  it('exits 1 and names the tampered entry and why', () => {
    const tampered = structuredClone(bundle);
    const target = tampered.entries[2] as AuditBundle['entries'][number];
    target.header.claimedAt = '2026-11-29T15:20:56.123Z';
    const subject = `entry ${computeEntryHash(target.header, target.signature)} (leaf ${target.leafIndex},`;
    const result = runVerify([write('tampered.json', JSON.stringify(tampered)), '--log-key', logKey]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`FAIL ${subject}`);
    expect(result.stdout).toMatch(/^FAIL entry .*: the signature does not verify under the author's key/m);
    expect(result.stdout).not.toMatch(/^OK: /m);
    expect(result.stderr).toMatch(/^\d+ problem\(s\) found in .*tampered\.json\n$/);
  });

  // Issue 13, must-show 5: the entry signatures are checked by a pool of worker threads, one per core.
  it('reports the entries verified on every core, as the last line of the summary', () => {
    const result = runVerify([write('valid-pool.json', JSON.stringify(bundle)), '--log-key', logKey]);
    expect(result.status).toBe(0);
    const threads = availableParallelism();
    expect(result.stdout.trimEnd().split('\n').at(-1)).toMatch(
      new RegExp(`^Verified: +6 entries in \\d+\\.\\d\\d s on ${threads} thread\\(s\\), \\d+ entries/s per core$`),
    );
  });

  it('exits 1 naming an entry whose signature a worker thread rejects, as the verifier alone does', () => {
    const tampered = structuredClone(bundle);
    const target = tampered.entries[4] as AuditBundle['entries'][number];
    target.signature = `${target.signature[0] === 'A' ? 'B' : 'A'}${target.signature.slice(1)}`;
    const subject = `entry ${computeEntryHash(target.header, target.signature)} (leaf ${target.leafIndex},`;
    const result = runVerify([write('bad-signature.json', JSON.stringify(tampered)), '--log-key', logKey]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`FAIL ${subject}`);
    expect(result.stdout).toMatch(
      new RegExp(
        `^FAIL entry .*\\(leaf ${target.leafIndex}, .*\\): the signature does not verify under the author's key `,
        'm',
      ),
    );
    expect(result.stdout).toMatch(/^Verified: +6 entries .* on \d+ thread\(s\)/m);
    expect(result.stdout).not.toMatch(/^OK: /m);
    expect(result.stderr).toMatch(/^\d+ problem\(s\) found in .*bad-signature\.json\n$/);
  });

  it('exits 3 with one line, and no verdict, when a signature worker crashes', () => {
    const path = write('valid-crash.json', JSON.stringify(bundle));
    const result = runVerify([path, '--log-key', logKey], { PARLEY_TEST_SIGNATURE_WORKER_CRASH: '1' });
    expect(result.status).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      expect.stringMatching(/^internal error: signature worker \d+ of \d+ stopped with exit code 70$/),
      '',
    ]);
  });

  it('exits 1 when the pinned key is not the log key, failing every checkpoint', () => {
    const result = runVerify([write('other-key.json', JSON.stringify(bundle)), '--log-key', sampleVerifierKey('x')]);
    expect(result.status).toBe(1);
    for (const size of [5, 8, 12]) {
      expect(result.stdout).toMatch(new RegExp(`^FAIL checkpoint ${size}: note has no signature by`, 'm'));
    }
  });

  // Issue 11, must-show 5.
  it('exits 1 naming every entry sealed to someone outside the stream’s member parties', () => {
    const { bundle: leaking, refused } = bundleSealedToNonMember();
    const result = runVerify([write('non-member.json', JSON.stringify(leaking)), '--log-key', logKey]);
    expect(result.status).toBe(1);
    const failures = result.stdout.split('\n').filter((line) => line.startsWith('FAIL '));
    expect(failures).toEqual(
      refused.map((subject) =>
        expect.stringMatching(
          new RegExp(
            `^FAIL ${literally(subject)}: sealed to Envoy 3 .* which is not a member of the stream at seq \\d+$`,
          ),
        ),
      ),
    );
    expect(result.stderr).toBe(`2 problem(s) found in ${join(directory, 'non-member.json')}\n`);
  });

  // Issue 11, must-show 2: the verifier's half.
  it('exits 1 naming each statement an admin of one party crafted about a person of another, and a second root', () => {
    const { bundle: crafted, refused } = bundleWithCrossPartyStatements();
    const result = runVerify([write('cross-party.json', JSON.stringify(crafted)), '--log-key', logKey]);
    expect(result.status).toBe(1);
    const failures = result.stdout.split('\n').filter((line) => line.startsWith('FAIL '));
    expect(failures.map((line) => line.slice(5, line.indexOf(': ')))).toEqual(refused);
    expect(failures.filter((line) => line.includes("only a party's own admins act for it"))).toHaveLength(3);
  });

  it('verifies an upgraded deployment only with its pinned --legacy-before boundary', () => {
    const { log, boundary } = writeUpgradedLog();
    const path = write('upgraded.json', JSON.stringify(bundleOfLog(log)));
    const pinnedBoundary = runVerify([path, '--log-key', logKey, '--legacy-before', String(boundary)]);
    expect(pinnedBoundary.stderr).toBe('');
    expect(pinnedBoundary.status).toBe(0);
    expect(pinnedBoundary.stdout).toMatch(
      new RegExp(`^Legacy: +leaves below ${boundary} judged by the rules before party roots and consent$`, 'm'),
    );
    const strict = runVerify([path, '--log-key', logKey]);
    expect(strict.status).toBe(1);
    expect(strict.stdout).toMatch(/^FAIL statement .*: party .* has no root yet/m);
  });

  const refusals: [string, () => string[], RegExp][] = [
    [
      'a missing file',
      () => [join(directory, 'absent.json'), '--log-key', logKey],
      /^cannot read .*absent\.json: no such file$/,
    ],
    ['a directory', () => [directory, '--log-key', logKey], /^cannot read .*: it is a directory$/],
    ['invalid JSON', () => [write('bad.json', '{"format": '), '--log-key', logKey], /^.*bad\.json is not valid JSON: /],
    [
      'JSON that is not a bundle',
      () => [write('other.json', JSON.stringify({ ...bundle, checkpoints: 'none' })), '--log-key', logKey],
      /is not a Parley audit bundle: checkpoints: /,
    ],
    ['a missing --log-key', () => [write('no-key.json', '{}')], /^--log-key is required/],
    ['an invalid --log-key', () => [write('bad-key.json', '{}'), '--log-key', 'parley+1234'], /^--log-key: /],
    ['an unknown option', () => [write('opt.json', '{}'), '--log-key', logKey, '--fast'], /^Unknown option '--fast'/],
    [
      'a --legacy-before that is not a log position',
      () => [write('legacy.json', '{}'), '--log-key', logKey, '--legacy-before=-1'],
      /^--legacy-before must be a log position \(a whole number from 0\), not "-1"$/,
    ],
    [
      'a --legacy-before followed by something like an option',
      () => [write('legacy3.json', '{}'), '--log-key', logKey, '--legacy-before', '-1'],
      /^Option '--legacy-before' argument is ambiguous \(usage: /,
    ],
    [
      'a --legacy-before with a fraction',
      () => [write('legacy2.json', '{}'), '--log-key', logKey, '--legacy-before', '1.5'],
      /^--legacy-before must be a log position/,
    ],
    [
      'a --witness-policy that names no policy',
      () => [
        write('policy.json', '{}'),
        '--log-key',
        logKey,
        '--witness-key',
        `a=${WITNESS_KEY}`,
        '--witness-policy',
        'most',
      ],
      /^--witness-policy must be stream-members, each-party or a number from 1 to 1$/,
    ],
    [
      'the default witness policy with a witness pinned for no party',
      () => [write('policy2.json', '{}'), '--log-key', logKey, '--witness-key', WITNESS_KEY],
      /^--witness-policy stream-members needs pins of the form <party>=<witness key>$/,
    ],
    [
      'two bundle files',
      () => [write('a.json', '{}'), write('b.json', '{}'), '--log-key', logKey],
      /exactly one bundle/,
    ],
  ];
  it.each(refusals)('exits 2 with one line on stderr for %s', (_, args, message) => {
    const result = runVerify(args());
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([expect.stringMatching(message), '']);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
