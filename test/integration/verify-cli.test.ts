import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditBundle } from '../../shared/audit/bundle';
import { buildSampleBundle, sampleVerifierKey } from '../../shared/audit/sample-bundle';
import { computeEntryHash } from '../../shared/crypto/entry-bytes';
import { initCrypto } from '../../shared/crypto/sodium';

let directory: string;
let logKey: string;
let bundle: AuditBundle;

const write = (name: string, content: string): string => {
  const path = join(directory, name);
  writeFileSync(path, content);
  return path;
};

// No data directory and a database URL nothing listens on: the verifier must need neither.
const runVerify = (args: readonly string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/verify.ts', ...args], {
    env: {
      PATH: process.env['PATH'] ?? '',
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
      DATA_DIR: '/nonexistent',
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

afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

describe('npm run verify', () => {
  it('exits 0 with a summary when everything verifies', () => {
    const result = runVerify([write('valid.json', JSON.stringify(bundle, null, 2)), '--log-key', logKey]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Checkpoints: +3, the last of 11 leaves$/m);
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

  it('exits 1 when the pinned key is not the log key, failing every checkpoint', () => {
    const result = runVerify([write('other-key.json', JSON.stringify(bundle)), '--log-key', sampleVerifierKey('x')]);
    expect(result.status).toBe(1);
    for (const size of [4, 7, 11]) {
      expect(result.stdout).toMatch(new RegExp(`^FAIL checkpoint ${size}: note has no signature by`, 'm'));
    }
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
