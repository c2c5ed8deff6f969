import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, selectRows } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import type { ServerContext } from '../../server/context';
import { listVaults } from '../../server/services/vaults';
import { getVerifications } from '../../server/services/verifications';
import { driversUnderTest } from '../helpers/databases';

const MIGRATIONS = fileURLToPath(new URL('../../db/migrations/', import.meta.url));
const BEFORE = '0005_upload_versions';

/** A copy of the migrations folder holding only those before `tag`: a deployment made before it. */
const migrationsBefore = (tag: string): string => {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string; idx: number }[];
  };
  const kept = journal.entries.slice(
    0,
    journal.entries.findIndex((entry) => entry.tag === tag),
  );
  const target = mkdtempSync(join(tmpdir(), 'parley-migrations-'));
  mkdirSync(join(target, 'meta'));
  for (const entry of kept) {
    copyFileSync(join(MIGRATIONS, `${entry.tag}.sql`), join(target, `${entry.tag}.sql`));
  }
  writeFileSync(join(target, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: kept }));
  return target;
};

const migrateWith = async (database: Database, migrationsFolder: string) =>
  database.driver === 'pglite'
    ? migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder })
    : migratePg(database.db as unknown as NodePgDatabase, { migrationsFolder });

// Issue 11: versioned uploads must not strand what a deployment stored before them.
for (const driver of driversUnderTest()) {
  describe(`migration ${BEFORE} on ${driver.name}`, () => {
    let database: Database;
    let cleanup: () => Promise<void>;
    let oldFolder: string;
    const personId = randomUUID();

    beforeAll(async () => {
      const created = await driver.create();
      cleanup = created.cleanup;
      database = await openDatabase(created.options);
      oldFolder = migrationsBefore(BEFORE);
      await migrateWith(database, oldFolder);
      const partyId = randomUUID();
      // Rows as the code before this migration wrote them.
      await database.db.execute(sql`insert into parties (id, name) values (${partyId}, 'Old Delegation')`);
      await database.db.execute(sql`insert into people (id, party_id, role, display_name, status, user_handle)
        values (${personId}, ${partyId}, 'envoy', 'Olga Old', 'active', ${Buffer.from('handle')})`);
      await database.db.execute(sql`insert into key_vaults (person_id, kind, credential_id, blob)
        values (${personId}, 'recovery', '', ${Buffer.from([1, 2, 3, 4])})`);
      const sent = JSON.stringify({ blob: 'QUJD', keyId: 'A'.repeat(22), signature: 'B'.repeat(86) });
      await database.db.execute(sql`insert into contact_verifications (person_id, blob)
        values (${personId}, ${Buffer.from(sent)})`);
      await migrateDatabase(database);
    }, 120_000);
    afterAll(async () => {
      await database?.close();
      await cleanup?.();
      rmSync(oldFolder, { recursive: true, force: true });
    });

    it('reads a vault copy stored before versions as version 0, unsigned', async () => {
      const context = { database } as ServerContext;
      expect(await listVaults(context, personId)).toEqual([
        { vault: { kind: 'recovery', credentialId: '', blob: 'AQIDBA' }, version: 0 },
      ]);
      const [row] = await selectRows<{ version: number; previous_hash: string; key_id: string | null }>(
        database.db,
        sql`select version, previous_hash, key_id from key_vaults where person_id = ${personId}`,
      );
      expect(row).toEqual({ version: 0, previous_hash: '', key_id: null });
    });

    it('reads a list of verified contacts stored before versions as version 0, with its v1 signature', async () => {
      const context = { database } as ServerContext;
      expect(await getVerifications(context, personId)).toEqual({
        blob: 'QUJD',
        version: 0,
        keyId: 'A'.repeat(22),
        signature: 'B'.repeat(86),
      });
    });
  });
}
