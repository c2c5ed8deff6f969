import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { entries } from '../../../db/schema/index';
import type { AppendReceipt } from '../../../shared/schemas/log';
import type { Caller } from '../../auth/caller';
import { base64url } from '../../encoding/base64url';
import type { TransparencyLog } from '../../log/transparency-log';

/**
 * The receipt of an entry already in the log, when its author sends it again: an append whose
 * answer was lost (a failover, a dropped connection) may have committed, and the same entry twice
 * is the same entry. The entry hash covers the header (ciphertext hash included) and signature,
 * so an equal hash is an equal entry. Proven against the latest checkpoint; undefined when the
 * entry is not stored or is another person's (whose sending it again is no retry).
 */
export const storedReceipt = async (
  db: Db,
  log: TransparencyLog,
  caller: Caller,
  entryHash: Uint8Array,
): Promise<(AppendReceipt & { entryHash: string }) | undefined> => {
  const [stored] = await db
    .select({ leafIndex: entries.leafIndex, authorId: entries.authorId })
    .from(entries)
    .where(eq(entries.hash, entryHash))
    .limit(1);
  const checkpoint = stored && stored.authorId === caller.personId ? await log.latest(db) : null;
  if (!stored || !checkpoint) {
    return undefined;
  }
  const proof = await log.inclusionProof(db, stored.leafIndex, checkpoint.treeSize);
  return {
    leafIndex: stored.leafIndex,
    inclusion: { leafIndex: stored.leafIndex, treeSize: checkpoint.treeSize, proof: proof.map(base64url) },
    checkpoint: { note: checkpoint.note, treeSize: checkpoint.treeSize, rootHash: base64url(checkpoint.rootHash) },
    entryHash: base64url(entryHash),
  };
};
