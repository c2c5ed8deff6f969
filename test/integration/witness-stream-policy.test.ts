import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import type { WitnessPins } from '../../client/sdk/witness-status';
import { auditRoutes } from '../../shared/api/audit';
import { STREAM_MEMBERS_POLICY } from '../../shared/witness/witness-policy';
import { freePort } from '../helpers/ports';
import { enrolMember } from '../helpers/sdk-entries';
import { startParty } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { type RunningWitness, startWitness, testWitnessSigner } from '../helpers/witness-process';

const LOG_ENV = {
  LOG_SIGNING_KEY: 'c3RyZWFtLXBvbGljeSB0ZXN0IGxvZyBzZWVkIDMyIGI',
  LOG_ORIGIN: 'parley.test/stream-policy/log',
};

const runVerify = (args: readonly string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/verify.ts', ...args], {
    env: { PATH: process.env['PATH'] ?? '' },
    encoding: 'utf8',
    timeout: 120_000,
  });

// Issue 14, point 1: by default a stream's entries are witnessed only under a checkpoint cosigned
// by a witness of each of its member parties, the members as its verified entries add them up.
describe('the default witness policy: one witness per member party of the stream read (SDK)', () => {
  let server: TestServer;
  let directory: string;
  const running: RunningWitness[] = [];
  let parties: Record<'a' | 'b' | 'c', string>;
  let adminA: ParleyPerson;
  let envoyA: ParleyPerson;
  let envoyB: ParleyPerson;
  let threadAC: string;
  let envoyC: ParleyPerson;
  let threadAB: string;
  let pins: WitnessPins;
  const names = { a: 'witness.party-a.test/w1', b: 'witness.party-b.test/w1', c: 'witness.party-c.test/w1' };

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'parley-stream-policy-'));
    server = await startTestServer({ env: LOG_ENV });
    const logKey = server.log.signer.verifierKey;
    await server.shutdown();
    const ports = [await freePort(), await freePort()];
    for (const [index, name] of [names.a, names.b].entries()) {
      const port = ports[index] as number;
      running.push(await startWitness({ name, seedByte: 31 + index, port, directory, logVerifierKey: logKey }));
    }
    // Party C's witness is pinned by readers but never runs, so it never cosigns.
    const configured = running.map((w, index) => `${w.verifierKey} http://127.0.0.1:${ports[index]}`).join(',');
    server = await startTestServer({ env: { ...LOG_ENV, PARLEY_WITNESSES: configured } });
    const [a, b, c] = [
      await startParty(server, 'Republic of Avalon'),
      await startParty(server, 'Kingdom of Lyonesse'),
      await startParty(server, 'State of Qatar (intermediary)'),
    ];
    parties = { a: a.partyId, b: b.partyId, c: c.partyId };
    adminA = a.admin;
    envoyA = await enrolMember(server, a.admin, { partyId: a.partyId, role: 'envoy', name: 'Eve Envoy' });
    envoyB = await enrolMember(server, b.admin, { partyId: b.partyId, role: 'envoy', name: 'Bo Envoy' });
    envoyC = await enrolMember(server, c.admin, { partyId: c.partyId, role: 'envoy', name: 'Cas Envoy' });
    pins = {
      witnesses: [
        { key: testWitnessSigner(names.a, 31).key, party: parties.a },
        { key: testWitnessSigner(names.b, 32).key, party: parties.b },
        { key: testWitnessSigner(names.c, 33).key, party: parties.c },
      ],
      policy: STREAM_MEMBERS_POLICY,
    };
    ({ streamId: threadAB } = await envoyA.openThread({ parties: [parties.a, parties.b], subject: 'Back channel' }));
    await server.cosignatures.settled();
    await envoyA.checkLog();
  });
  afterAll(async () => {
    await Promise.all(running.map((w) => w.stop()));
    await server?.shutdown();
    rmSync(directory, { recursive: true, force: true });
  });

  it("calls an A–B thread witnessed once A's and B's witnesses cosigned, C's absence notwithstanding", async () => {
    const status = await envoyA.witnessStatus(pins, { streamId: threadAB });
    expect(status).toMatchObject({ isWitnessed: true, witnessedBy: [names.a, names.b], missingParties: [] });
    const [opening] = await envoyA.readStream(threadAB);
    expect(opening?.leafIndex).toBeLessThan(status.treeSize ?? 0);
  });

  it("does not count B's witness for an A–C thread: C, a member, has no cosigning witness", async () => {
    ({ streamId: threadAC } = await envoyC.openThread({ parties: [parties.a, parties.c], subject: 'Lists' }));
    await server.cosignatures.settled();
    await envoyC.checkLog();
    expect(await envoyC.witnessStatus(pins, { streamId: threadAC })).toMatchObject({
      isWitnessed: false,
      witnessedBy: [names.a, names.b],
      missingParties: [parties.c],
    });
  });

  it('has npm run verify, by default, witness each stream of a bundle by its own member parties', async () => {
    const bundle = await adminA.api(auditRoutes.auditBundle, { query: { scope: 'party', id: parties.a } });
    const file = join(directory, 'a.json');
    writeFileSync(file, JSON.stringify(bundle));
    // Readers pin the witnesses of A and B only: C runs none.
    const witnessArgs = ['--witness-key', `${parties.a}=${running[0]?.verifierKey}`];
    witnessArgs.push('--witness-key', `${parties.b}=${running[1]?.verifierKey}`);
    const verified = runVerify([file, '--log-key', server.log.signer.verifierKey, ...witnessArgs]);
    expect(verified.stdout).toMatch(new RegExp(`Witnessed: +checkpoint \\d+, by ${names.a}, ${names.b}`));
    expect(verified.stdout).toMatch(
      new RegExp(
        `Witnessed: +stream ${threadAB}: checkpoint \\d+, by ${names.a}, ${names.b} \\(policy: one witness of each member party`,
      ),
    );
    expect(verified.stdout).toContain(
      `FAIL witnesses: stream ${threadAC}: no checkpoint meets the witness policy (policy: one witness of each member party, ${[parties.a, parties.c].sort().join(', ')}); no witness of ${parties.c}: not witnessed`,
    );
    expect([verified.status, verified.stderr]).toEqual([1, `1 problem(s) found in ${file}\n`]);
    const explicit = runVerify([
      file,
      '--log-key',
      server.log.signer.verifierKey,
      ...witnessArgs,
      '--witness-policy',
      'each-party',
    ]);
    expect(explicit.stdout).not.toContain(`stream ${threadAC}`);
    expect([explicit.status, explicit.stderr]).toEqual([0, '']);
  });

  it('stops calling the A–B thread witnessed once its verified entries add C as a member', async () => {
    const { entryHash } = await envoyA.proposeMembership(threadAB, { add: [parties.c], reason: 'Qatar carries lists' });
    await server.cosignatures.settled();
    await envoyA.checkLog();
    // Proposed, not yet agreed: the members are still A and B.
    expect(await envoyA.witnessStatus(pins, { streamId: threadAB })).toMatchObject({ isWitnessed: true });
    await envoyB.consentToMembership(threadAB, entryHash);
    await server.cosignatures.settled();
    await envoyA.checkLog();
    expect(await envoyA.witnessStatus(pins, { streamId: threadAB })).toMatchObject({
      isWitnessed: false,
      missingParties: [parties.c],
    });
  });

  it('calls nothing witnessed by default without a stream to take the member parties from', async () => {
    expect(await envoyA.witnessStatus(pins)).toMatchObject({ isWitnessed: false, missingParties: [] });
    const explicit = { ...pins, policy: { kind: 'each-party', parties: [parties.a, parties.b] } } as const;
    expect((await envoyA.witnessStatus(explicit)).isWitnessed).toBe(true);
  });
});
