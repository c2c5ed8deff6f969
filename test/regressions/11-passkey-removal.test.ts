import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParleyPerson } from '../../client/sdk/parley-person';
import { SoftwareAuthenticator } from '../../client/sdk/software-authenticator';
import { unlockedKeyringOf } from '../../client/sdk/unlocked-keyring';
import { credentials, keyVaults, sessions } from '../../db/schema/index';
import { passkeyRoutes, vaultRoutes } from '../../shared/api/identity';
import type { StatementSigner } from '../../shared/crypto/key-statement';
import { PASSKEY_REMOVAL_TAG, passkeyRemovalMessage } from '../../shared/crypto/passkey-removal';
import { signTagged } from '../../shared/crypto/sign';
import { toBase64url } from '../../shared/encoding/bytes';
import { driversUnderTest } from '../helpers/databases';
import { databaseDigest } from '../helpers/db-digest';
import { generousCeremonyLimits } from '../helpers/log-capture';
import { enrolMember } from '../helpers/sdk-entries';
import { addressOf, enrolBootstrapAdmin, expectProblem } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';

// The idle timeout: a refused request of a signed-in caller still counts as their activity.
const SESSION_ACTIVITY = { sessions: ['last_seen_at'] } as const;

type Removal = { challenge: string; keyId: string; signature: string };

