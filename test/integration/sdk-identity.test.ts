import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { unlockedKeyringOf } from '../../client/sdk/unlocked-keyring';
import { keyRoutes, partyRoutes } from '../../shared/api/identity';
import { signKeyStatement } from '../../shared/crypto/key-statement';
import { enrolBootstrapAdmin, enrolInvitee, expectProblem } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';

// One story, step by step: each test builds on the people the previous ones enrolled.
describe('the Node SDK against a real server: enrolment, endorsement, keys', () => {
  let server: TestServer;
  let admin: ParleyPerson;
  let adminParty: string;
  let otherAdmin: ParleyPerson;
  let envoy: ParleyPerson;
  let firstSafetyNumber: string;

  const keyIdsOf = (person: ParleyPerson) => unlockedKeyringOf(person)?.keyring.map((key) => key.keyId);

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.shutdown();
  });

  it('enrols the operator-invited admin, who is active at once with a bootstrap key', async () => {
    ({ admin, partyId: adminParty } = await enrolBootstrapAdmin(server, 'Republic of Avalon', 'Ada Admin'));
    expect(admin.currentSession?.person).toMatchObject({ role: 'admin', status: 'active', name: 'Ada Admin' });
    expect(admin.isUnlocked).toBe(true);
    expect(admin.recoveryKey).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{1,5}){10}$/);
    const directory = await admin.directory();
    expect(directory.currentKey(admin.personId)).toMatchObject({ bootstrap: true, role: 'admin', party: adminParty });
    expect((await admin.session())?.person.keyId).toBe(directory.currentKey(admin.personId)?.keyId);
  });

  it("invites an envoy of another party through that party's own root admin; the envoy enrols pending", async () => {
    let partyId: string;
    ({ admin: otherAdmin, partyId } = await enrolBootstrapAdmin(server, 'Kingdom of Lyonesse', 'Lance Admin'));
    envoy = await enrolInvitee(server, otherAdmin, { partyId, role: 'envoy', name: 'Eve Envoy' });
    expect(envoy.currentSession?.person).toMatchObject({ status: 'pending', role: 'envoy', party: { id: partyId } });
    expect(envoy.currentSession?.person.keyId).toBeUndefined();
    const { treeSize } = await admin.checkLog();
    const [anyStatement] = (await admin.api(keyRoutes.listStatements, { query: { treeSize, after: -1, limit: 1000 } }))
      .statements;
    if (!anyStatement) {
      throw new Error('expected the admin’s enrolment in the directory');
    }
    await expectProblem(envoy.api(keyRoutes.appendStatement, { body: { signed: anyStatement.signed } }), 'forbidden');
    await expectProblem(envoy.pendingEnrolments(), 'forbidden');
    expect((await otherAdmin.pendingEnrolments()).map((pending) => pending.person.id)).toEqual([envoy.personId]);
    // An admin of another party neither sees nor endorses the enrolment.
    expect(await admin.pendingEnrolments()).toEqual([]);
    const [pending] = await otherAdmin.pendingEnrolments();
    const adminKey = unlockedKeyringOf(admin)?.signer(admin.personId);
    if (!pending || !adminKey) {
      throw new Error('expected a pending enrolment and an unlocked admin');
    }
    const { keyId, signature } = signKeyStatement(pending.signed.statement, adminKey);
    await expectProblem(
      admin.api(keyRoutes.endorseEnrolment, { params: { personId: envoy.personId }, body: { keyId, signature } }),
      'forbidden',
    );
  });

  it("lets the party's admin endorse the envoy, who becomes active with the keys they signed", async () => {
    const [pending] = await otherAdmin.pendingEnrolments();
    const { published } = await otherAdmin.endorse(envoy.personId);
    expect(published?.signed.statement).toEqual(pending?.signed.statement);
    expect(published?.signed.signatures.map((signature) => signature.signer)).toEqual([
      envoy.personId,
      otherAdmin.personId,
    ]);
    const session = await envoy.session();
    expect(session?.person.status).toBe('active');
    expect((await envoy.directory()).currentKey(envoy.personId)?.keyId).toBe(session?.person.keyId);
    expect(await otherAdmin.pendingEnrolments()).toEqual([]);
  });

  it('signs the envoy out and back in without a user name, then unlocks the vault through PRF', async () => {
    const keyIds = keyIdsOf(envoy);
    await envoy.signOut();
    expect(envoy.isUnlocked).toBe(false);
    expect(await envoy.session()).toBeNull();
    await expectProblem(envoy.people(), 'unauthenticated');
    const session = await envoy.signIn();
    expect(session.person.id).toBe(envoy.personId);
    await envoy.unlock();
    expect(keyIdsOf(envoy)).toEqual(keyIds);
  });

  it('gives both people the same safety number', async () => {
    const fromAdmin = await admin.safetyNumberWith(envoy.personId);
    const fromEnvoy = await envoy.safetyNumberWith(admin.personId);
    expect(fromAdmin.digits).toMatch(/^\d{60}$/);
    expect(fromEnvoy.digits).toBe(fromAdmin.digits);
    firstSafetyNumber = fromAdmin.digits;
  });

  it('rotates the admin’s keys: what the old key signed still verifies, and the vault keeps both keys', async () => {
    const oldKeyId = (await admin.directory()).currentKey(admin.personId)?.keyId;
    const rotation = await admin.rotateKeys();
    expect(rotation.resealed.map((copy) => copy.kind).sort()).toEqual(['prf', 'recovery']);
    expect(rotation.skipped).toEqual([]);
    // The envoy's enrolment was endorsed with the admin's old key: re-verified from scratch, it still holds.
    const directory = await envoy.directory();
    expect(directory.currentKey(admin.personId)?.keyId).toBe(rotation.keyId);
    expect(directory.keyRecord(oldKeyId ?? '')).toMatchObject({ endedBy: 'rotate' });
    expect(directory.currentKey(envoy.personId)).toBeDefined();
    expect((await envoy.safetyNumberWith(admin.personId)).digits).not.toBe(firstSafetyNumber);
    await admin.signOut();
    await admin.signIn();
    await admin.unlock();
    expect(keyIdsOf(admin)).toEqual([oldKeyId, rotation.keyId]);
    admin.lock();
    await admin.unlockWithRecoveryKey(admin.recoveryKey ?? '');
    expect(keyIdsOf(admin)).toEqual([oldKeyId, rotation.keyId]);
  });

  // Regression: the server once replayed only the named people's statements, so an endorsed
  // person's rotation failed to find their endorser's key and answered 500.
  it('rotates an endorsed envoy’s keys', async () => {
    const oldKeyId = (await envoy.directory()).currentKey(envoy.personId)?.keyId;
    const rotation = await envoy.rotateKeys();
    expect((await envoy.directory()).currentKey(envoy.personId)?.keyId).toBe(rotation.keyId);
    expect(keyIdsOf(envoy)).toEqual([oldKeyId, rotation.keyId]);
  });

  it("refuses an endorsement signed with the admin's rotated-away key, and accepts the current one", async () => {
    const staff = await enrolInvitee(server, admin, { partyId: adminParty, role: 'staff', name: 'Sam Staff' });
    const [pending] = await admin.pendingEnrolments();
    const [oldKey] = unlockedKeyringOf(admin)?.keyring ?? [];
    if (!pending || !oldKey) {
      throw new Error('expected a pending enrolment and the admin’s first key');
    }
    const stale = signKeyStatement(pending.signed.statement, { person: admin.personId, ...oldKey });
    await expectProblem(
      admin.api(keyRoutes.endorseEnrolment, {
        params: { personId: staff.personId },
        body: { keyId: stale.keyId, signature: stale.signature },
      }),
      'statementRejected',
    );
    await admin.endorse(staff.personId);
    expect((await staff.session())?.person.status).toBe('active');
  });

  it('refuses a revoked admin: sessions end, sign-in is refused, their signature no longer counts', async () => {
    const second = await enrolInvitee(server, admin, { partyId: adminParty, role: 'admin', name: 'Bea Admin' });
    await admin.endorse(second.personId);
    const reviewer = await enrolInvitee(server, admin, { partyId: adminParty, role: 'reviewer', name: 'Rex Review' });
    const [pending] = await admin.pendingEnrolments();
    const adminKey = unlockedKeyringOf(admin)?.signer(admin.personId);
    if (!pending || !adminKey) {
      throw new Error('expected a pending enrolment and an unlocked admin');
    }

    expect(await second.revoke(admin.personId)).toMatchObject({ status: 'revoked' });
    await expectProblem(admin.endorse(reviewer.personId), 'unauthenticated');
    // The one sign-in refusal: it does not tell a prober that the person was revoked (issue 12).
    await expectProblem(admin.signIn(), 'passkeyRejected');
    const directory = await second.directory();
    expect(directory.currentKey(admin.personId)).toBeUndefined();
    const endorsedByRevoked = {
      ...pending.signed,
      signatures: [...pending.signed.signatures, signKeyStatement(pending.signed.statement, adminKey)],
    };
    const applied = directory.apply(endorsedByRevoked, Number.MAX_SAFE_INTEGER);
    expect(applied).toMatchObject({ ok: false, reason: expect.stringMatching(/no current key/) });
    const people = await second.api(partyRoutes.listPeople);
    expect(people.people.find((person) => person.id === admin.personId)).toMatchObject({ status: 'revoked' });
  });
});
