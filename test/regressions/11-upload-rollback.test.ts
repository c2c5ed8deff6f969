import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParleyPerson } from '../../client/sdk/parley-person';
import { unlockedKeyringOf } from '../../client/sdk/unlocked-keyring';
import { contactVerifications, keyVaults } from '../../db/schema/index';
import { vaultRoutes } from '../../shared/api/identity';
import { signTagged } from '../../shared/crypto/sign';
import {
  nextUploadPosition,
  signVaultUpload,
  signVerificationsUpload,
  vaultUploadState,
  verificationsUploadState,
} from '../../shared/crypto/signed-upload';
import { UploadRefusedError } from '../../shared/crypto/upload-rollback';
import {
  FIRST_UPLOAD,
  LEGACY_VERIFICATIONS_UPLOAD_TAG,
  legacyVerificationsUploadMessage,
} from '../../shared/crypto/upload-signature';
import { toBase64url } from '../../shared/encoding/bytes';
import type { StoredVaultCopy, VaultUpload } from '../../shared/schemas/identity';
import { driversUnderTest } from '../helpers/databases';
import { databaseDigest } from '../helpers/db-digest';
import { generousCeremonyLimits } from '../helpers/log-capture';
import { addressOf, enrolBootstrapAdmin, expectProblem } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';

// The idle timeout: a refused request of a signed-in caller still counts as their activity.
const SESSION_ACTIVITY = { sessions: ['last_seen_at'] } as const;

const signed = (copy: StoredVaultCopy | undefined): VaultUpload => {
  if (!copy || !('signature' in copy)) {
    throw new Error('expected a signed vault copy');
  }
  return copy;
};

