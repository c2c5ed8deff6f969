import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseOptions } from '../../db/client';

export type DriverUnderTest = {
  readonly name: 'pglite' | 'postgres';
  /** A fresh, empty database for one suite, and how to throw it away. */
  create(): Promise<{ readonly options: DatabaseOptions; cleanup(): Promise<void> }>;
};

export const freshDataDir = (prefix = 'parley-test-'): string => mkdtempSync(join(tmpdir(), prefix));

const pglite: DriverUnderTest = {
  name: 'pglite',
  create: async () => {
    const dataDir = freshDataDir();
    return { options: { dataDir }, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) };
  },
};

/** A throwaway database on the PostgreSQL server that `DATABASE_URL` names. */
const postgres = (adminUrl: string): DriverUnderTest => ({
  name: 'postgres',
  create: async () => {
    const name = `parley_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const dataDir = freshDataDir();
    return {
      options: { databaseUrl: url.toString(), dataDir },
      cleanup: async () => {
        const client = new pg.Client({ connectionString: adminUrl });
        await client.connect();
        await client.query(`drop database if exists ${name} with (force)`);
        await client.end();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
});

/** PGlite always; PostgreSQL as well when `DATABASE_URL` is set. */
export const driversUnderTest = (): DriverUnderTest[] => {
  const url = process.env['DATABASE_URL'];
  return url ? [pglite, postgres(url)] : [pglite];
};
