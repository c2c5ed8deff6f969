import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { keyRoutes, partyRoutes } from '../../shared/api/identity';
import { bootstrapAdminInvitation } from '../helpers/sdk-bootstrap';
import { enrolMember } from '../helpers/sdk-entries';
import { enrolInvitee, expectProblem, startParty } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';

// Issue 11, "smaller holes": whoever redeemed an invitation link (a leaked one included) could
// read the whole roster (names, parties, roles) before any admin had endorsed their keys.
describe('what a pending person can list', () => {
  let server: TestServer;
  let lance: ParleyPerson;
  let bea: ParleyPerson;
  let pending: ParleyPerson;

  /** The server's lists as the person gets them (raw: the SDK's own list also checks the log). */
  const peopleOf = async (person: ParleyPerson) => (await person.api(partyRoutes.listPeople)).people;
  const statementPeople = async (person: ParleyPerson) => {
    const { treeSize } = await person.checkLog();
    const page = await person.api(keyRoutes.listStatements, { query: { treeSize, after: -1, limit: 1000 } });
    return page.statements.map((record) => record.signed.statement.person);
  };

  beforeAll(async () => {
    server = await startTestServer();
    const avalon = await startParty(server, 'Republic of Avalon', 'Ada Admin');
    ({ admin: bea } = await startParty(server, 'Duchy of Cornwall', 'Bea Admin'));
    await enrolMember(server, avalon.admin, { partyId: avalon.partyId, role: 'staff', name: 'Sam Staff' });
    const lyonesse = await startParty(server, 'Kingdom of Lyonesse', 'Lance Admin');
    lance = lyonesse.admin;
    await bootstrapAdminInvitation(server, 'Empty Delegation', 'Nobody Yet');
    await enrolMember(server, lance, { partyId: lyonesse.partyId, role: 'envoy', name: 'Eve Envoy' });
    pending = await enrolInvitee(server, lance, { partyId: lyonesse.partyId, role: 'envoy', name: 'Pat Pending' });
  });
  afterAll(async () => {
    await server?.shutdown();
  });

  it('lists only themselves and the admin who invited them', async () => {
    expect((await peopleOf(pending)).map((person) => [person.name, person.status]).sort()).toEqual([
      ['Lance Admin', 'active'],
      ['Pat Pending', 'pending'],
    ]);
  });

  it('lists only their own party', async () => {
    expect((await pending.api(partyRoutes.listParties)).parties.map((party) => party.name)).toEqual([
      'Kingdom of Lyonesse',
    ]);
  });

  it('gets no key statements, which name everyone enrolled', async () => {
    await expectProblem(
      pending.api(keyRoutes.listStatements, { query: { treeSize: 1, after: -1, limit: 1000 } }),
      'forbidden',
    );
  });

  it('sees everyone once endorsed, as every endorsed person does', async () => {
    await lance.endorse(pending.personId);
    await pending.session();
    const everyone = (await bea.people()).map((person) => person.id).sort();
    expect(everyone).toHaveLength(6);
    expect((await pending.people()).map((person) => person.id).sort()).toEqual(everyone);
    expect((await pending.parties()).map((party) => party.name)).toHaveLength(4);
    expect(await statementPeople(pending)).toEqual(await statementPeople(bea));
  });
});