// Issue 11, "smaller holes": signed uploads carried no version, so a stolen session (or the
// server itself) could put back any copy its owner had once signed, and no client would notice.
for (const driver of driversUnderTest()) {
  describe(`signed uploads cannot be rolled back, on ${driver.name}`, () => {
    let server: TestServer;
    let cleanup: (() => Promise<void>) | undefined;
    let ada: ParleyPerson;
    /** A second session of Ada's, signed in but never unlocked: what a stolen cookie gives. */
    let thief: ParleyPerson;

    const signer = (person = ada) => {
      const keyring = unlockedKeyringOf(person);
      if (!keyring) {
        throw new Error(`${person.personId} is locked`);
      }
      return keyring.signer(person.personId);
    };
    const recoveryCopy = async (person: ParleyPerson) =>
      signed((await person.api(vaultRoutes.getVaults)).vaults.find(({ vault }) => vault.kind === 'recovery'));
    const digest = () => databaseDigest(server.database, SESSION_ACTIVITY);

    beforeAll(async () => {
      const created = await driver.create();
      cleanup = created.cleanup;
      server = await startTestServer({ ...created.options, limits: generousCeremonyLimits() });
      ({ admin: ada } = await enrolBootstrapAdmin(server, 'Office of the Commissioner (A)', 'Ada Admin'));
      thief = await ParleyPerson.onAuthenticator(addressOf(server), ada.authenticator);
      await thief.signIn();
    });
    afterAll(async () => {
      await server?.shutdown();
      await cleanup?.();
    });

    it('stores each vault copy signed at a version naming the previous one, from enrolment on', async () => {
      const copies = (await ada.api(vaultRoutes.getVaults)).vaults;
      expect(copies.map((copy) => [copy.vault.kind, copy.version])).toEqual(
        expect.arrayContaining([
          ['recovery', 1],
          ['prf', 1],
        ]),
      );
      const first = await recoveryCopy(ada);
      expect(first).toMatchObject({ previousHash: '', keyId: signer().keyId });
      const second = signVaultUpload(
        ada.personId,
        first.vault,
        nextUploadPosition(vaultUploadState(ada.personId, first)),
        signer(),
      );
      await ada.api(vaultRoutes.putVault, { body: second });
      expect(await recoveryCopy(ada)).toEqual(second);
    });

    it('refuses an older signed vault upload replayed by a stolen session, changing nothing', async () => {
      const older = await recoveryCopy(ada);
      const latest = signVaultUpload(
        ada.personId,
        older.vault,
        nextUploadPosition(vaultUploadState(ada.personId, older)),
        signer(),
      );
      await ada.api(vaultRoutes.putVault, { body: latest });
      const before = await digest();
      for (const replay of [older, { ...latest, version: 1, previousHash: '' }]) {
        const refused = await expectProblem(
          thief.api(vaultRoutes.putVault, { body: replay }),
          replay === older ? 'conflict' : 'forbidden',
        );
        expect(refused.problem.detail).toMatch(
          replay === older ? /older upload cannot be stored again/ : /signed by your current key/,
        );
        expect(await digest()).toEqual(before);
      }
      expect(await recoveryCopy(ada)).toEqual(latest);
    });

    it('refuses an upload at the next version that does not name the stored one (signed before it, or for another history)', async () => {
      const stored = await recoveryCopy(ada);
      const forked = signVaultUpload(
        ada.personId,
        stored.vault,
        { version: stored.version + 1, previousHash: stored.previousHash },
        signer(),
      );
      const before = await digest();
      const refused = await expectProblem(thief.api(vaultRoutes.putVault, { body: forked }), 'conflict');
      expect(refused.problem.detail).toMatch(/does not name the stored version/);
      expect(await digest()).toEqual(before);
    });

    it('refuses an older signed list of verified contacts replayed by a stolen session, changing nothing', async () => {
      const first = signVerificationsUpload(ada.personId, 'c2VhbGVkIGxpc3QgMQ', FIRST_UPLOAD, signer());
      await ada.api(vaultRoutes.putVerifications, { body: first });
      const second = signVerificationsUpload(
        ada.personId,
        'c2VhbGVkIGxpc3QgMg',
        nextUploadPosition(verificationsUploadState(ada.personId, first)),
        signer(),
      );
      await ada.api(vaultRoutes.putVerifications, { body: second });
      expect((await ada.api(vaultRoutes.getVerifications)).verifications).toEqual(second);

      const before = await digest();
      await expectProblem(thief.api(vaultRoutes.putVerifications, { body: first }), 'conflict');
      await expectProblem(thief.api(vaultRoutes.putVerifications, { body: second }), 'conflict');
      expect(await digest()).toEqual(before);
      expect((await thief.api(vaultRoutes.getVerifications)).verifications).toEqual(second);
    });

    it('the SDK refuses an older vault copy the server serves after it saw a newer one, also after export and restore', async () => {
      const { admin: cleo } = await enrolBootstrapAdmin(server, 'Third Delegation (C)', 'Cleo Admin');
      const slot = and(eq(keyVaults.personId, cleo.personId), eq(keyVaults.kind, 'recovery'));
      const older = await recoveryCopy(cleo);
      const [oldRow] = await server.database.db.select().from(keyVaults).where(slot);
      const newer = signVaultUpload(
        cleo.personId,
        older.vault,
        nextUploadPosition(vaultUploadState(cleo.personId, older)),
        signer(cleo),
      );
      await cleo.api(vaultRoutes.putVault, { body: newer });
      await cleo.unlockWithRecoveryKey(cleo.recoveryKey ?? '');
      const state = JSON.parse(JSON.stringify(cleo.exportState())) as ReturnType<ParleyPerson['exportState']>;
      expect(state.uploads?.['vault:recovery']).toEqual(vaultUploadState(cleo.personId, newer));

      // The operator puts the older row back (a restored backup, or a server showing each client what it likes).
      await server.database.db
        .update(keyVaults)
        .set({ ...oldRow })
        .where(slot);
      cleo.lock();
      const refused = await cleo.unlockWithRecoveryKey(cleo.recoveryKey ?? '').then(
        () => null,
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(UploadRefusedError);
      expect(refused).toMatchObject({ reason: 'older', slot: 'vault:recovery' });
      expect(cleo.isUnlocked).toBe(false);
      // The memory travels with the exported state: a CLI restored from it refuses the same copy.
      await cleo.signOut();
      const restored = await ParleyPerson.fromState(state);
      await restored.signIn();
      await expect(restored.unlockWithRecoveryKey(cleo.recoveryKey ?? '')).rejects.toMatchObject({ reason: 'older' });
      expect(restored.isUnlocked).toBe(false);
    });

    it('the SDK refuses a vault copy whose signature does not verify (a version the server relabelled)', async () => {
      const where = and(eq(keyVaults.personId, ada.personId), eq(keyVaults.kind, 'prf'));
      await server.database.db
        .update(keyVaults)
        .set({ version: sql`${keyVaults.version} + 5` })
        .where(where);
      const fresh = await ParleyPerson.onAuthenticator(addressOf(server), ada.authenticator);
      await fresh.signIn();
      await expect(fresh.unlock()).rejects.toMatchObject({ name: 'UploadRefusedError', reason: 'unsigned' });
      expect(fresh.isUnlocked).toBe(false);
      await server.database.db
        .update(keyVaults)
        .set({ version: sql`${keyVaults.version} - 5` })
        .where(where);
      await fresh.unlock();
      expect(fresh.isUnlocked).toBe(true);
    });

    it('keeps copies and lists stored before versions working: read as version 0, followed by version 1', async () => {
      const { admin: bea } = await enrolBootstrapAdmin(server, 'Unrelated Delegation (B)', 'Bea Admin');
      // What migration 0005 leaves on rows stored before it: version 0, no key id, no signature.
      await server.database.db
        .update(keyVaults)
        .set({ version: 0, previousHash: '', keyId: null, signature: null })
        .where(eq(keyVaults.personId, bea.personId));
      const legacy = await ParleyPerson.onAuthenticator(addressOf(server), bea.authenticator);
      await legacy.signIn();
      const copies = (await legacy.api(vaultRoutes.getVaults)).vaults;
      expect(copies.every((copy) => copy.version === 0 && !('signature' in copy))).toBe(true);
      await legacy.unlock();
      const keyring = unlockedKeyringOf(legacy);
      const recovery = copies.find(({ vault }) => vault.kind === 'recovery');
      if (!keyring || !recovery) {
        throw new Error('expected an unlocked person with a recovery copy');
      }
      const first = signVaultUpload(
        bea.personId,
        recovery.vault,
        nextUploadPosition(vaultUploadState(bea.personId, recovery)),
        keyring.signer(bea.personId),
      );
      expect(first).toMatchObject({ version: 1, previousHash: '' });
      await legacy.api(vaultRoutes.putVault, { body: first });
      // Once version 1 was seen, the unsigned copy from before is refused as older.
      await legacy.unlockWithRecoveryKey(bea.recoveryKey ?? '');
      await server.database.db
        .update(keyVaults)
        .set({ version: 0, previousHash: '', keyId: null, signature: null })
        .where(and(eq(keyVaults.personId, bea.personId), eq(keyVaults.kind, 'recovery')));
      await expect(legacy.unlockWithRecoveryKey(bea.recoveryKey ?? '')).rejects.toMatchObject({ reason: 'older' });

      // A list stored before versions: signed under the v1 tag over person and blob, read as version 0.
      const beaSigner = signer(legacy);
      const blob = 'bGlzdCBmcm9tIGJlZm9yZQ';
      const { keyId } = beaSigner;
      const signature = toBase64url(
        signTagged(
          LEGACY_VERIFICATIONS_UPLOAD_TAG,
          legacyVerificationsUploadMessage(bea.personId, blob),
          beaSigner.signSecretKey,
        ),
      );
      await server.database.db
        .insert(contactVerifications)
        .values({ personId: bea.personId, blob: Buffer.from(JSON.stringify({ blob, keyId, signature })) });
      const stored = (await legacy.api(vaultRoutes.getVerifications)).verifications;
      expect(stored).toEqual({ blob, version: 0, keyId, signature });
      if (!stored) {
        throw new Error('expected the legacy list');
      }
      const next = signVerificationsUpload(
        bea.personId,
        'bmV4dA',
        nextUploadPosition(verificationsUploadState(bea.personId, stored)),
        beaSigner,
      );
      expect(next).toMatchObject({ version: 1, previousHash: '' });
      await legacy.api(vaultRoutes.putVerifications, { body: next });
      expect((await legacy.api(vaultRoutes.getVerifications)).verifications).toEqual(next);

      // The database itself refuses a signed version without its signature.
      await expect(
        server.database.db
          .update(keyVaults)
          .set({ version: 3, keyId: null, signature: null })
          .where(eq(keyVaults.personId, bea.personId)),
      ).rejects.toThrow();
    });
  });
}
