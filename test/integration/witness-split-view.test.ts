import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { SplitViewError, type WitnessPins } from '../../client/sdk/witness-status';
import { auditRoutes } from '../../shared/api/audit';
import { logRoutes } from '../../shared/api/log';
import { freePort } from '../helpers/ports';
import { enrolBootstrapAdmin } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { type RunningWitness, startWitness } from '../helpers/witness-process';

// One log key and origin behind two servers with two databases: the operator under test control
// shows party A one tree and party B another, both signed by the log's one key.
const LOG_ENV = { LOG_SIGNING_KEY: 'c3BsaXQtdmlldyB0ZXN0IGxvZyBzZWVkIDMyIGJ5dGU', LOG_ORIGIN: 'parley.test/split/log' };

const runVerify = (args: readonly string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/verify.ts', ...args], {
    env: { PATH: process.env['PATH'] ?? '' },
    encoding: 'utf8',
    timeout: 120_000,
  });

describe('a split view: the operator shows parties A and B different trees', () => {
  let directory: string;
  let viewA: TestServer;
  let viewB: TestServer;
  let adminA: ParleyPerson;
  let adminB: ParleyPerson;
  let partyA: string;
  let partyB: string;
  const witnesses: RunningWitness[] = [];
  let pins: WitnessPins;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'parley-split-'));
    const ports = [await freePort(), await freePort()];
    viewA = await startTestServer({ env: LOG_ENV });
    const logKey = viewA.log.signer.verifierKey;
    for (const [index, party] of ['a', 'b'].entries()) {
      witnesses.push(
        await startWitness({
          name: `witness.party-${party}.test/w1`,
          seedByte: 21 + index,
          port: ports[index] as number,
          directory,
          logVerifierKey: logKey,
        }),
      );
    }
    const configured = witnesses.map((w, index) => `${w.verifierKey} http://127.0.0.1:${ports[index]}`).join(',');
    await viewA.shutdown();
    viewA = await startTestServer({ env: { ...LOG_ENV, PARLEY_WITNESSES: configured } });
    viewB = await startTestServer({ env: { ...LOG_ENV, PARLEY_WITNESSES: configured } });
    expect(viewB.log.signer.verifierKey).toBe(logKey);
    pins = {
      witnesses: witnesses.map((w, index) => ({ key: w.witness.signer.key, party: ['a', 'b'][index] as string })),
      policy: { kind: 'each-party', parties: ['a', 'b'] },
    };
    // A's view grows first and is cosigned by both witnesses; B's view is another tree of the same size.
    ({ admin: adminA, partyId: partyA } = await enrolBootstrapAdmin(viewA, 'Republic of Avalon', 'Ada Admin'));
    await adminA.rotateKeys();
    await viewA.cosignatures.settled();
    ({ admin: adminB, partyId: partyB } = await enrolBootstrapAdmin(viewB, 'Kingdom of Brittany', 'Bea Admin'));
    await adminB.rotateKeys();
    await viewB.cosignatures.settled();
    await adminA.checkLog();
    await adminB.checkLog();
  });
  afterAll(async () => {
    await Promise.all(witnesses.map((w) => w.stop()));
    await viewA?.shutdown();
    await viewB?.shutdown();
    rmSync(directory, { recursive: true, force: true });
  });

  it('has both witnesses refuse the second tree and keep both checkpoints as evidence', async () => {
    const noteA = (await adminA.api(logRoutes.cosignedCheckpoint)).checkpoint?.note ?? '';
    const noteB = (await adminB.api(logRoutes.latestCheckpoint)).note;
    for (const { witness } of witnesses) {
      expect(witness.evidence).toHaveLength(1);
      const [evidence] = witness.evidence;
      expect(noteA.startsWith(evidence?.cosigned ?? '-')).toBe(true);
      expect(evidence?.offered).toBe(noteB);
      expect(evidence?.reason).toBe('two signed checkpoints of size 2 with different roots');
    }
  });

  it("shows A's tree witnessed by both parties' witnesses, and B's tree never witnessed", async () => {
    expect(await adminA.witnessStatus(pins)).toMatchObject({
      isWitnessed: true,
      treeSize: 2,
      witnessedBy: ['witness.party-a.test/w1', 'witness.party-b.test/w1'],
    });
    expect(await adminB.witnessStatus(pins)).toEqual({
      isWitnessed: false,
      treeSize: null,
      witnessedBy: [],
      missingParties: ['a', 'b'],
    });
  });

  it("raises an alarm naming both checkpoints in B's client given A's cosigned checkpoint (gossip)", async () => {
    const noteA = (await adminA.api(logRoutes.cosignedCheckpoint)).checkpoint?.note ?? '';
    const trustedB = (await adminB.checkLog()).note;
    const alarm = await adminB.compareCheckpoint(noteA).catch((error: unknown) => error);
    expect(alarm).toBeInstanceOf(SplitViewError);
    expect((alarm as SplitViewError).notes).toEqual([trustedB, noteA]);
  });

  it("raises an alarm naming both checkpoints in A's client given B's checkpoint, larger or not", async () => {
    const noteB = (await adminB.api(logRoutes.latestCheckpoint)).note;
    const sameSize = await adminA.compareCheckpoint(noteB).catch((error: unknown) => error);
    expect((sameSize as SplitViewError).notes?.[1]).toBe(noteB);
    await adminB.rotateKeys();
    const largerB = (await adminB.checkLog()).note;
    const larger = await adminA.compareCheckpoint(largerB).catch((error: unknown) => error);
    expect(larger).toBeInstanceOf(SplitViewError);
    expect((larger as SplitViewError).notes).toContain(largerB);
  });

  it('has npm run verify, given the witness keys and policy, name both checkpoints of the split view', async () => {
    const noteA = (await adminA.api(logRoutes.cosignedCheckpoint)).checkpoint?.note ?? '';
    const trustedFile = join(directory, 'a-cosigned.note');
    writeFileSync(trustedFile, noteA);
    const bundleOf = async (admin: ParleyPerson, partyId: string, name: string) => {
      const bundle = await admin.api(auditRoutes.auditBundle, { query: { scope: 'party', id: partyId } });
      const file = join(directory, name);
      writeFileSync(file, JSON.stringify(bundle));
      return file;
    };
    const witnessArgs = witnesses.flatMap((w, index) => ['--witness-key', `${['a', 'b'][index]}=${w.verifierKey}`]);
    const logKey = viewA.log.signer.verifierKey;
    const fromB = runVerify([
      await bundleOf(adminB, partyB, 'b.json'),
      '--log-key',
      logKey,
      '--trusted-checkpoint',
      trustedFile,
      ...witnessArgs,
    ]);
    expect(fromB.status).toBe(1);
    expect(fromB.stdout).toContain('FAIL witnesses: no checkpoint of the bundle meets the witness policy');
    expect(fromB.stdout).toContain('FAIL split view: the log signed two trees of size 2 with different roots');
    const rootLine = (note: string) => `    ${note.split('\n')[2]}`;
    const noteB2 = (await viewB.log.checkpointAt(viewB.database.db, 2))?.note ?? '';
    expect(fromB.stdout).toContain(rootLine(noteA));
    expect(fromB.stdout).toContain(rootLine(noteB2));

    const fromA = runVerify([
      await bundleOf(adminA, partyA, 'a.json'),
      '--log-key',
      logKey,
      '--trusted-checkpoint',
      trustedFile,
      ...witnessArgs,
    ]);
    expect(fromA.stdout).toMatch(
      /Witnessed: +checkpoint \d+, by witness\.party-a\.test\/w1, witness\.party-b\.test\/w1/,
    );
    expect([fromA.status, fromA.stderr]).toEqual([0, '']);
  });

  it("accepts a checkpoint from A's own history", async () => {
    const before = (await adminA.checkLog()).note;
    await adminA.rotateKeys();
    await adminA.checkLog();
    await expect(adminA.compareCheckpoint(before)).resolves.toBeUndefined();
  });
});
