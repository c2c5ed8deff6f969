import { ParleyPerson } from '../../client/sdk/parley-person';
import { unlockedKeyringOf } from '../../client/sdk/unlocked-keyring';
import type { BenchServer } from './server-child';

/** An admin and the staff who write in the benchmark, all of one party, enrolled through the SDK. */
export type Team = {
  readonly admin: ParleyPerson;
  readonly partyId: string;
  readonly writers: readonly ParleyPerson[];
};

/**
 * Enrols a team as people really join: the operator's invitation for the first admin, then
 * invitations, passkey enrolments and endorsements by that admin.
 */
export const enrolTeam = async (
  server: BenchServer,
  writers: number,
  party = 'Office of the Commissioner (bench)',
): Promise<Team> => {
  const { baseUrl, origin } = server.address;
  const { link, partyId } = await server.inviteAdmin(party, `Admin of ${party}`);
  const admin = await ParleyPerson.enrol(baseUrl, link, { origin });
  const invitations: string[] = [];
  for (let index = 0; index < writers; index += 1) {
    invitations.push(await admin.invite({ partyId, role: 'staff', name: `Bench Writer ${index + 1}` }));
  }
  // Enrolments are independent of each other; the admin's endorsements extend one chain, in turn.
  const staff = await Promise.all(invitations.map((invitation) => ParleyPerson.enrol(baseUrl, invitation, { origin })));
  for (const person of staff) {
    await admin.endorse(person.personId);
  }
  return { admin, partyId, writers: staff };
};

/** An enrolled person's unlocked keys (SDK internals, as the test helpers use them). */
export const keyringOf = (person: ParleyPerson) => {
  const keyring = unlockedKeyringOf(person);
  if (!keyring) {
    throw new Error(`${person.personId} is locked`);
  }
  return keyring;
};
