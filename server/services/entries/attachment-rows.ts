import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database, Db, Tx } from '../../../db/client';
import { attachmentChunks } from '../../../db/schema/index';

/**
 * On PostgreSQL the ciphertext stays in the database, which every server process shares: rows of
 * 1 MiB, all written inside the upload's one transaction (so an aborted upload leaves nothing and
 * nothing needs collecting), with at most one row buffered. 8 MiB rows were no faster and held more
 * memory: node-postgres copies a parameter twice while framing it, about 24 MiB in flight per row.
 */
export const ROW_BYTES = 1024 * 1024;

/** Writes `source` as rows of ROW_BYTES inside `tx`; returns how many rows. */
export const writeAttachmentRows = async (tx: Tx, id: string, source: AsyncIterable<Buffer>): Promise<number> => {
  let index = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let inserting: Promise<unknown> = Promise.resolve();
  const flush = async () => {
    const data = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    // One insert in flight while the next row arrives from the network.
    await inserting;
    // Started now (drizzle's builders run only once awaited); its failure is heard at the next await.
    inserting = tx
      .insert(attachmentChunks)
      .values({ uploadId: id, index: index++, data })
      .then(() => undefined);
    inserting.catch(() => {});
  };
  try {
    for await (const chunk of source) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= ROW_BYTES) {
        await flush();
      }
    }
    if (pendingBytes > 0) {
      await flush();
    }
  } finally {
    // Never leave a query running on the transaction's connection, even when the body failed.
    await inserting.catch(() => {});
  }
  await inserting;
  return index;
};

/**
 * Bytes fetched per query. PostgreSQL reads a slice of an uncompressed TOASTed value without the
 * rest (ciphertext never compresses).
 */
const SLICE_BYTES = 1024 * 1024;

/** Where each slice of an attachment's rows lies, in order. */
const plannedSlices = async (db: Db, id: string) => {
  const rows = await db
    .select({ index: attachmentChunks.index, length: sql<number>`octet_length(${attachmentChunks.data})::int` })
    .from(attachmentChunks)
    .where(eq(attachmentChunks.uploadId, id))
    .orderBy(asc(attachmentChunks.index));
  return rows.flatMap(({ index, length }) =>
    Array.from({ length: Math.ceil(length / SLICE_BYTES) }, (_, slice) => ({
      index,
      from: slice * SLICE_BYTES,
      bytes: Math.min(SLICE_BYTES, length - slice * SLICE_BYTES),
    })),
  );
};

type Slice = Awaited<ReturnType<typeof plannedSlices>>[number];
type AttachmentRowsSource = Pick<Database, 'db' | 'copyColumnBytes'>;

/**
 * One slice's bytes. On PostgreSQL by binary COPY: node-postgres reads every result column as
 * text, so a bytea would arrive as hex twice its size, which cost a download five times the
 * server's CPU. Each query holds its connection only while its slice comes in.
 */
const fetchSlice = async (database: AttachmentRowsSource, id: string, { index, from, bytes }: Slice) => {
  let data: Uint8Array | undefined;
  if (database.copyColumnBytes) {
    data = await database.copyColumnBytes(
      (literal) =>
        `SELECT substring("data" from ${from + 1} for ${bytes}) FROM "attachment_chunks" ` +
        `WHERE "upload_id" = ${literal(id)} AND "index" = ${index}`,
      1,
    );
  } else {
    const [row] = await database.db
      .select({ data: sql<Uint8Array>`substring(${attachmentChunks.data} from ${from + 1} for ${bytes})` })
      .from(attachmentChunks)
      .where(and(eq(attachmentChunks.uploadId, id), eq(attachmentChunks.index, index)));
    data = row?.data;
  }
  if (!data || data.byteLength !== bytes) {
    throw new Error(`attachment ${id}: row ${index} is shorter than planned`);
  }
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
};

/**
 * Yields an attachment's bytes in order, 1 MiB per query; the next slice is fetched while the
 * caller sends the current one, so memory stays at two slices whatever the file size.
 */
export async function* readAttachmentRows(
  database: AttachmentRowsSource,
  id: string,
  rowCount: number,
): AsyncGenerator<Buffer> {
  const slices = await plannedSlices(database.db, id);
  if (new Set(slices.map((slice) => slice.index)).size !== rowCount) {
    throw new Error(`attachment ${id} has not its ${rowCount} rows`);
  }
  const start = (position: number) => {
    const slice = slices[position];
    const pending = slice ? fetchSlice(database, id, slice) : undefined;
    pending?.catch(() => {});
    return pending;
  };
  let next = start(0);
  try {
    for (let position = 0; position < slices.length; position += 1) {
      const data = await (next as Promise<Buffer>);
      next = start(position + 1);
      yield data;
    }
  } finally {
    // A download cut short still waits for its prefetch, so no query outlives the request unheard.
    await next?.catch(() => {});
  }
}
