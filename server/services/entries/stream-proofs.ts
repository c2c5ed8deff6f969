import { and, asc, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { entries } from '../../../db/schema/index';
import { toBase64url } from '../../../shared/encoding/bytes';
import type { TransparencyLog } from '../../log/transparency-log';

/**
 * Inclusion proofs of a stream's entries in the tree of `treeSize`, so that a reader proves a
 * page of entries with one request instead of one per entry. Entries logged after that tree are
 * left out: within a stream leaf indexes grow with seq, so they are only ever the tail. Access
 * (a member party or a reviewer) is checked before this runs.
 */
export const streamInclusionProofs = async (
  db: Db,
  log: TransparencyLog,
  streamId: string,
  { treeSize, after, limit }: { readonly treeSize: number; readonly after: number; readonly limit: number },
) => {
  const rows = await db
    .select({ seq: entries.seq, leafIndex: entries.leafIndex })
    .from(entries)
    .where(and(eq(entries.streamId, streamId), gt(entries.seq, after), lt(entries.leafIndex, treeSize)))
    .orderBy(asc(entries.seq))
    .limit(limit);
  const proofs = await log.inclusionProofs(
    db,
    rows.map((row) => row.leafIndex),
    treeSize,
  );
  return {
    treeSize,
    proofs: rows.map((row, index) => ({
      seq: row.seq,
      leafIndex: row.leafIndex,
      proof: (proofs[index] ?? []).map(toBase64url),
    })),
  };
};
