import { and, asc, gte, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { checkpoints } from '../../db/schema/index';
import { bitLength } from '../../shared/log/tree-math';
import { appendSignatureLines } from '../../shared/witness/cosignature';
import type { TransparencyLog } from '../log/transparency-log';
import { ProblemError } from '../problems';
import { cosignatureLinesAt, latestCosignedSize } from '../witness-collector/cosignature-store';

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
  return withCosignatures(db, log, [...history, anchor]);
};

/**
 * The same checkpoints with the witness cosignatures collected for each appended, plus the
 * latest cosigned checkpoint when none of them is, so a bundle carries what makes its entries
 * witnessed (docs/AUDIT-BUNDLE.md; docs/PROTOCOL.md §9.3).
 */
const withCosignatures = async (
  db: Db,
  log: TransparencyLog,
  chosen: readonly StoredCheckpoint[],
): Promise<StoredCheckpoint[]> => {
  const cosignedSize = await latestCosignedSize(db);
  const anchorSize = chosen.at(-1)?.treeSize ?? 0;
  const all = [...chosen];
  if (
    cosignedSize !== undefined &&
    cosignedSize < anchorSize &&
    !all.some(({ treeSize }) => treeSize === cosignedSize)
  ) {
    const found = await log.checkpointAt(db, cosignedSize);
    if (found) {
      all.push({ treeSize: found.treeSize, note: found.note });
      all.sort((a, b) => a.treeSize - b.treeSize);
    }
  }
  return Promise.all(
    all.map(async ({ treeSize, note }) => ({
      treeSize,
      note: appendSignatureLines(note, await cosignatureLinesAt(db, treeSize)),
    })),
  );
};
