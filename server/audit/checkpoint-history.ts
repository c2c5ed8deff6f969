import { and, asc, gte, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { checkpoints } from '../../db/schema/index';
import { bitLength } from '../../shared/log/tree-math';
import type { TransparencyLog } from '../log/transparency-log';
import { ProblemError } from '../problems';

/** A signed checkpoint as stored: its tree size and its note. */
export type StoredCheckpoint = { readonly treeSize: number; readonly note: string };

/**
 * Earlier checkpoints when the caller names none: the first signed at or after each power of two,
 * so a bundle shows the log growing from its start in at most 53 steps, each proven consistent
 * with the one before.
 */
const powerOfTwoHistory = async (db: Db, below: number): Promise<StoredCheckpoint[]> => {
  const history: StoredCheckpoint[] = [];
  for (let target = 1; target < below; ) {
    const [row] = await db
      .select({ treeSize: checkpoints.treeSize, note: checkpoints.note })
      .from(checkpoints)
      .where(and(gte(checkpoints.treeSize, target), lt(checkpoints.treeSize, below)))
      .orderBy(asc(checkpoints.treeSize))
      .limit(1);
    if (!row) {
      break;
    }
    history.push(row);
    target = 2 ** bitLength(row.treeSize);
  }
  return history;
};

/** The checkpoints of exactly the named sizes, each of which the log must have signed. */
const namedHistory = async (
  db: Db,
  log: TransparencyLog,
  sizes: readonly number[],
  below: number,
): Promise<StoredCheckpoint[]> => {
  const history: StoredCheckpoint[] = [];
  for (const size of [...new Set(sizes)].sort((a, b) => a - b)) {
    if (size > below) {
      throw new ProblemError('validation', `Checkpoint ${size} is newer than the latest, ${below}`);
    }
    if (size === below) {
      continue;
    }
    const found = await log.checkpointAt(db, size);
    if (!found) {
      throw new ProblemError('notFound', `The log signed no checkpoint of size ${size}`);
    }
    history.push({ treeSize: found.treeSize, note: found.note });
  }
  return history;
};

/**
 * The checkpoints a bundle carries, ascending: the named earlier ones (or a power-of-two history
 * when none is named), then the latest, which is the anchor. An empty log has the signed empty
 * checkpoint as its anchor.
 */
export const chooseCheckpoints = async (
  db: Db,
  log: TransparencyLog,
  named: readonly number[] = [],
): Promise<StoredCheckpoint[]> => {
  const latest = (await log.latest(db)) ?? log.emptyCheckpoint();
  const anchor = { treeSize: latest.treeSize, note: latest.note };
  const history =
    named.length > 0
      ? await namedHistory(db, log, named, anchor.treeSize)
      : await powerOfTwoHistory(db, anchor.treeSize);
  return [...history, anchor];
};
