import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParleyPerson } from '../../client/sdk/parley-person';
import { SoftwareAuthenticator } from '../../client/sdk/software-authenticator';
import { unlockedKeyringOf } from '../../client/sdk/unlocked-keyring';
import { PrfUnavailableError } from '../../client/sdk/vault-prf';
import { formatRecoveryKey, generateRecoveryKey, RecoveryKeyError } from '../../shared/crypto/recovery-key';
import { VaultError } from '../../shared/crypto/vault';
import { addressOf, enrolBootstrapAdmin, enrolInvitee, expectProblem, startParty } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';

// Argon2id at libsodium's minimum: fine for a test, never for a real passphrase copy.
const TEST_KDF = { opsLimit: 1, memLimit: 8192 };

describe('the Node SDK against a real server: devices, sessions, recovery', () => {
  let server: TestServer;
  let admin: ParleyPerson;
  let adminParty: string;
  let envoy: ParleyPerson;
  let laptop: ParleyPerson;

  const keyIdsOf = (person: ParleyPerson) => unlockedKeyringOf(person)?.keyring.map((key) => key.keyId);

  beforeAll(async () => {
    server = await startTestServer();
    ({ admin, partyId: adminParty } = await enrolBootstrapAdmin(server, 'Republic of Avalon', 'Ada Admin'));
    const lyonesse = await startParty(server, 'Kingdom of Lyonesse');
    envoy = await enrolInvitee(server, lyonesse.admin, { partyId: lyonesse.partyId, role: 'envoy', name: 'Eve Envoy' });
    await lyonesse.admin.endorse(envoy.personId);
  });
  afterAll(async () => {
    await server?.shutdown();
  });

  it('unlocks the vault with the recovery key on a new authenticator without PRF', async () => {
    const newDevice = new SoftwareAuthenticator({ origin: server.origin, hasPrf: false });
    expect(await envoy.addPasskey(newDevice)).toMatchObject({ hasPrf: false });
    laptop = await ParleyPerson.onAuthenticator(addressOf(server), newDevice);
    expect((await laptop.signIn()).person.id).toBe(envoy.personId);
    await expect(laptop.unlock()).rejects.toBeInstanceOf(PrfUnavailableError);
    await expect(laptop.unlockWithRecoveryKey(formatRecoveryKey(generateRecoveryKey()))).rejects.toBeInstanceOf(
      VaultError,
    );
    await expect(laptop.unlockWithRecoveryKey('not-a-recovery-key')).rejects.toBeInstanceOf(RecoveryKeyError);
    expect(laptop.isUnlocked).toBe(false);
    await laptop.unlockWithRecoveryKey((envoy.recoveryKey ?? '').toLowerCase());
    expect(keyIdsOf(laptop)).toEqual(keyIdsOf(envoy));
  });

  it('signs out everywhere, ending the other session of the same person', async () => {
    expect((await envoy.session())?.person.id).toBe(envoy.personId);
    expect(await laptop.signOutEverywhere()).toBeGreaterThanOrEqual(2);
    expect(laptop.isUnlocked).toBe(false);
    expect(await envoy.session()).toBeNull();
    await expectProblem(envoy.people(), 'unauthenticated');
    await envoy.signIn();
    expect(await laptop.session()).toBeNull();
  });

  it('enrols without PRF into a passphrase copy, which unlocks after signing in again', async () => {
    const passphrase = 'correct horse battery staple';
    const staff = await enrolInvitee(
      server,
      admin,
      { partyId: adminParty, role: 'staff', name: 'Sam Staff' },
      { hasPrf: false, passphrase, kdfCosts: TEST_KDF },
    );
    const keyIds = keyIdsOf(staff);
    await admin.endorse(staff.personId);
    await staff.signOut();
    await staff.signIn();
    await expect(staff.unlock()).rejects.toBeInstanceOf(PrfUnavailableError);
    await expect(staff.unlockWithPassphrase('battery staple horse correct')).rejects.toBeInstanceOf(VaultError);
    await staff.unlockWithPassphrase(passphrase);
    expect(keyIdsOf(staff)).toEqual(keyIds);
  });

  it('revokes its own key: the server revokes the person, ends their sessions and refuses sign-in', async () => {
    const leaver = await enrolInvitee(server, admin, { partyId: adminParty, role: 'envoy', name: 'Lee Leaver' });
    await admin.endorse(leaver.personId);
    const keyId = (await leaver.directory()).currentKey(leaver.personId)?.keyId ?? '';
    await leaver.revokeOwnKey();
    expect(leaver.isUnlocked).toBe(false);
    expect(await leaver.session()).toBeNull();
    // The one sign-in refusal, whatever the reason (issue 12).
    await expectProblem(leaver.signIn(), 'passkeyRejected');
    const directory = await admin.directory();
    expect(directory.currentKey(leaver.personId)).toBeUndefined();
    expect(directory.keyRecord(keyId)).toMatchObject({ endedBy: 'revoke' });
    expect((await admin.people()).find((person) => person.id === leaver.personId)?.status).toBe('revoked');
  });

  it("refuses a party's last admin revoking their own key: the party would be left without anyone to act for it", async () => {
    const { admin: operator } = await enrolBootstrapAdmin(server, 'Duchy of Cornwall', 'Otto Operator');
    await expectProblem(operator.revokeOwnKey(), 'statementRejected');
    expect((await operator.session())?.person.status).toBe('active');
  });

  it('restores a person from exported state, signed out and locked, who signs in and unlocks', async () => {
    const state = JSON.parse(JSON.stringify(envoy.exportState())) as unknown;
    expect(JSON.stringify(state)).not.toContain('signSecretKey');
    const restored = await ParleyPerson.fromState(state);
    expect(restored.isUnlocked).toBe(false);
    expect(restored.recoveryKey).toBe(envoy.recoveryKey);
    // The exported authenticator carries on the original's passkeys: from here on, only `restored` uses them.
    expect((await restored.signIn()).person.id).toBe(envoy.personId);
    await restored.unlock();
    expect(keyIdsOf(restored)).toEqual(keyIdsOf(envoy));
  });
});
