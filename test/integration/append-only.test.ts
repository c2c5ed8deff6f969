import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { driversUnderTest } from '../helpers/databases';

/** Each append-only table with an UPDATE that would change one of its columns. */
const APPEND_ONLY: readonly [table: string, update: string][] = [
  ['entries', "update entries set type = 'letter'"],
  ['streams', "update streams set reference = 'changed'"],
  ['stream_memberships', "update stream_memberships set change = 'remove'"],
  ['attachments', 'update attachments set size = 2'],
  ['key_statements', "update key_statements set kind = 'revoke'"],
  ['log_leaves', 'update log_leaves set kind = 1'],
  ['log_nodes', "update log_nodes set hash = '\\x06'"],
  ['checkpoints', "update checkpoints set note = 'forged'"],
];

/** One plain row per append-only table, written straight through SQL (no application code). */
const seedRows = async (database: Database) => {
  const stream = randomUUID();
  const person = randomUUID();
  const statements = `
    insert into streams (id, kind, reference) values ('${stream}', 'case', 'REF-1');
    insert into stream_memberships (stream_id, seq, party_id, change) values ('${stream}', 1, '${randomUUID()}', 'add');
    insert into entries (hash, id, stream_id, seq, type, author_id, author_party, key_id, leaf_index, header, signature, ciphertext)
      values ('\\x01', '${randomUUID()}', '${stream}', 1, 'case_open', '${person}', '${randomUUID()}', 'k', 1, '{}', 's', '\\x00');
    insert into attachments (id, uploaded_by, size, chunk_count, digest) values ('${randomUUID()}', '${person}', 1, 1, '\\x02');
    insert into key_statements (position, hash, person_id, seq, kind, key_id, signed) values (0, '\\x03', '${person}', 1, 'enrol', 'k', '{}');
    insert into log_leaves (index, kind, record_hash, leaf_hash) values (0, 2, '\\x03', '\\x04');
    insert into log_nodes (level, index, hash) values (1, 0, '\\x05');
    insert into checkpoints (tree_size, root_hash, note) values (1, '\\x04', 'note');
  `;
  for (const statement of statements.split(';').filter((text) => text.trim() !== '')) {
    await database.db.execute(sql.raw(statement));
  }
};

for (const driver of driversUnderTest()) {
  describe(`append-only tables on ${driver.name}`, () => {
    let database: Database;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      const created = await driver.create();
      cleanup = created.cleanup;
      database = await openDatabase(created.options);
      await migrateDatabase(database);
      await seedRows(database);
    });
    afterAll(async () => {
      await database.close();
      await cleanup();
    });

    const count = async (table: string) =>
      Number(
        (
          (await database.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as {
            rows: { n: number }[];
          }
        ).rows[0]?.n,
      );

    it.each(APPEND_ONLY)('%s refuses UPDATE, DELETE and TRUNCATE, and keeps its rows', async (table, update) => {
      const before = await count(table);
      expect(before).toBeGreaterThan(0);
      for (const statement of [update, `delete from ${table}`, `truncate ${table} cascade`]) {
        const refusal = await database.db.execute(sql.raw(statement)).then(
          () => 'accepted',
          (error: Error) => `${error.message} ${(error.cause as Error | undefined)?.message ?? ''}`,
        );
        expect(refusal, statement).toMatch(/is refused: the table is append-only/);
      }
      expect(await count(table)).toBe(before);
    });
  });
}
