/** Stored cosignatures: insert and select only (the table refuses updates and deletes). */
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { checkpointCosignatures } from '../../db/schema/index';
import type { CosignerKey } from '../../shared/witness/cosigner-key';

/** Keeps one verified cosignature line; a second copy for the same checkpoint and key is ignored. */
export const insertCosignature = async (
  db: Db,
  row: { treeSize: number; witness: CosignerKey; line: string; cosignedAt: number },
): Promise<void> => {
  await db
    .insert(checkpointCosignatures)
    .values({
      treeSize: row.treeSize,
      witnessName: row.witness.name,
      keyId: row.witness.keyId,
      line: row.line,
      cosignedAt: row.cosignedAt,
    })
    .onConflictDoNothing();
};

/** The cosignature lines stored for the checkpoint of `treeSize`, in the order they arrived. */
export const cosignatureLinesAt = async (db: Db, treeSize: number): Promise<string[]> => {
  const rows = await db
    .select({ line: checkpointCosignatures.line })
    .from(checkpointCosignatures)
    .where(eq(checkpointCosignatures.treeSize, treeSize))
    .orderBy(checkpointCosignatures.receivedAt);
  return rows.map(({ line }) => line);
};

/** The largest tree size a witness key has cosigned here, or 0. */
export const lastCosignedSize = async (db: Db, witness: CosignerKey): Promise<number> => {
  const [row] = await db
    .select({ treeSize: checkpointCosignatures.treeSize })
    .from(checkpointCosignatures)
    .where(and(eq(checkpointCosignatures.witnessName, witness.name), eq(checkpointCosignatures.keyId, witness.keyId)))
    .orderBy(desc(checkpointCosignatures.treeSize))
    .limit(1);
  return row?.treeSize ?? 0;
};

/** The largest checkpoint size with at least one stored cosignature, or undefined. */
export const latestCosignedSize = async (db: Db): Promise<number | undefined> => {
  const [row] = await db
    .select({ treeSize: checkpointCosignatures.treeSize })
    .from(checkpointCosignatures)
    .orderBy(desc(checkpointCosignatures.treeSize))
    .limit(1);
  return row?.treeSize;
};
