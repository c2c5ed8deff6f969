import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { invitations, parties, people } from '../../db/schema/index';
import type { PartyView, PersonView } from '../../shared/schemas/identity';
import type { Caller } from '../auth/caller';
import { listParties } from './parties';
import { listPeople } from './people';

/**
 * Whom a pending person may see: themselves and the admin whose invitation they redeemed. Until
 * that admin endorses their keys, someone who redeemed a leaked invitation link must not be able
 * to read the roster (who is enrolled, in which party, with which role).
 */
const pendingCircle = async (db: Db, personId: string): Promise<string[]> => {
  const [redeemed] = await db
    .select({ invitedBy: invitations.invitedBy })
    .from(invitations)
    .where(eq(invitations.usedBy, personId))
    .limit(1);
  return redeemed?.invitedBy ? [personId, redeemed.invitedBy] : [personId];
};

/** Everyone for an endorsed person; only the pending circle for a pending one. */
export const peopleVisibleTo = async (db: Db, caller: Caller): Promise<PersonView[]> =>
  caller.status === 'pending' ? listPeople(db, await pendingCircle(db, caller.personId)) : listPeople(db);

/** Every party for an endorsed person; for a pending one, only the parties of their circle. */
export const partiesVisibleTo = async (db: Db, caller: Caller): Promise<PartyView[]> => {
  if (caller.status !== 'pending') {
    return listParties(db);
  }
  return db
    .selectDistinct({ id: parties.id, name: parties.name })
    .from(parties)
    .innerJoin(people, eq(people.partyId, parties.id))
    .where(inArray(people.id, await pendingCircle(db, caller.personId)))
    .orderBy(asc(parties.name));
};
