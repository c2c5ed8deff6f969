import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DurableNodeFS } from './durable-node-fs';

describe('the embedded database syncs its write-ahead log', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-durable-fs-'));
  const fs = new DurableNodeFS(join(dir, 'pglite'));
  let client: PGlite;

  beforeAll(async () => {
    client = await PGlite.create({ fs });
    await client.exec('create table notes (id serial primary key, body text)');
  }, 60_000);

  afterAll(async () => {
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('after a statement that wrote to the log', async () => {
    const before = fs.walSyncs;
    await client.query('insert into notes (body) values ($1)', ['written']);
    expect(fs.walSyncs).toBe(before + 1);
  });

  it('after every commit, and not after reads that wrote nothing to the log', async () => {
    await client.query('select count(*) from notes');
    const before = fs.walSyncs;
    await client.query('select count(*) from notes');
    await client.query('select body from notes where id = $1', [1]);
    expect(fs.walSyncs).toBe(before);
    await client.transaction(async (tx) => {
      await tx.query('insert into notes (body) values ($1)', ['in a transaction']);
    });
    await client.syncToFs();
    expect(fs.walSyncs).toBe(before + 1);
  });
});
