import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../../shared/crypto/sodium';
import { verifyCosignatures } from '../../shared/witness/cosignature';
import { parseCosignerKey } from '../../shared/witness/cosigner-key';
import { freePort } from '../helpers/ports';
import { addRequest, type TestLog, testLog, treeOf } from '../helpers/witness-fixtures';

const runWitness = (args: readonly string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/witness.ts', ...args], {
    env: { PATH: process.env['PATH'] ?? '' },
    encoding: 'utf8',
    timeout: 60_000,
  });

/** `npm run witness -- serve …` as a child process, resolved once it says where it listens. */
const serve = (args: readonly string[]): Promise<{ child: ChildProcess; url: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/witness.ts', 'serve', ...args], {
      env: { PATH: process.env['PATH'] ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const url = / listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) {
        resolve({ child, url });
      }
    });
    child.on('exit', (code) => reject(new Error(`witness exited ${code}: ${output}`)));
  });

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

describe('npm run witness', () => {
  let directory: string;
  let log: TestLog;
  let keyFile: string;
  let verifierKey: string;

  beforeAll(async () => {
    await initCrypto();
    log = testLog();
    directory = mkdtempSync(join(tmpdir(), 'parley-witness-cli-'));
    keyFile = join(directory, 'witness.key');
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('writes a key readable by its owner only, prints its verifier key, and never overwrites it', () => {
    const made = runWitness(['keygen', '--name', 'witness.party-a.test/w1', '--key-file', keyFile]);
    expect(made.status).toBe(0);
    verifierKey = /^verifier key: (\S+)$/m.exec(made.stdout)?.[1] ?? '';
    expect(parseCosignerKey(verifierKey).ok).toBe(true);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const before = readFileSync(keyFile, 'utf8');
    const again = runWitness(['keygen', '--name', 'other', '--key-file', keyFile]);
    expect([again.status, again.stderr.trim().split('\n').length]).toEqual([2, 1]);
    expect(again.stderr).toContain('never overwritten');
    expect(readFileSync(keyFile, 'utf8')).toBe(before);
    expect(runWitness(['verifier-key', '--key-file', keyFile]).stdout).toBe(`verifier key: ${verifierKey}\n`);
  });

  it.each([
    [
      'no log key',
      () => ['serve', '--key-file', keyFile, '--state', join(directory, 's.json')],
      '--log-key is required',
    ],
    [
      'a bad log key',
      () => ['serve', '--key-file', keyFile, '--state', join(directory, 's.json'), '--log-key', 'x+1+2'],
      '--log-key',
    ],
    ['a missing key file', () => ['verifier-key', '--key-file', join(directory, 'none')], 'cannot read the key file'],
    ['an unknown command', () => ['frobnicate'], 'unknown command frobnicate'],
  ])('refuses %s with one line and exit 2', (_label, args, message) => {
    const result = runWitness(args());
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(message);
  });

  it('cosigns over HTTP, and after a restart from its state file refuses the fork it refused before', async () => {
    const statePath = join(directory, 'state.json');
    const args = [
      '--key-file',
      keyFile,
      '--state',
      statePath,
      '--log-key',
      log.verifierKey,
      '--listen',
      `127.0.0.1:${await freePort()}`,
    ];
    const post = (url: string, body: string) => fetch(`${url}/add-checkpoint`, { method: 'POST', body });
    const main = treeOf(6, 'a');
    const fork = treeOf(6, 'b');
    let running = await serve(args);
    const cosigned = await post(running.url, addRequest(log, main, 0));
    expect(cosigned.status).toBe(200);
    const key = parseCosignerKey(verifierKey);
    const checked = key.ok
      ? verifyCosignatures(`${log.checkpoint(main)}${await cosigned.text()}`, [key.key])
      : undefined;
    expect(checked?.ok && checked.cosignatures.length).toBe(1);
    expect((await post(running.url, addRequest(log, fork, 6))).status).toBe(409);
    await stop(running.child);

    running = await serve(args);
    const refused = await post(running.url, addRequest(log, fork, 6));
    expect([refused.status, refused.headers.get('content-type'), await refused.text()]).toEqual([
      409,
      'text/x.tlog.size',
      '6\n',
    ]);
    const state = JSON.parse(readFileSync(statePath, 'utf8')) as { evidence: { offered: string; cosigned: string }[] };
    expect(state.evidence).toEqual([
      expect.objectContaining({ cosigned: log.checkpoint(main), offered: log.checkpoint(fork) }),
    ]);
    await stop(running.child);
  });
});
