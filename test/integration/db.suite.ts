import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseOptions } from '../../db/client';
import { type Database, openDatabase } from '../../db/client';
import { migrateDatabase, readSchemaVersion } from '../../db/migrate';
import { parties } from '../../db/schema/index';
import type { DriverUnderTest } from '../helpers/databases';

const journal = JSON.parse(
  readFileSync(new URL('../../db/migrations/meta/_journal.json', import.meta.url), 'utf8'),
) as {
  entries: unknown[];
};

const openMigrated = async (options: DatabaseOptions): Promise<Database> => {
  const database = await openDatabase(options);
  await migrateDatabase(database);
  return database;
};

/** What every driver must do the same: migrate, write, read, and keep what it acknowledged. */
export const databaseSuite = (driver: DriverUnderTest) =>
  describe(`database on ${driver.name}`, () => {
    let options: DatabaseOptions;
    let cleanup: () => Promise<void>;

    beforeAll(async () => {
      ({ options, cleanup } = await driver.create());
    });
    afterAll(async () => cleanup());

    it('applies every committed migration, and applying them again changes nothing', async () => {
      const database = await openMigrated(options);
      expect(database.driver).toBe(driver.name);
      expect(await readSchemaVersion(database)).toBe(journal.entries.length);
      await migrateDatabase(database);
      expect(await readSchemaVersion(database)).toBe(journal.entries.length);
      await database.close();
    });

    it('reads after a restart what it wrote before', async () => {
      const id = randomUUID();
      const first = await openMigrated(options);
      await first.transaction((tx) => tx.insert(parties).values({ id, name: `Restart ${id}` }));
      await first.close();
      const second = await openMigrated(options);
      const rows = await second.db.select().from(parties).where(eq(parties.id, id));
      expect(rows.map((row) => row.name)).toEqual([`Restart ${id}`]);
      await second.close();
    });

    it('rolls a failed transaction back completely', async () => {
      const database = await openMigrated(options);
      const id = randomUUID();
      await expect(
        database.transaction(async (tx) => {
          await tx.insert(parties).values({ id, name: `Rollback ${id}` });
          await tx.insert(parties).values({ id, name: 'duplicate primary key' });
        }),
      ).rejects.toThrow();
      expect(await database.db.select().from(parties).where(eq(parties.id, id))).toEqual([]);
      await database.close();
    });

    it.runIf(driver.name === 'pglite')('keeps an acknowledged write when the process is killed', async () => {
      const id = randomUUID();
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', new URL('../helpers/write-then-hang.ts', import.meta.url).pathname, options.dataDir, id],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes(`ACK ${id}`)) {
            resolve();
          }
        });
        child.once('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
      });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      const database = await openMigrated(options);
      const rows = await database.db.select().from(parties).where(eq(parties.id, id));
      expect(rows).toHaveLength(1);
      await database.close();
    });
  });
