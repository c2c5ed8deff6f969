import type { Db, Tx } from '../../db/client';
import { deploymentTrust } from '../../db/schema/index';

/**
 * The deployment's legacy boundary (docs/PROTOCOL.md §7.8): statements below this log position
 * follow the rules from before party roots. Written once by a migration; 0 on new deployments.
 */
export const readLegacyBefore = async (db: Db | Tx): Promise<number> => {
  const [row] = await db.select({ legacyBefore: deploymentTrust.legacyBefore }).from(deploymentTrust).limit(1);
  if (!row) {
    throw new Error('deployment_trust has no row: the party-roots migration did not run');
  }
  return row.legacyBefore;
};
