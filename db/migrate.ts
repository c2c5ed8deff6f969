import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { type Database, selectRows } from './client';

// From db/ and from the compiled server in dist-server/ alike.
const MIGRATIONS_FOLDER = fileURLToPath(new URL('../db/migrations', import.meta.url));
// Serialises migrations when several servers start against one PostgreSQL.
const MIGRATION_LOCK_KEY = 0x7061726c; // 'parl'

/** Applies the committed drizzle migrations; the same folder serves PGlite and PostgreSQL. */
export const migrateDatabase = async (database: Database): Promise<void> => {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  if (database.driver === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, config);
    return;
  }
  await database.exclusive(async (db) => {
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      await migratePg(db as unknown as NodePgDatabase, config);
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  });
};

/** How many migrations this database has applied: the schema version `/api/health` reports. */
export const readSchemaVersion = async (database: Database): Promise<number> => {
  const [row] = await selectRows<{ count: number }>(
    database.db,
    sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
  );
  return Number(row?.count ?? 0);
};
