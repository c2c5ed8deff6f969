import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { BinaryCopyColumn } from './binary-copy';

/**
 * The bytes of a one-column SELECT's rows, in its order, streamed by binary COPY on a connection
 * of its own, with backpressure: the socket is read only as fast as the caller consumes. Throws
 * unless exactly `rows` rows came. A read stopped early discards the connection mid-COPY.
 */
export async function* copyColumnOut(pool: pg.Pool, select: string, rows: number): AsyncGenerator<Buffer> {
  const client = await pool.connect();
  let finished = false;
  let failure: Error | undefined;
  try {
    const output = client.query(copyTo(`COPY (${select}) TO STDOUT (FORMAT binary)`));
    // Once the iteration below has ended, a late error (the discarded connection) must not go unheard.
    output.on('error', () => {});
    const column = new BinaryCopyColumn();
    for await (const chunk of output as AsyncIterable<Buffer>) {
      yield* column.push(chunk);
    }
    const received = column.end();
    if (received !== rows) {
      throw new Error(`expected ${rows} rows, COPY gave ${received}`);
    }
    finished = true;
  } catch (error) {
    failure = error as Error;
    throw error;
  } finally {
    client.release(finished ? undefined : (failure ?? new Error('COPY read stopped early')));
  }
}
