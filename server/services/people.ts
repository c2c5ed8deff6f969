import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { keyStatements, parties, people } from '../../db/schema/index';
import type { PersonView } from '../../shared/schemas/identity';

type PersonRow = typeof people.$inferSelect;

/** The current key id of each person: from their latest statement, unless that revoked it. */
const currentKeyIds = async (db: Db | Tx, personIds: readonly string[]): Promise<Map<string, string>> => {
  if (personIds.length === 0) {
    return new Map();
  }
  const rows = await db
    .selectDistinctOn([keyStatements.personId], {
      personId: keyStatements.personId,
      keyId: keyStatements.keyId,
      kind: keyStatements.kind,
    })
    .from(keyStatements)
    .where(inArray(keyStatements.personId, [...personIds]))
    .orderBy(keyStatements.personId, sql`${keyStatements.seq} desc`);
  return new Map(rows.filter((row) => row.kind !== 'revoke').map((row) => [row.personId, row.keyId]));
};

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
  const rows = await db
    .select({ person: people, party: parties })
    .from(people)
    .innerJoin(parties, eq(parties.id, people.partyId))
    .where(only ? inArray(people.id, [...only]) : undefined)
    .orderBy(asc(parties.name), asc(people.displayName));
  const keys = await currentKeyIds(
    db,
    rows.map((row) => row.person.id),
  );
  return rows.map((row) => toView(row.person, row.party, keys.get(row.person.id)));
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
