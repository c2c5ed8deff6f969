import { and, asc, eq, gte, lt } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { attachmentChunks } from '../../../db/schema/index';

/**
 * On PostgreSQL the ciphertext stays in the database, which every server process shares: large
 * rows, all written inside the upload's one transaction (so an aborted upload leaves nothing and
 * nothing needs collecting), with at most one row buffered.
 */
export const ROW_BYTES = 8 * 1024 * 1024;
/** Rows fetched per query on download: bounded memory, few round trips. */
const ROWS_PER_READ = 1;

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
 * Yields an attachment's rows in order, one query per row; the next row is fetched while the
 * caller sends the current one, so memory stays at two rows whatever the file size.
 */
export async function* readAttachmentRows(db: Db, id: string, rowCount: number): AsyncGenerator<Buffer> {
  const fetchFrom = (from: number) =>
    db
      .select({ data: attachmentChunks.data })
      .from(attachmentChunks)
      .where(
        and(
          eq(attachmentChunks.uploadId, id),
          gte(attachmentChunks.index, from),
          lt(attachmentChunks.index, from + ROWS_PER_READ),
        ),
      )
      .orderBy(asc(attachmentChunks.index));
  let next: Promise<{ data: Uint8Array }[]> | undefined = rowCount > 0 ? fetchFrom(0).then((rows) => rows) : undefined;
  try {
    for (let from = 0; from < rowCount; from += ROWS_PER_READ) {
      const rows: { data: Uint8Array }[] = await (next as Promise<{ data: Uint8Array }[]>);
      next = from + ROWS_PER_READ < rowCount ? fetchFrom(from + ROWS_PER_READ).then((rows) => rows) : undefined;
      if (rows.length !== Math.min(ROWS_PER_READ, rowCount - from)) {
        throw new Error(`attachment ${id} lacks rows from ${from}`);
      }
      for (const { data } of rows) {
        yield Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      }
    }
  } finally {
    // A download cut short still waits for its prefetch, so no query outlives the request unheard.
    await next?.catch(() => {});
  }
}
