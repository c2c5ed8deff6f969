import { and, inArray, lt, sql } from 'drizzle-orm';
import { type Db, selectRows } from '../../db/client';
import { entries, keyStatements } from '../../db/schema/index';
import { anchorSizeOf, type BundlePlan } from './export-bundle';

/** Bytes per exported record besides its header and ciphertext: signature, proof, framing. */
const ENTRY_OVERHEAD = 1_200;
const STATEMENT_BYTES = 1_500;
const LEAF_BYTES = 60;

/**
 * An upper estimate of a bundle's size before any byte is written, from the rows it will carry:
 * header text and ciphertext (base64url: 4/3) per entry, a fixed allowance per record for the
 * signature and the inclusion proof, and the leaf list when it is included.
 */
export const estimateBundleBytes = async (db: Db, plan: BundlePlan): Promise<number> => {
  const below = anchorSizeOf(plan);
  const inScope = plan.streams.kind === 'streams' ? inArray(entries.streamId, [...plan.streams.ids]) : undefined;
  if (plan.streams.kind === 'streams' && plan.streams.ids.length === 0) {
    return 0;
  }
  const [entryRow] = await db
    .select({
      count: sql<string>`count(*)::text`,
      headerBytes: sql<string>`coalesce(sum(octet_length(${entries.header}::text)), 0)::text`,
      ciphertextBytes: plan.request.ciphertext
        ? sql<string>`coalesce(sum(octet_length(${entries.ciphertext})), 0)::text`
        : sql<string>`'0'`,
    })
    .from(entries)
    .where(and(lt(entries.leafIndex, below), inScope));
  const [statementRow] = await selectRows<{ count: string }>(
    db,
    sql`select count(*)::text as count from ${keyStatements}`,
  );
  const count = Number(entryRow?.count ?? 0);
  return (
    count * ENTRY_OVERHEAD +
    Number(entryRow?.headerBytes ?? 0) +
    Math.ceil((Number(entryRow?.ciphertextBytes ?? 0) * 4) / 3) +
    Number(statementRow?.count ?? 0) * STATEMENT_BYTES +
    (plan.withLeaves ? below * LEAF_BYTES : 0)
  );
};
