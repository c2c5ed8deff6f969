import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { BinaryCopyColumn } from './binary-copy';

/**
 * The bytes of a one-column SELECT's rows, concatenated in its order, read whole by binary COPY.
 * The connection goes back to the pool as soon as the output is in, so a slow consumer of the
 * bytes never holds one; keep the SELECT small. Throws unless exactly `rows` rows came.
 */
export const copyColumnBytes = async (pool: pg.Pool, select: string, rows: number): Promise<Buffer> => {
  const client = await pool.connect();
  let failure: Error | undefined;
  try {
    const output = client.query(copyTo(`COPY (${select}) TO STDOUT (FORMAT binary)`));
    // A COPY refused mid-output leaves its connection to be discarded below; the error that
    // discarding raises on the stream afterwards must not go unheard.
    output.on('error', () => {});
    const column = new BinaryCopyColumn();
    const slices: Buffer[] = [];
    for await (const chunk of output as AsyncIterable<Buffer>) {
      slices.push(...column.push(chunk));
    }
    const received = column.end();
    if (received !== rows) {
      throw new Error(`expected ${rows} rows, COPY gave ${received}`);
    }
    return slices.length === 1 ? (slices[0] as Buffer) : Buffer.concat(slices);
  } catch (error) {
    failure = error as Error;
    throw error;
  } finally {
    client.release(failure);
  }
};
