import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';

/** What one run of raw INSERTs measured. */
export type InsertOutcome = { readonly latenciesMs: number[]; readonly seconds: number };

/** The baseline's table: an id and the bytes, nothing else. */
export const createRawTable = (database: Database) =>
  database.db.execute(
    sql`create table if not exists bench_raw_inserts (id bigserial primary key, body bytea not null)`,
  );

/**
 * The baseline of the append benchmark: each body a plain single-row INSERT in its own
 * transaction, `clients` at a time, through the same driver, pool and commit path (`transaction`,
 * which on PGlite also forces the WAL to disk) that the server uses.
 */
export const insertRaw = async (
  database: Database,
  bodies: readonly Uint8Array[],
  clients: number,
): Promise<InsertOutcome> => {
  const latenciesMs: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let index = next++; index < bodies.length; index = next++) {
        const bytes = bodies[index] as Uint8Array;
        const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        const sent = performance.now();
        await database.transaction((tx) => tx.execute(sql`insert into bench_raw_inserts (body) values (${body})`));
        latenciesMs.push(performance.now() - sent);
      }
    }),
  );
  return { latenciesMs, seconds: (performance.now() - started) / 1000 };
};
