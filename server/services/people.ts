import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { keyStatements, parties, people } from '../../db/schema/index';
import type { PersonView } from '../../shared/schemas/identity';

type PersonRow = typeof people.$inferSelect;

const toView = (row: PersonRow, party: { id: string; name: string }, keyId: string | undefined): PersonView => ({
  id: row.id,
  name: row.displayName,
  role: row.role,
  party: { id: party.id, name: party.name },
  status: row.status,
  ...(keyId ? { keyId } : {}),
});

/** People with their party and current key, optionally only some of them. */
export const listPeople = async (db: Db | Tx, only?: readonly string[]): Promise<PersonView[]> => {
  // Each person's latest key statement: its key id is the current one, unless it revoked the key.
  const latest = db
    .select({ keyId: keyStatements.keyId, kind: keyStatements.kind })
    .from(keyStatements)
    .where(eq(keyStatements.personId, people.id))
    .orderBy(desc(keyStatements.seq))
    .limit(1)
    .as('latest');
  const rows = await db
    .select({ person: people, party: parties, keyId: latest.keyId, kind: latest.kind })
    .from(people)
    .innerJoin(parties, eq(parties.id, people.partyId))
    .leftJoinLateral(latest, sql`true`)
    .where(only ? inArray(people.id, [...only]) : undefined)
    .orderBy(asc(parties.name), asc(people.displayName));
  return rows.map((row) => toView(row.person, row.party, row.kind === 'revoke' ? undefined : (row.keyId ?? undefined)));
};

export const findPerson = async (db: Db | Tx, personId: string): Promise<PersonView | undefined> =>
  (await listPeople(db, [personId]))[0];

/** Locks a person's row for the rest of the transaction (revocation, endorsement). */
export const lockPerson = async (tx: Tx, personId: string): Promise<PersonRow | undefined> =>
  (
    await tx
      .select()
      .from(people)
      .where(and(eq(people.id, personId)))
      .for('update')
  )[0];