// Issue 11, "smaller holes": a passkey could not be removed, so a lost or stolen device kept
// signing in and its PRF vault copy stayed on the server for good.
for (const driver of driversUnderTest()) {
  describe(`removing a passkey on ${driver.name}`, () => {
    let server: TestServer;
    let cleanup: (() => Promise<void>) | undefined;
    let ada: ParleyPerson;
    let eve: ParleyPerson;
    let laptop: SoftwareAuthenticator;
    let tablet: SoftwareAuthenticator;
    let honestRemoval: Removal;

    const idOf = (authenticator: SoftwareAuthenticator) => authenticator.credentialIds()[0] ?? '';
    const signerOf = (person: ParleyPerson): StatementSigner => {
      const signer = unlockedKeyringOf(person)?.signer(person.personId);
      if (!signer) {
        throw new Error(`${person.personId} is locked`);
      }
      return signer;
    };
    const challengeFor = async (person: ParleyPerson) =>
      (await person.api(passkeyRoutes.passkeyRemovalChallenge)).challenge;
    const sign = (signer: StatementSigner, person: string, credentialId: string, challenge: string): Removal => ({
      challenge,
      keyId: signer.keyId,
      signature: toBase64url(
        signTagged(PASSKEY_REMOVAL_TAG, passkeyRemovalMessage(person, credentialId, challenge), signer.signSecretKey),
      ),
    });
    const send = (person: ParleyPerson, credentialId: string, body: Removal) =>
      person.api(passkeyRoutes.removePasskey, { params: { credentialId }, body });
    const digest = () => databaseDigest(server.database, SESSION_ACTIVITY);
    /** Sends a removal that must be refused with `code`, and checks that nothing at all changed. */
    const expectRefused = async (
      person: ParleyPerson,
      credentialId: string,
      body: Removal,
      code: 'forbidden' | 'notFound' | 'conflict',
      detail: RegExp,
    ) => {
      const before = await digest();
      const refused = await expectProblem(send(person, credentialId, body), code);
      expect(refused.problem.detail).toMatch(detail);
      expect(await digest()).toEqual(before);
    };

    beforeAll(async () => {
      const created = await driver.create();
      cleanup = created.cleanup;
      server = await startTestServer({ ...created.options, limits: generousCeremonyLimits() });
      let partyId: string;
      ({ admin: ada, partyId } = await enrolBootstrapAdmin(server, 'Office of the Commissioner (A)', 'Ada Admin'));
      eve = await enrolMember(server, ada, { partyId, role: 'envoy', name: 'Eve Envoy' });
      laptop = new SoftwareAuthenticator({ origin: server.origin });
      tablet = new SoftwareAuthenticator({ origin: server.origin });
      await eve.addPasskey(laptop);
      await eve.addPasskey(tablet);
    });
    afterAll(async () => {
      await server?.shutdown();
      await cleanup?.();
    });

    it('ends the sessions it signed in and deletes its PRF copy; the other passkey still signs in and unlocks', async () => {
      const onLaptop = await ParleyPerson.onAuthenticator(addressOf(server), laptop);
      await onLaptop.signIn();
      const secondLaptopTab = await ParleyPerson.onAuthenticator(addressOf(server), laptop);
      await secondLaptopTab.signIn();
      await onLaptop.unlock();
      expect((await eve.api(vaultRoutes.getVaults)).vaults.map((copy) => copy.vault.credentialId)).toContain(
        idOf(laptop),
      );

      expect(await eve.removePasskey(idOf(laptop))).toBe(2);

      await expectProblem(onLaptop.api(passkeyRoutes.listPasskeys), 'unauthenticated');
      await expectProblem(secondLaptopTab.api(vaultRoutes.getVaults), 'unauthenticated');
      await expectProblem(onLaptop.signIn(), 'passkeyRejected');
      const { db } = server.database;
      expect(
        await db
          .select()
          .from(keyVaults)
          .where(eq(keyVaults.credentialId, idOf(laptop))),
      ).toEqual([]);
      expect(
        await db
          .select()
          .from(credentials)
          .where(eq(credentials.id, idOf(laptop))),
      ).toEqual([]);
      const laptopSessions = await db
        .select()
        .from(sessions)
        .where(eq(sessions.credentialId, idOf(laptop)));
      expect(laptopSessions.map((session) => session.endedAt)).toEqual([expect.any(Date), expect.any(Date)]);
      expect((await eve.api(passkeyRoutes.listPasskeys)).passkeys.map((passkey) => passkey.id)).not.toContain(
        idOf(laptop),
      );

      expect((await eve.session())?.person.id).toBe(eve.personId);
      const onTablet = await ParleyPerson.onAuthenticator(addressOf(server), tablet);
      await onTablet.signIn();
      await onTablet.unlock();
      expect(onTablet.isUnlocked).toBe(true);
    });

    it('refuses an unsigned, a forged and a misdirected removal, changing nothing, not even the challenge', async () => {
      const challenge = await challengeFor(eve);
      const unsigned = { challenge, keyId: signerOf(eve).keyId, signature: toBase64url(new Uint8Array(64)) };
      await expectRefused(eve, idOf(tablet), unsigned, 'forbidden', /signed by your current key/);
      const byAda = sign(signerOf(ada), eve.personId, idOf(tablet), challenge);
      await expectRefused(eve, idOf(tablet), byAda, 'forbidden', /signed by your current key/);
      const forAnotherPasskey = sign(signerOf(eve), eve.personId, idOf(eve.authenticator), challenge);
      await expectRefused(eve, idOf(tablet), forAnotherPasskey, 'forbidden', /signed by your current key/);

      honestRemoval = sign(signerOf(eve), eve.personId, idOf(tablet), challenge);
      expect(await send(eve, idOf(tablet), honestRemoval)).toEqual({ endedSessions: 1 });
    });

    it('refuses the same removal replayed: its challenge is spent', async () => {
      await expectRefused(eve, idOf(tablet), honestRemoval, 'forbidden', /removal challenge/);
    });

    it('refuses a challenge issued to someone else, and a passkey that is not theirs', async () => {
      const adasChallenge = await challengeFor(ada);
      await expectRefused(
        eve,
        idOf(eve.authenticator),
        sign(signerOf(eve), eve.personId, idOf(eve.authenticator), adasChallenge),
        'forbidden',
        /removal challenge/,
      );
      const challenge = await challengeFor(eve);
      await expectRefused(
        eve,
        idOf(ada.authenticator),
        sign(signerOf(eve), eve.personId, idOf(ada.authenticator), challenge),
        'notFound',
        /no passkey with this id/,
      );
    });

    it('lets a session remove the passkey it signed in with, which signs it out and locks it', async () => {
      const spare = new SoftwareAuthenticator({ origin: server.origin });
      await eve.addPasskey(spare);
      const onSpare = await ParleyPerson.onAuthenticator(addressOf(server), spare);
      await onSpare.signIn();
      await onSpare.unlock();
      expect(await onSpare.removePasskey(idOf(spare))).toBe(1);
      expect(onSpare.isUnlocked).toBe(false);
      expect(await onSpare.session()).toBeNull();
    });

    it('refuses to remove the last passkey', async () => {
      expect((await eve.api(passkeyRoutes.listPasskeys)).passkeys.map((passkey) => passkey.id)).toEqual([
        idOf(eve.authenticator),
      ]);
      const challenge = await challengeFor(eve);
      const last = sign(signerOf(eve), eve.personId, idOf(eve.authenticator), challenge);
      await expectRefused(eve, idOf(eve.authenticator), last, 'conflict', /last passkey/);
      expect((await eve.session())?.person.id).toBe(eve.personId);
    });
  });
}
