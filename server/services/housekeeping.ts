import { and, eq, isNotNull, lt, or, sql } from 'drizzle-orm';
import { attachmentChunks, attachments, challenges, entries, sessions } from '../../db/schema/index';
import { SESSION_IDLE_MS } from '../auth/sessions';
import type { ServerContext } from '../context';
import { removeAttachmentFile } from './entries/attachment-files';

/** How long ended or expired sessions and challenges are kept before they are pruned. */
const KEEP_AFTER_END_MS = 24 * 60 * 60 * 1000;
const MAX_COLLECTED_PER_RUN = 500;

/** Removes challenges and sessions that can no longer be used, a day after they stopped being usable. */
export const pruneExpired = async (context: ServerContext): Promise<{ challenges: number; sessions: number }> => {
  const cutoff = new Date(context.now().getTime() - KEEP_AFTER_END_MS);
  const idleCutoff = new Date(cutoff.getTime() - SESSION_IDLE_MS);
  const db = context.database.db;
  const prunedChallenges = await db
    .delete(challenges)
    .where(lt(challenges.expiresAt, cutoff))
    .returning({ hash: challenges.challengeHash });
  const prunedSessions = await db
    .delete(sessions)
    .where(
      or(
        lt(sessions.expiresAt, cutoff),
        and(isNotNull(sessions.endedAt), lt(sessions.endedAt, cutoff)),
        lt(sessions.lastSeenAt, idleCutoff),
      ),
    )
    .returning({ id: sessions.id });
  return { challenges: prunedChallenges.length, sessions: prunedSessions.length };
};

/**
 * Removes uploads no entry has claimed within `ttlMs`, with their chunks or file. A claimed upload is
 * append-only (the database refuses its deletion, also when an entry claimed it meanwhile): such a
 * refusal just keeps it.
 */
export const collectUnclaimedUploads = async (context: ServerContext, ttlMs: number): Promise<number> => {
  const cutoff = new Date(context.now().getTime() - ttlMs);
  const stale = await context.database.db
    .select({ id: attachments.id, storedIn: attachments.storedIn })
    .from(attachments)
    .where(
      and(
        lt(attachments.createdAt, cutoff),
        sql`not exists (select 1 from ${entries} where ${entries.header}->'meta'->'attachments' @> jsonb_build_array(${attachments.id}::text))`,
      ),
    )
    .limit(MAX_COLLECTED_PER_RUN);
  let collected = 0;
  for (const { id, storedIn } of stale) {
    try {
      await context.database.transaction(async (tx) => {
        await tx.execute(sql`set local parley.collecting_uploads = 'on'`);
        await tx.delete(attachments).where(eq(attachments.id, id));
        await tx.delete(attachmentChunks).where(eq(attachmentChunks.uploadId, id));
      });
      // After the commit: a crash before this leaves a file no row claims, collected at start-up.
      if (storedIn === 'file') {
        await removeAttachmentFile(context.config.dataDir, id);
      }
      collected += 1;
    } catch (error) {
      context.logger.info({ err: error, attachmentId: id }, 'upload kept: it was claimed meanwhile');
    }
  }
  return collected;
};

const HOUSEKEEPING_INTERVAL_MS = 10 * 60 * 1000;

/**
 * Runs pruning and collection now and every ten minutes; returns the function that stops it.
 * A failed run (the database away) is logged and retried at the next interval.
 */
export const startHousekeeping = (context: ServerContext, uploadTtlMs: number): (() => Promise<void>) => {
  const run = async () => {
    try {
      const pruned = await pruneExpired(context);
      const uploads = await collectUnclaimedUploads(context, uploadTtlMs);
      if (pruned.challenges + pruned.sessions + uploads > 0) {
        context.logger.info({ ...pruned, uploads }, 'housekeeping: pruned expired rows and unclaimed uploads');
      }
    } catch (error) {
      context.logger.warn({ err: error }, 'housekeeping failed; retrying at the next interval');
    }
  };
  let current = run();
  const timer = setInterval(() => {
    current = current.then(run);
  }, HOUSEKEEPING_INTERVAL_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await current;
  };
};
