import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { keyRoutes } from '../../shared/api/identity';
import { enrolMember } from '../helpers/sdk-entries';
import { enrolBootstrapAdmin, enrolInvitee } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';

// Issue 11, "smaller holes": whoever redeemed an invitation link (a leaked one included) could
// read the whole roster (names, parties, roles) before any admin had endorsed their keys.
describe('what a pending person can list', () => {
  let server: TestServer;
  let ada: ParleyPerson;
  let bea: ParleyPerson;
  let pending: ParleyPerson;
  let lyonesse: { id: string; name: string };

  const statementPeople = async (person: ParleyPerson, after = -1) =>
    (await person.api(keyRoutes.listStatements, { query: { after, limit: 1000 } })).statements.map(
      (record) => record.signed.statement.person,
    );

  beforeAll(async () => {
    server = await startTestServer();
    let avalon: string;
    ({ admin: ada, partyId: avalon } = await enrolBootstrapAdmin(server, 'Republic of Avalon', 'Ada Admin'));
    ({ admin: bea } = await enrolBootstrapAdmin(server, 'Duchy of Cornwall', 'Bea Admin'));
    await enrolMember(server, ada, { partyId: avalon, role: 'staff', name: 'Sam Staff' });
    lyonesse = await ada.createParty('Kingdom of Lyonesse');
    await ada.createParty('Empty Delegation');
    await enrolMember(server, ada, { partyId: lyonesse.id, role: 'envoy', name: 'Eve Envoy' });
    pending = await enrolInvitee(server, ada, { partyId: lyonesse.id, role: 'envoy', name: 'Pat Pending' });
  });
  afterAll(async () => {
    await server?.shutdown();
  });

  it('lists only themselves and the admin who invited them', async () => {
    expect((await pending.people()).map((person) => [person.name, person.status]).sort()).toEqual([
      ['Ada Admin', 'active'],
      ['Pat Pending', 'pending'],
    ]);
  });

  it('lists only their own party and their inviter’s', async () => {
    expect((await pending.parties()).map((party) => party.name).sort()).toEqual([
      'Kingdom of Lyonesse',
      'Republic of Avalon',
    ]);
  });

  it('gets only their inviter’s key statements (their own is not published yet), paged as asked', async () => {
    const all = await statementPeople(ada);
    expect(new Set(all).size).toBe(4);
    expect(await statementPeople(pending)).toEqual([ada.personId]);
    const [adaEnrolment] = (await pending.api(keyRoutes.listStatements)).statements;
    expect(await statementPeople(pending, adaEnrolment?.position)).toEqual([]);
  });

  it('sees everyone once endorsed, as every endorsed person does', async () => {
    await ada.endorse(pending.personId);
    await pending.session();
    const everyone = (await bea.people()).map((person) => person.id).sort();
    expect(everyone).toHaveLength(5);
    expect((await pending.people()).map((person) => person.id).sort()).toEqual(everyone);
    expect((await pending.parties()).map((party) => party.name)).toHaveLength(4);
    expect(await statementPeople(pending)).toEqual(await statementPeople(bea));
  });
});
