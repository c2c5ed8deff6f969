import { type Hash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Request, Response } from 'express';
import { attachmentChunks, attachments, entries } from '../../../db/schema/index';
import type { AttachmentReceipt } from '../../../shared/schemas/stream';
import type { Caller } from '../../auth/caller';
import type { AttemptCounter } from '../../auth/shared-rate-limit';
import type { ServerContext } from '../../context';
import { startAttachmentDigest } from '../../crypto/hashes';
import { base64url } from '../../encoding/base64url';
import type { StorageMonitor } from '../../http/storage-guard';
import { ProblemError } from '../../problems';
import {
  attachmentFileSize,
  collectAbandonedFiles,
  readAttachmentFile,
  removeAttachmentFile,
  writeAttachmentFile,
} from './attachment-files';
import { readAttachmentRows, writeAttachmentRows } from './attachment-rows';
import { disclosedTo } from './read-entries';
import { membersOf } from './stream-state';
import type { UploadSlots } from './upload-slots';

/** 50 MiB of plaintext in 64 KiB secretstream chunks (+17 bytes each) and a 24-byte header, rounded up. */
export const MAX_ATTACHMENT_BYTES = 51 * 1024 * 1024;

/** What bounds one person's uploads, and the server's disk. */
export type UploadGuards = {
  /** Uploads per person per hour. */
  readonly perPerson: AttemptCounter;
  /** Bytes of attachments one person may hold, claimed or not. */
  readonly quotaBytes: number;
  readonly storage?: StorageMonitor | undefined;
  /** Uploads that may hold a database connection at once (PostgreSQL). */
  readonly databaseSlots: UploadSlots;
};

const quotaExceeded = (quotaBytes: number): ProblemError =>
  new ProblemError('quotaExceeded', `Your attachments may take at most ${Math.round(quotaBytes / 1048576)} MiB`);

/** Bytes of attachments a person has uploaded, claimed or not. */
const usedBytes = async (context: ServerContext, personId: string): Promise<number> => {
  const [row] = await context.database.db
    .select({ total: sql<string>`coalesce(sum(${attachments.size}), 0)::text` })
    .from(attachments)
    .where(eq(attachments.uploadedBy, personId));
  return Number(row?.total ?? 0);
};

const MIB = 1024 * 1024;

/**
 * The request body, checked as it streams: the size cap, the quota, room on disk (each MiB, since
 * a body without a declared length passed the up-front check unmeasured), and the §6.3 digest.
 */
async function* checkedBody(req: Request, guards: UploadGuards, allowance: number, tally: Tally) {
  let unmeasured = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    tally.size += chunk.length;
    if (tally.size > MAX_ATTACHMENT_BYTES) {
      throw new ProblemError('entryTooLarge', `Attachments are at most ${MAX_ATTACHMENT_BYTES} bytes`);
    }
    if (tally.size > allowance) {
      throw quotaExceeded(guards.quotaBytes);
    }
    unmeasured += chunk.length;
    if (unmeasured >= MIB) {
      guards.storage?.assertRoomFor(unmeasured);
      unmeasured = 0;
    }
    tally.digest.update(chunk);
    yield chunk;
  }
  guards.storage?.assertRoomFor(unmeasured);
  if (tally.size === 0) {
    throw new ProblemError('validation', 'An attachment is at least its 24-byte stream header');
  }
}

type Tally = { size: number; readonly digest: Hash };

/**
 * Streams an encrypted upload to where this deployment keeps attachments, with bounded memory:
 * a file under DATA_DIR on the embedded database, rows inside one transaction on PostgreSQL. The
 * attachment's row is committed only once its bytes are durable; a failed upload leaves nothing.
 */
