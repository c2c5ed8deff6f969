// `npx tsx bench/wal-on-read.ts`: shows that reads write WAL on PGlite, whose cluster has data
// checksums on: the first read of a page after a checkpoint sets hint bits and logs a full-page
// image. This is why `db/durable-node-fs.ts` fsyncs after read-only statements (bench/RESULTS.md,
// proofs). Uses a throwaway cluster in a temporary directory.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

const ROWS = 200_000;

const dir = mkdtempSync(join(tmpdir(), 'parley-wal-on-read-'));
const db = new PGlite(dir);
try {
  const setting = async (name: string) => (await db.query<Record<string, string>>(`show ${name}`)).rows[0]?.[name];
  const insertPosition = async () =>
    BigInt(
      (await db.query<{ bytes: string }>("select pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::text as bytes"))
        .rows[0]?.bytes ?? '0',
    );
  process.stdout.write(`data_checksums=${await setting('data_checksums')} wal_level=${await setting('wal_level')}\n`);
  await db.exec('create table t (id int primary key, v bytea)');
  await db.exec(`insert into t select g, sha256(g::text::bytea) from generate_series(1, ${ROWS}) g`);
  await db.exec('checkpoint');
  const measure = async (label: string, sql: string, params: unknown[] = []) => {
    const before = await insertPosition();
    await db.query(sql, params);
    process.stdout.write(`${label}: ${(await insertPosition()) - before} bytes of WAL\n`);
  };
  await measure('select of 3 rows', 'select v from t where id = any($1)', [[10_000, 70_000, 130_000]]);
  await measure('first count(*)', 'select count(*) from t');
  await measure('second count(*)', 'select count(*) from t');
} finally {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}
