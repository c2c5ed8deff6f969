import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParleyPerson } from '../../client/sdk/parley-person';
import type { ParleyPersonState } from '../../client/sdk/person-state';
import { type LogSigner, loadLogSigner } from '../../server/log/log-key';
import { initCrypto } from '../../shared/crypto/sodium';
import { driversUnderTest } from '../helpers/databases';
import { checkAsClient } from '../helpers/tamper-client';
import {
  copyDatabase,
  deleteEntry,
  editCiphertext,
  editHeader,
  forkLatestCheckpoint,
  replaceStatement,
  swapEntries,
  tamper,
  truncateLog,
} from '../helpers/tamper-db';
import { type AuditedLog, buildAuditedLog } from '../helpers/tamper-log';
import { startTestServer, type TestServer } from '../helpers/test-server';

type Failure = { readonly subject: string; readonly reason: string };

/** The `FAIL <subject>: <reason>` lines the verifier and fsck print. */
const failuresIn = (stdout: string): Failure[] =>
  [...stdout.matchAll(/^FAIL (.+?): (.*)$/gm)].map(([, subject = '', reason = '']) => ({ subject, reason }));

const postgres = driversUnderTest().find((driver) => driver.name === 'postgres');

describe.skipIf(!postgres)('tampering with the log in PostgreSQL, behind the triggers', () => {
  let log: AuditedLog;
  let base: { databaseUrl: string; dataDir: string; origin: string; cleanup(): Promise<void> };
  let pinned: ParleyPersonState;
  let directory: string;
  let trustedFile: string;
  let treeSize: number;
  let signer: LogSigner;

  beforeAll(async () => {
    await initCrypto();
    const created = await (postgres as NonNullable<typeof postgres>).create();
    const { databaseUrl = '', dataDir = '' } = created.options;
    const server = await startTestServer({ databaseUrl, dataDir });
    signer = loadLogSigner(server.config);
    try {
      log = await buildAuditedLog(server);
      // What envoy A's client keeps: the pinned key and the last checkpoint it verified.
      treeSize = (await log.people.envoyA.checkLog()).treeSize;
      pinned = JSON.parse(JSON.stringify(log.people.envoyA.exportState())) as ParleyPersonState;
    } finally {
      await server.shutdown();
    }
    base = { databaseUrl, dataDir, origin: server.origin, cleanup: created.cleanup };
    directory = mkdtempSync(join(tmpdir(), 'parley-tamper-'));
    trustedFile = join(directory, 'pinned-checkpoint.txt');
    writeFileSync(trustedFile, pinned.log?.checkpoint?.note ?? '');
  });
  afterAll(async () => {
    await base?.cleanup();
    rmSync(directory, { recursive: true, force: true });
  });

  /** The verifier CLI on a whole-log export with ciphertexts, and fsck, against `databaseUrl`. */
  const auditTools = (databaseUrl: string, options: { trusted?: boolean } = {}) => {
    const env = {
      PATH: process.env['PATH'] ?? '',
      DATA_DIR: base.dataDir,
      DATABASE_URL: databaseUrl,
      PUBLIC_ORIGIN: base.origin,
      LOG_LEVEL: 'silent',
    };
    const run = (script: string, args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { env, encoding: 'utf8', timeout: 60_000 });
    const trusted = options.trusted === false ? [] : ['--trusted-checkpoint', trustedFile];
    const out = join(directory, `bundle-${Math.random().toString(36).slice(2)}.json`);
    const exported = run('server/cli/audit.ts', ['export', '--out', out, '--all', '--ciphertext']);
    expect(exported.status, exported.stderr).toBe(0);
    const verified = run('server/cli/verify.ts', [out, '--log-key', pinned.log?.verifierKey ?? '', ...trusted]);
    const checked = run('server/cli/audit.ts', ['fsck', ...trusted]);
    return {
      verify: { status: verified.status, failures: failuresIn(verified.stdout), stdout: verified.stdout },
      fsck: { status: checked.status, failures: failuresIn(checked.stdout), stdout: checked.stdout },
    };
  };

  /** Envoy A's client, restored from what it kept before the tampering, against a server on `databaseUrl`. */
  const clientFindings = async (databaseUrl: string) => {
    const port = new URL(base.origin).port;
    const server: TestServer = await startTestServer({
      databaseUrl,
      dataDir: base.dataDir,
      env: { PORT: port, PUBLIC_ORIGIN: base.origin },
    });
    try {
      const person = await ParleyPerson.fromState(pinned);
      await person.signIn();
      await person.unlock();
      return await checkAsClient(person, [log.caseId, log.threadId]);
    } finally {
      await server.shutdown();
    }
  };

  /** A copy of the untouched log, tampered with by `change`; every tool is then run against it. */
  const tampered = async <T>(change: (db: pg.Client) => Promise<T>) => {
    const copy = await copyDatabase(base.databaseUrl);
    try {
      let result: T | undefined;
      await tamper(copy.url, async (db) => {
        result = await change(db);
      });
      const tools = auditTools(copy.url);
      const client = await clientFindings(copy.url);
      return { ...tools, client, result: result as T, url: copy.url };
    } finally {
      await copy.drop();
    }
  };

  // Subjects as each tool names an entry: the verifier, fsck and the SDK client.
  const named = (label: string, hash = log.writer.entry(label).entryHash) => {
    const { leafIndex, streamKind, stream, seq } = log.writer.entry(label);
    return {
      hash,
      verify: `entry ${hash} (leaf ${leafIndex}, ${streamKind} ${stream} seq ${seq})`,
      fsck: `entry ${hash} (stream ${stream} seq ${seq}, leaf ${leafIndex})`,
      client: `entry ${hash} (stream ${stream} seq ${seq})`,
    };
  };
  const failure = (subject: string, reason: string | RegExp) => ({
    subject,
    reason: typeof reason === 'string' ? reason : expect.stringMatching(reason),
  });

  it('finds nothing wrong with the untouched log', async () => {
    const found = await tampered(async () => undefined);
    expect(found.verify.failures).toEqual([]);
    expect(found.verify.stdout).toMatch(/^OK: /m);
    expect(found.fsck.failures).toEqual([]);
    expect([found.verify.status, found.fsck.status]).toEqual([0, 0]);
    expect(found.client).toEqual([]);
  });

  it('names an entry whose ciphertext was edited', async () => {
    const letter = named('letter B1');
    const found = await tampered((db) => editCiphertext(db, letter.hash));
    expect(found.verify.failures).toEqual([
      failure(letter.verify, 'ciphertext does not match the ciphertextHash the author signed'),
    ]);
    expect(found.fsck.failures).toEqual([
      failure(letter.fsck, 'ciphertext does not match the ciphertext hash its header commits to'),
    ]);
    expect(found.client).toEqual([failure(letter.client, /fails its integrity check: ciphertext-hash-mismatch$/)]);
    expect([found.verify.status, found.fsck.status]).toEqual([1, 1]);
  });

  it('names an entry whose signed header was edited, by its leaf, and the next entry whose link broke', async () => {
    const original = named('letter A2');
    const found = await tampered((db) => editHeader(db, original.hash));
    const edited = named('letter A2', found.result);
    const next = named('note B2');
    const leaf = log.writer.entry('letter A2').leafIndex;
    expect(found.verify.failures).toEqual([
      failure(
        edited.verify,
        // The bundle's leaf list hashes to the checkpoint, and its leaf holds the original hash.
        `not included at leaf ${leaf} under checkpoint ${treeSize}: the log's leaf ${leaf} records another entry`,
      ),
      failure(edited.verify, /^the signature does not verify under the author's key /),
      failure(next.verify, `prevHash ${original.hash} is not the hash of seq 5 (${edited.hash})`),
    ]);
    expect(found.fsck.failures).toEqual([
      failure(edited.fsck, 'stored hash is not the hash of its header and signature'),
      failure(edited.fsck, 'the signature does not verify'),
      failure(`leaf ${leaf}`, `record hash ${original.hash} does not match the stored record (${edited.hash})`),
      failure(next.fsck, `chain broken: expected seq 6 after ${edited.hash}`),
    ]);
    expect(found.client).toEqual([
      failure(original.client, new RegExp(`fails its hash check: the header and signature hash to ${edited.hash}$`)),
    ]);
  });

  it('names a deleted entry by the hash the log and its successor recorded', async () => {
    const deleted = named('letter B1');
    const next = named('ack B1');
    const { leafIndex, stream } = log.writer.entry('letter B1');
    const found = await tampered((db) => deleteEntry(db, deleted.hash));
    expect(found.verify.failures).toEqual([
      failure(
        `entry ${deleted.hash} (leaf ${leafIndex})`,
        'the log has this entry but the bundle of the whole log does not carry it',
      ),
      failure(
        `stream ${stream}`,
        `seq 3 is missing from the bundle; entry seq 4 links to it as ${deleted.hash}: the chain is broken`,
      ),
    ]);
    expect(found.fsck.failures).toEqual([
      failure(`leaf ${leafIndex}`, 'its entry record is missing'),
      failure(next.fsck, /^chain broken: expected seq 3 after /),
    ]);
    expect(found.client).toEqual([
      failure(next.client, new RegExp(`fails its chain check: .*got seq 4 after ${deleted.hash}$`)),
    ]);
  });

  it('names two entries whose places were swapped', async () => {
    const [first, second] = [named('letter A2'), named('note B2')];
    const [firstLeaf, secondLeaf] = [log.writer.entry('letter A2').leafIndex, log.writer.entry('note B2').leafIndex];
    const found = await tampered((db) => swapEntries(db, first.hash, second.hash));
    // Each now claims the other's leaf (and seq, for the server's order).
    const movedFirst = `entry ${first.hash} (leaf ${secondLeaf}, thread ${log.threadId} seq 5)`;
    const movedSecond = `entry ${second.hash} (leaf ${firstLeaf}, thread ${log.threadId} seq 6)`;
    expect(found.verify.failures).toEqual([
      failure(movedSecond, new RegExp(`^not included at leaf ${firstLeaf} `)),
      failure(movedFirst, new RegExp(`^not included at leaf ${secondLeaf} `)),
      failure(movedSecond, `is at leaf ${firstLeaf}, not after seq 5 at leaf ${secondLeaf}`),
    ]);
    expect(found.fsck.failures).toEqual(
      expect.arrayContaining([
        failure(`leaf ${firstLeaf}`, `record hash ${first.hash} does not match the stored record (${second.hash})`),
        failure(`leaf ${secondLeaf}`, `record hash ${second.hash} does not match the stored record (${first.hash})`),
      ]),
    );
    expect(found.client).toEqual([
      failure(`entry ${second.hash} (stream ${log.threadId} seq 6)`, /fails its chain check: expected seq 5 after /),
    ]);
  });

  it('names a replaced key statement, and the entries signed with the key it hid', async () => {
    const person = log.people.envoyA.personId;
    const position = log.rotationPosition;
    const found = await tampered((db) => replaceStatement(db, position));
    const forged = found.result;
    // The old key's signature, which only envoy A could make, is what gives the forgery away.
    const refused = new RegExp(`^the signature of ${person} with key .* does not verify$`);
    // Every entry sealed to envoy A after the rotation names a key the proven directory lacks.
    const sealedToHidden = ['letter A2', 'status', 'note B2', 'letter A3', 'minutes 2'].map((label) =>
      failure(
        named(label).verify,
        new RegExp(`^sealed to ${person} with key .*, which the directory does not bind to them$`),
      ),
    );
    const expected = [
      failure(
        `statement ${forged} (leaf ${position}, person ${person} seq 2)`,
        new RegExp(`^not included at leaf ${position} `),
      ),
      failure(
        `statement ${log.rotationHash} (leaf ${position})`,
        'the log has this key statement but the bundle does not prove it: the key directory is incomplete',
      ),
      failure(named('letter A2').verify, /^the author's key .* is not in the verified key directory$/),
      failure(named('letter A3').verify, /^the author's key .* is not in the verified key directory$/),
      ...sealedToHidden,
    ];
    expect(found.verify.failures).toHaveLength(expected.length);
    expect(found.verify.failures).toEqual(expect.arrayContaining(expected));
    expect(found.fsck.failures).toEqual([
      failure(`statement ${forged} at leaf ${position}`, refused),
      failure(`leaf ${position}`, new RegExp(`does not match the stored record \\(${forged}\\)$`)),
      failure(named('letter A2').fsck, "the author's key was not valid at this position in the log"),
      failure(named('letter A3').fsck, "the author's key was not valid at this position in the log"),
    ]);
    // The client proves each statement at its leaf: the leaf still records the real rotation.
    expect(found.client).toEqual([
      failure(`statement of Eve Envoy (leaf ${position})`, /^not in the log there: /),
      failure(`stream ${log.caseId}`, /^not read: The key directory cannot be trusted/),
      failure(`stream ${log.threadId}`, /^not read: The key directory cannot be trusted/),
    ]);
  });

  it('names a truncated log against the checkpoint a client or reviewer kept, and the records left behind', async () => {
    const size = treeSize - 3;
    const cut = log.writer.written.filter((entry) => entry.leafIndex >= size);
    const copy = await copyDatabase(base.databaseUrl);
    try {
      await tamper(copy.url, (db) => truncateLog(db, size));
      // The bundle of a cleanly truncated log is a valid bundle of a smaller log: only a checkpoint
      // seen before shows what is gone.
      expect(auditTools(copy.url, { trusted: false }).verify).toMatchObject({ status: 0, failures: [] });
      const found = { ...auditTools(copy.url), client: await clientFindings(copy.url) };
      expect(found.verify.failures).toEqual([
        failure(
          `trusted checkpoint ${treeSize}`,
          `the bundle's log ends at ${size} leaves, before this checkpoint of ${treeSize}: the log was truncated or rolled back`,
        ),
      ]);
      expect(found.fsck.failures).toEqual([
        failure(
          `trusted checkpoint ${treeSize}`,
          `the stored log has only ${size} leaves: it was truncated or rolled back`,
        ),
        ...cut.map((entry) =>
          failure(
            named(entry.label).fsck,
            `its leaf ${entry.leafIndex} is not in the log (truncated, or the leaf removed)`,
          ),
        ),
      ]);
      expect(found.client).toEqual([
        failure(
          'log',
          `The transparency log was refused (rollback): offered tree size ${size} is older than the trusted ${treeSize}`,
        ),
      ]);
    } finally {
      await copy.drop();
    }
  });

  // A forked tree head is a signed root, not a record: every tool names the checkpoint, and none
  // can say at which leaf the other tree differs.
  it('names a forked checkpoint signed with the real log key', async () => {
    const found = await tampered((db) => forkLatestCheckpoint(db, signer, log.writer.entry('letter B1').leafIndex));
    expect(found.verify.failures).toEqual(
      expect.arrayContaining([
        failure(`consistency 16 -> ${treeSize}`, /the later checkpoint is not proven to extend the earlier one$/),
        failure('leaves', `do not hash to the root of checkpoint ${treeSize}`),
        failure(
          `trusted checkpoint ${treeSize}`,
          `the bundle's tree of size ${treeSize} has another root: the log forked`,
        ),
        failure(named('letter B1').verify, new RegExp(`^not included at leaf .* under checkpoint ${treeSize}`)),
      ]),
    );
    expect(found.fsck.failures).toEqual([
      failure(`checkpoint ${treeSize}`, 'its root is not the root of the stored leaves at that size (fork or rewrite)'),
    ]);
    expect(found.client).toEqual([
      failure(
        'log',
        `The transparency log was refused (fork): two signed checkpoints of size ${treeSize} with different roots`,
      ),
    ]);
  });
});

if (!postgres) {
  describe('tampering with the log in PostgreSQL', () => {
    it.skip('needs DATABASE_URL (a PostgreSQL superuser URL; CI sets it): skipped', () => {});
  });
}
