import type { Db } from '../../db/client';
import { verifyCheckpoint } from '../../shared/log/verify-checkpoint';
import type { TransparencyLog } from './transparency-log';

/**
 * Refuses to start a server whose log key did not sign the log already in the database: a second
 * server on a shared PostgreSQL that generated a key of its own (no `LOG_SIGNING_KEY`) would sign
 * checkpoints no client pinned, and could not extend the log at all.
 */
export const assertSignsStoredLog = async (db: Db, log: TransparencyLog): Promise<void> => {
  const latest = await log.latest(db);
  if (!latest) {
    return;
  }
  const check = verifyCheckpoint(latest.note, log.signer.verifierKey, log.signer.name);
  if (!check.ok) {
    throw new Error(
      `the log in this database was signed by another key or origin (${check.reason}): every server of one database needs the same LOG_SIGNING_KEY and LOG_ORIGIN`,
    );
  }
};
