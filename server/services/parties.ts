import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { parties } from '../../db/schema/index';
import type { PartyView } from '../../shared/schemas/identity';
import type { ServerContext } from '../context';
import { ProblemError } from '../problems';

export const listParties = async (db: Db): Promise<PartyView[]> =>
  db.select({ id: parties.id, name: parties.name }).from(parties).orderBy(asc(parties.name));

export const findPartyByName = async (db: Db | Tx, name: string) =>
  (await db.select().from(parties).where(eq(parties.name, name)).limit(1))[0];

/** Creates a party; a name already taken (whatever its letter case) is a conflict. */
export const createParty = async (context: ServerContext, name: string): Promise<PartyView> =>
  context.database.transaction(async (tx) => {
    const existing = await tx.select({ name: parties.name }).from(parties);
    if (existing.some((party) => party.name.toLocaleLowerCase() === name.toLocaleLowerCase())) {
      throw new ProblemError('conflict', `A party named "${name}" already exists`);
    }
    const party = { id: randomUUID(), name };
    await tx.insert(parties).values({ ...party, createdAt: context.now() });
    return party;
  });
