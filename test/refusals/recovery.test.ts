import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParleyHttp } from '../../client/sdk/parley-http';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { SoftwareAuthenticator } from '../../client/sdk/software-authenticator';
import { withoutPrfResults } from '../../client/sdk/webauthn-json';
import { recoveryRoutes } from '../../shared/api/recovery';
import { driversUnderTest } from '../helpers/databases';
import { databaseDigest } from '../helpers/db-digest';
import { generousCeremonyLimits } from '../helpers/log-capture';
import { enrolMember } from '../helpers/sdk-entries';
import { enrolBootstrapAdmin, expectProblem } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';

for (const driver of driversUnderTest()) {
  describe(`account recovery through an admin's link on ${driver.name}`, () => {
    let server: TestServer;
    let cleanup: (() => Promise<void>) | undefined;
    let adminA: ParleyPerson;
    let adminB: ParleyPerson;
    let envoy: ParleyPerson;

    const freshBrowser = () => new ParleyHttp({ baseUrl: server.url, origin: server.origin });
    const tokenOf = (link: string) => link.split('#')[1] ?? '';

    beforeAll(async () => {
      const created = await driver.create();
      cleanup = created.cleanup;
      server = await startTestServer({ ...created.options, limits: generousCeremonyLimits() });
      const a = await enrolBootstrapAdmin(server, 'Office of the Commissioner (A)', 'Ada Admin');
      const b = await enrolBootstrapAdmin(server, 'Unrelated Delegation (B)', 'Bea Admin');
      adminA = a.admin;
      adminB = b.admin;
      envoy = await enrolMember(server, adminA, { partyId: a.partyId, role: 'envoy', name: 'Eve Envoy' });
    });
    afterAll(async () => {
      await server?.shutdown();
      await cleanup?.();
    });

    it("refuses another party's admin and unknown people (404), changing nothing", async () => {
      const before = await databaseDigest(server.database);
      await expectProblem(
        adminB.api(recoveryRoutes.createRecovery, { params: { personId: envoy.personId } }),
        'notFound',
      );
      await expectProblem(
        adminA.api(recoveryRoutes.createRecovery, { params: { personId: '00000000-0000-4000-8000-000000000000' } }),
        'notFound',
      );
      expect(await databaseDigest(server.database)).toEqual(before);
    });

    it('refuses an unknown token (403), changing nothing', async () => {
      const before = await databaseDigest(server.database);
      await expectProblem(
        freshBrowser().api(recoveryRoutes.recoveryOptions, { body: { token: 'A'.repeat(43) } }),
        'invitationInvalid',
      );
      expect(await databaseDigest(server.database)).toEqual(before);
    });

    it('registers a new passkey for the same person, signs them in with their keys unchanged, and works once', async () => {
      const keyBefore = (await adminA.directory()).currentKey(envoy.personId)?.keyId;
      expect(keyBefore).toBeDefined();
      const { link } = await adminA.api(recoveryRoutes.createRecovery, { params: { personId: envoy.personId } });
      expect(link.startsWith(`${server.origin}/recover#`)).toBe(true);
      const token = tokenOf(link);
      const browser = freshBrowser();
      const offer = await browser.api(recoveryRoutes.recoveryOptions, { body: { token } });
      expect(offer.person).toEqual({ id: envoy.personId, name: 'Eve Envoy' });
      const device = new SoftwareAuthenticator({ origin: server.origin, hasPrf: true });
      const { response } = device.createCredential(offer.options as unknown as PublicKeyCredentialCreationOptionsJSON);
      const session = await browser.api(recoveryRoutes.recoveryVerify, {
        body: { token, response: withoutPrfResults(response) as never },
      });
      expect(session.person.id).toBe(envoy.personId);
      expect(session.person.status).toBe('active');
      // Identity and keys as they were: the directory names the same current key.
      expect((await adminA.directory()).currentKey(envoy.personId)?.keyId).toBe(keyBefore);

      const before = await databaseDigest(server.database, { sessions: ['last_seen_at'] });
      await expectProblem(browser.api(recoveryRoutes.recoveryOptions, { body: { token } }), 'invitationInvalid');
      expect(await databaseDigest(server.database, { sessions: ['last_seen_at'] })).toEqual(before);
    });
  });
}