export const uploadAttachment = async (
  context: ServerContext,
  caller: Caller,
  req: Request,
  guards: UploadGuards,
): Promise<AttachmentReceipt> => {
  if (!req.is('application/octet-stream')) {
    throw new ProblemError('unsupportedMediaType', 'Upload the ciphertext as application/octet-stream');
  }
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (declared > MAX_ATTACHMENT_BYTES) {
    throw new ProblemError('entryTooLarge', `Attachments are at most ${MAX_ATTACHMENT_BYTES} bytes`);
  }
  const wait = await guards.perPerson.hit(caller.personId);
  if (wait > 0) {
    throw new ProblemError('rateLimited', `Too many uploads: try again in ${wait} seconds`, {
      headers: { 'Retry-After': String(wait) },
    });
  }
  const allowance = guards.quotaBytes - (await usedBytes(context, caller.personId));
  if (allowance <= 0 || declared > allowance) {
    throw quotaExceeded(guards.quotaBytes);
  }
  const id = randomUUID();
  const digest = startAttachmentDigest();
  const tally: Tally = { size: 0, digest };
  const body = checkedBody(req, guards, allowance, tally);
  const row = (chunkCount: number, storedIn: 'file' | 'database') => ({
    id,
    uploadedBy: caller.personId,
    size: tally.size,
    chunkCount,
    storedIn,
    digest: new Uint8Array(digest.digest()),
    createdAt: context.now(),
  });
  let stored: ReturnType<typeof row>;
  if (context.database.driver === 'pglite') {
    const { dataDir } = context.config;
    await writeAttachmentFile(dataDir, id, body);
    stored = row(0, 'file');
    await context.database
      .transaction((tx) => tx.insert(attachments).values(stored))
      .catch(async (error) => {
        await removeAttachmentFile(dataDir, id);
        throw error;
      });
  } else {
    stored = await guards.databaseSlots.within(() =>
      context.database.transaction(async (tx) => {
        const values = row(await writeAttachmentRows(tx, id, body), 'database');
        await tx.insert(attachments).values(values);
        return values;
      }),
    );
  }
  return { id, size: stored.size, digest: base64url(stored.digest) };
};

/**
 * Removes what uploads that never completed left behind (a crash): chunks without an attachment
 * row, and under DATA_DIR temporary files and files no row records. Run at start-up.
 */
export const collectAbandonedChunks = async (context: ServerContext): Promise<void> => {
  const db = context.database.db;
  const completed = db.select({ id: attachments.id }).from(attachments);
  await db.delete(attachmentChunks).where(notInArray(attachmentChunks.uploadId, completed));
  if (context.database.driver !== 'pglite') {
    return;
  }
  const removed = await collectAbandonedFiles(context.config.dataDir, async (names) => {
    const ids = names.filter((name) => UUID.test(name));
    const rows =
      ids.length === 0
        ? []
        : await db
            .select({ id: attachments.id })
            .from(attachments)
            .where(and(inArray(attachments.id, ids), eq(attachments.storedIn, 'file')));
    return new Set(rows.map((row) => row.id));
  });
  if (removed.length > 0) {
    context.logger.info({ files: removed.length }, 'removed attachment files no completed upload claims');
  }
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Who may fetch an attachment: its uploader, members of the stream of the entry carrying it, and its disclosure grantees. */
const assertMayDownload = async (context: ServerContext, caller: Caller, id: string) => {
  const db = context.database.db;
  const [upload] = await db.select().from(attachments).where(eq(attachments.id, id));
  if (!upload) {
    throw new ProblemError('notFound', 'No such attachment');
  }
  if (upload.uploadedBy === caller.personId) {
    return upload;
  }
  const [carrier] = await db
    .select({ streamId: entries.streamId, hash: entries.hash })
    .from(entries)
    .where(sql`${entries.header}->'meta'->'attachments' @> ${JSON.stringify([id])}::jsonb`)
    .limit(1);
  const allowed =
    carrier &&
    ((await membersOf(db, carrier.streamId)).has(caller.partyId) ||
      (await disclosedTo(db, caller.personId)).has(base64url(carrier.hash)));
  if (!allowed) {
    throw new ProblemError('notFound', 'No such attachment');
  }
  return upload;
};

/** Streams the stored ciphertext from its file or its rows, with backpressure and bounded memory. */
export const downloadAttachment = async (context: ServerContext, caller: Caller, id: string, res: Response) => {
  const upload = await assertMayDownload(context, caller, id);
  const { dataDir } = context.config;
  if (upload.storedIn === 'file' && (await attachmentFileSize(dataDir, id)) !== upload.size) {
    // The server's own storage is damaged: say so in the log, and let fsck name the file.
    throw new Error(`attachment ${id}: its file is missing or not ${upload.size} bytes (run npm run audit -- fsck)`);
  }
  res.status(200);
  res.setHeader('Content-Type', 'application/octet-stream');
  res.setHeader('Content-Length', String(upload.size));
  res.setHeader('Cache-Control', 'private, no-store');
  // One slice waiting in the stream (its default is 16): the rows' reader prefetches the next.
  const source =
    upload.storedIn === 'file'
      ? readAttachmentFile(dataDir, id)
      : Readable.from(readAttachmentRows(context.database, id, upload.chunkCount), { highWaterMark: 1 });
  try {
    await pipeline(source, res);
  } catch (error) {
    // The person went away mid-download: nothing to answer.
    if (!res.destroyed || res.writableFinished) {
      throw error;
    }
  }
};
