import { asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { parties } from '../../db/schema/index';
import type { PartyView } from '../../shared/schemas/identity';

export const listParties = async (db: Db): Promise<PartyView[]> =>
  db.select({ id: parties.id, name: parties.name }).from(parties).orderBy(asc(parties.name));

export const findPartyByName = async (db: Db | Tx, name: string) =>
  (await db.select().from(parties).where(eq(parties.name, name)).limit(1))[0];
