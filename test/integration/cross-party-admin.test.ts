import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolStatement, revokeStatement, rotateStatement, signStatement } from '../../client/sdk/key-statements';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { unlockedKeyringOf } from '../../client/sdk/unlocked-keyring';
import { DirectoryVerificationError } from '../../client/sdk/verified-directory';
import { loadLogSigner } from '../../server/log/log-key';
import { invitationRoutes, keyRoutes, partyRoutes } from '../../shared/api/identity';
import { generateIdentityKeys } from '../../shared/crypto/identity-keys';
import { type StatementSigner, signKeyStatement } from '../../shared/crypto/key-statement';
import type { ChainHead, KeyRecord } from '../../shared/directory/index';
import type { SignedKeyStatement } from '../../shared/schemas/key-statement';
import { enrolMember } from '../helpers/sdk-entries';
import { enrolInvitee, expectProblem, startParty } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { appendUncheckedStatement } from '../helpers/unchecked-statement';

// Issue 11, must-show 2: an admin of party A acting on party B's people, with its own keys.
describe("an admin of one party acting on another party's people", () => {
  let server: TestServer;
  let adminA: ParleyPerson;
  let partyB: string;
  let adminB: ParleyPerson;
  let envoyB: ParleyPerson;
  let staffB: ParleyPerson;
  let clerkB: ParleyPerson;
  let reviewer: ParleyPerson;
  let signerA: StatementSigner;
  let crafted: Record<'enrol' | 'endorse' | 'rotate' | 'revoke', SignedKeyStatement>;
  let workdir: string;

  /** A person's current key and chain head, from the verified directory. */
  const keyOf = async (person: ParleyPerson): Promise<{ key: KeyRecord; head: ChainHead }> => {
    const directory = await adminB.directory();
    const key = directory.currentKey(person.personId);
    const head = directory.headOf(person.personId);
    if (!key || !head) {
      throw new Error(`expected ${person.personId} to hold a current key`);
    }
    return { key, head };
  };

  beforeAll(async () => {
    workdir = mkdtempSync(join(tmpdir(), 'parley-cross-party-'));
    server = await startTestServer();
    const a = await startParty(server, 'Republic of Avalon', 'Ada Admin');
    const b = await startParty(server, 'Kingdom of Lyonesse', 'Bea Admin');
    const c = await startParty(server, 'Ombudsman', 'Olga Admin');
    adminA = a.admin;
    ({ admin: adminB, partyId: partyB } = b);
    envoyB = await enrolMember(server, adminB, { partyId: partyB, role: 'envoy', name: 'Bo Envoy' });
    staffB = await enrolMember(server, adminB, { partyId: partyB, role: 'staff', name: 'Sal Staff' });
    clerkB = await enrolMember(server, adminB, { partyId: partyB, role: 'staff', name: 'Cal Clerk' });
    reviewer = await enrolMember(server, c.admin, { partyId: c.partyId, role: 'reviewer', name: 'Rae Reviewer' });
    const signer = unlockedKeyringOf(adminA)?.signer(adminA.personId);
    if (!signer) {
      throw new Error('expected admin A unlocked');
    }
    signerA = signer;
    const [envoyKey, staffKey, clerkKey] = [await keyOf(envoyB), await keyOf(staffB), await keyOf(clerkB)];
    const stranger = { person: crypto.randomUUID(), ...generateIdentityKeys() };
    const planted = generateIdentityKeys();
    const enrol = enrolStatement(
      {
        person: stranger.person,
        party: partyB,
        role: 'envoy',
        name: 'Mallory Planted',
        invitation: crypto.randomUUID(),
        authority: adminA.personId,
      },
      stranger,
    );
    crafted = {
      enrol: signStatement(enrol, stranger, signerA),
      endorse: signStatement(
        { ...revokeStatement(envoyKey.key, envoyKey.head, adminA.personId), kind: 'endorse' },
        signerA,
      ),
      rotate: signStatement(rotateStatement(staffKey.key, staffKey.head, planted), signerA, {
        person: staffB.personId,
        ...planted,
      }),
      revoke: signStatement(revokeStatement(clerkKey.key, clerkKey.head, adminA.personId), signerA),
    };
  });
  afterAll(async () => {
    await server?.shutdown();
    rmSync(workdir, { recursive: true, force: true });
  });

  it('is refused by the server through the API: invite, endorse, revoke, and crafted statements', async () => {
    await expectProblem(
      adminA.api(invitationRoutes.createInvitation, { body: { partyId: partyB, role: 'envoy', name: 'Mallory' } }),
      'forbidden',
    );
    const pending = await enrolInvitee(server, adminB, { partyId: partyB, role: 'staff', name: 'Pat Pending' });
    const [enrolment] = await adminB.pendingEnrolments();
    if (!enrolment) {
      throw new Error('expected a pending enrolment');
    }
    const { keyId, signature } = signKeyStatement(enrolment.signed.statement, signerA);
    await expectProblem(
      adminA.api(keyRoutes.endorseEnrolment, { params: { personId: pending.personId }, body: { keyId, signature } }),
      'forbidden',
    );
    await expectProblem(
      adminA.api(partyRoutes.revokePerson, {
        params: { personId: envoyB.personId },
        body: { statement: crafted.revoke },
      }),
      'forbidden',
    );
    await expectProblem(adminA.api(keyRoutes.appendStatement, { body: { signed: crafted.revoke } }), 'forbidden');
    await expectProblem(adminA.api(keyRoutes.appendStatement, { body: { signed: crafted.rotate } }), 'forbidden');
    await expectProblem(adminA.api(keyRoutes.appendStatement, { body: { signed: crafted.enrol } }), 'forbidden');
    const refused = await expectProblem(
      adminA.api(keyRoutes.appendStatement, { body: { signed: crafted.endorse } }),
      'statementRejected',
    );
    expect(refused.problem.detail).toMatch(/is an admin of party .* not of/);
    expect((await keyOf(clerkB)).key.endedAt).toBeUndefined();
  });

  it('with the server check switched off, is refused by every client, naming each statement and its person', async () => {
    for (const signed of Object.values(crafted)) {
      await appendUncheckedStatement(server, signed);
    }
    for (const client of [envoyB, adminB, reviewer]) {
      const refusal = await client.directory().catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(DirectoryVerificationError);
      const refusedPeople = (refusal as DirectoryVerificationError).problems
        .filter((problem) => problem.kind === 'refused')
        .map((problem) => problem.person?.name);
      expect(refusedPeople.sort()).toEqual(['Bo Envoy', 'Cal Clerk', 'Mallory Planted', 'Sal Staff']);
    }
  });

  it('and by `npm run verify`, which exits 1 naming every refused statement', async () => {
    const response = await fetch(`${server.url}/api/audit/bundle?scope=all`, {
      headers: { cookie: reviewer.http.cookies.header() ?? '' },
    });
    expect(response.status).toBe(200);
    const path = join(workdir, 'bundle.json');
    writeFileSync(path, await response.text());
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'server/cli/verify.ts', path, '--log-key', loadLogSigner(server.config).verifierKey],
      { encoding: 'utf8', timeout: 60_000, env: { PATH: process.env['PATH'] ?? '' } },
    );
    expect(result.status).toBe(1);
    const failures = result.stdout.split('\n').filter((line) => line.startsWith('FAIL statement'));
    expect(failures).toHaveLength(4);
    expect(result.stdout).toMatch(/is an admin of party .* not of/);
  });
});
