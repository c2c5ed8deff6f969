import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParleyHttp } from '../../client/sdk/parley-http';
import { ParleyPerson } from '../../client/sdk/parley-person';
import { invitations } from '../../db/schema/index';
import { enrolmentRoutes, invitationRoutes } from '../../shared/api/identity';
import { driversUnderTest } from '../helpers/databases';
import { databaseDigest } from '../helpers/db-digest';
import { generousCeremonyLimits } from '../helpers/log-capture';
import { enrolMember } from '../helpers/sdk-entries';
import { enrolBootstrapAdmin, expectProblem } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';

// Issue 11, "smaller holes": a revoked admin's invitation links stayed redeemable, and the person
// they enrolled waited for an endorsement by a key that no longer counts.
for (const driver of driversUnderTest()) {
  describe(`a revoked admin's invitations on ${driver.name}`, () => {
    let server: TestServer;
    let cleanup: (() => Promise<void>) | undefined;
    let ada: ParleyPerson;
    let partyId: string;

    const tokenOf = (link: string) => link.slice(link.lastIndexOf('#') + 1);
    const stranger = () => new ParleyHttp({ baseUrl: server.url, origin: server.origin });
    const redeem = (link: string) =>
      stranger().api(enrolmentRoutes.enrolmentOptions, { body: { token: tokenOf(link) } });
    const statusOf = async (link: string) =>
      (await ada.api(invitationRoutes.listInvitations)).invitations.find(
        (invitation) => invitation.id === invitationIdOf(link),
      )?.status;
    const ids = new Map<string, string>();
    const invitationIdOf = (link: string) => ids.get(link);
    const inviteAs = async (admin: ParleyPerson, name: string) => {
      const { link, invitation } = await admin.api(invitationRoutes.createInvitation, {
        body: { partyId, role: 'envoy', name },
      });
      ids.set(link, invitation.id);
      return link;
    };
    /** Enrols through `link`, running `meanwhile` just before `verify`: the link was fine when the ceremony began. */
    const enrolThrough = (link: string, meanwhile: () => Promise<void>) =>
      ParleyPerson.enrol(server.url, link, {
        origin: server.origin,
        fetch: async (input, init) => {
          if (String(input).endsWith(enrolmentRoutes.enrolmentVerify.path)) {
            await meanwhile();
          }
          return fetch(input, init);
        },
      });
    // A refused enrolment leaves only its spent challenge behind.
    const SPENT_CHALLENGE = { challenges: ['used_at'] } as const;

    beforeAll(async () => {
      const created = await driver.create();
      cleanup = created.cleanup;
      server = await startTestServer({ ...created.options, limits: generousCeremonyLimits() });
      ({ admin: ada, partyId } = await enrolBootstrapAdmin(server, 'Office of the Commissioner (A)', 'Ada Admin'));
    });
    afterAll(async () => {
      await server?.shutdown();
      await cleanup?.();
    });

    it("withdraws an admin's open invitations when another admin revokes them, and refuses their links", async () => {
      const bea = await enrolMember(server, ada, { partyId, role: 'admin', name: 'Bea Admin' });
      const first = await inviteAs(bea, 'Eve Envoy');
      const second = await inviteAs(bea, 'Eli Envoy');
      expect(await statusOf(first)).toBe('open');

      await ada.revoke(bea.personId);
      expect([await statusOf(first), await statusOf(second)]).toEqual(['revoked', 'revoked']);
      const before = await databaseDigest(server.database);
      await expectProblem(redeem(first), 'invitationInvalid');
      expect(await databaseDigest(server.database)).toEqual(before);
    });

    it('withdraws them when the admin revokes their own key by statement, refusing an enrolment in flight', async () => {
      const cleo = await enrolMember(server, ada, { partyId, role: 'admin', name: 'Cleo Admin' });
      const link = await cleo.invite({ partyId, role: 'envoy', name: 'Otto Envoy' });
      let before: Record<string, string> = {};
      const enrolment = enrolThrough(link, async () => {
        await cleo.revokeOwnKey();
        before = await databaseDigest(server.database, SPENT_CHALLENGE);
      });
      await expectProblem(enrolment, 'invitationInvalid');
      expect(await databaseDigest(server.database, SPENT_CHALLENGE)).toEqual(before);
      const [row] = await server.database.db.select().from(invitations).where(eq(invitations.invitedBy, cleo.personId));
      expect(row?.revokedAt).toBeInstanceOf(Date);
      expect(row?.usedAt).toBeNull();
    });

    it('refuses a link of a revoked admin that was never withdrawn (revoked before this check): options and verify', async () => {
      const dora = await enrolMember(server, ada, { partyId, role: 'admin', name: 'Dora Admin' });
      const link = await inviteAs(dora, 'Ivo Envoy');
      const reopen = () =>
        server.database.db.update(invitations).set({ revokedAt: null }).where(eq(invitations.invitedBy, dora.personId));
      let before: Record<string, string> = {};
      const enrolment = enrolThrough(link, async () => {
        await ada.revoke(dora.personId);
        await reopen();
        before = await databaseDigest(server.database, SPENT_CHALLENGE);
      });
      await expectProblem(enrolment, 'invitationInvalid');
      expect(await databaseDigest(server.database, SPENT_CHALLENGE)).toEqual(before);

      expect(await statusOf(link)).toBe('open');
      const untouched = await databaseDigest(server.database);
      const problem = await expectProblem(redeem(link), 'invitationInvalid');
      expect(problem.problem.detail).toMatch(/can no longer vouch/);
      expect(await databaseDigest(server.database)).toEqual(untouched);
    });

    it('still honours the links of an admin who is active (the control)', async () => {
      const link = await inviteAs(ada, 'Una Envoy');
      expect((await redeem(link)).invitation.invitedBy?.id).toBe(ada.personId);
    });
  });
}
