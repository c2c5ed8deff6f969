import { createHash, randomUUID } from 'node:crypto';
import { and, asc, eq, notInArray, sql } from 'drizzle-orm';
import type { Request, Response } from 'express';
import { attachmentChunks, attachments, entries } from '../../../db/schema/index';
import { ATTACHMENT_HASH_TAG } from '../../../shared/crypto/attachment-hash';
import type { AttachmentReceipt } from '../../../shared/schemas/stream';
import type { Caller } from '../../auth/caller';
import type { AttemptCounter } from '../../auth/shared-rate-limit';
import type { ServerContext } from '../../context';
import type { StorageMonitor } from '../../http/storage-guard';
import { ProblemError } from '../../problems';
import { disclosedTo } from './read-entries';
import { membersOf } from './stream-state';

/** 50 MiB of plaintext in 64 KiB secretstream chunks (+17 bytes each) and a 24-byte header, rounded up. */
export const MAX_ATTACHMENT_BYTES = 51 * 1024 * 1024;
const ROW_BYTES = 1024 * 1024;

/** What bounds one person's uploads, and the server's disk. */
export type UploadGuards = {
  /** Uploads per person per hour. */
  readonly perPerson: AttemptCounter;
  /** Bytes of attachments one person may hold, claimed or not. */
  readonly quotaBytes: number;
  readonly storage?: StorageMonitor | undefined;
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

/**
 * Streams an encrypted upload into 1 MiB rows, each in its own short transaction, so neither the
 * server nor the database connection holds the whole file; the attachment exists only once its
 * last chunk is stored. A failed upload's chunks are removed.
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
  // The §6.3 ciphertextDigest: SHA-256('parley/attachment/v1' || 0x00 || stream).
  const digest = createHash('sha256')
    .update(ATTACHMENT_HASH_TAG)
    .update(new Uint8Array([0]));
  const db = context.database.db;
  let size = 0;
  let index = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pendingBytes > 0) {
      // A body without a declared length passed the disk check unmeasured: check each row.
      guards.storage?.assertRoomFor(pendingBytes);
      await db
        .insert(attachmentChunks)
        .values({ uploadId: id, index: index++, data: Buffer.concat(pending, pendingBytes) });
      pending = [];
      pendingBytes = 0;
    }
  };
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_ATTACHMENT_BYTES) {
        throw new ProblemError('entryTooLarge', `Attachments are at most ${MAX_ATTACHMENT_BYTES} bytes`);
      }
      if (size > allowance) {
        throw quotaExceeded(guards.quotaBytes);
      }
      digest.update(chunk);
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= ROW_BYTES) {
        await flush();
      }
    }
    await flush();
    if (size === 0) {
      throw new ProblemError('validation', 'An attachment is at least its 24-byte stream header');
    }
    const hash = new Uint8Array(digest.digest());
    await context.database.transaction((tx) =>
      tx
        .insert(attachments)
        .values({ id, uploadedBy: caller.personId, size, chunkCount: index, digest: hash, createdAt: context.now() }),
    );
    return { id, size, digest: Buffer.from(hash).toString('base64url') };
  } catch (error) {
    await db.delete(attachmentChunks).where(eq(attachmentChunks.uploadId, id));
    throw error;
  }
};

/** Removes chunks of uploads that never completed (left by a crash); run at start-up. */
export const collectAbandonedChunks = async (context: ServerContext): Promise<void> => {
  const completed = context.database.db.select({ id: attachments.id }).from(attachments);
  await context.database.db.delete(attachmentChunks).where(notInArray(attachmentChunks.uploadId, completed));
};

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
      (await disclosedTo(db, caller.personId)).has(Buffer.from(carrier.hash).toString('base64url')));
  if (!allowed) {
    throw new ProblemError('notFound', 'No such attachment');
  }
  return upload;
};

/** Streams the stored ciphertext row by row; memory stays at one row whatever the file size. */
export const downloadAttachment = async (context: ServerContext, caller: Caller, id: string, res: Response) => {
  const upload = await assertMayDownload(context, caller, id);
  res.status(200);
  res.setHeader('Content-Type', 'application/octet-stream');
  res.setHeader('Content-Length', String(upload.size));
  res.setHeader('Cache-Control', 'private, no-store');
  for (let index = 0; index < upload.chunkCount; index++) {
    const [row] = await context.database.db
      .select({ data: attachmentChunks.data })
      .from(attachmentChunks)
      .where(and(eq(attachmentChunks.uploadId, id), eq(attachmentChunks.index, index)))
      .orderBy(asc(attachmentChunks.index));
    if (!row) {
      throw new Error(`attachment ${id} lacks chunk ${index}`);
    }
    if (!res.write(row.data)) {
      await new Promise<void>((resolve) => {
        const settle = () => {
          res.off('drain', settle);
          res.off('close', settle);
          resolve();
        };
        res.once('drain', settle);
        res.once('close', settle);
      });
    }
    if (res.destroyed) {
      return;
    }
  }
  res.end();
};
