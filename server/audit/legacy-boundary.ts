import { sql } from 'drizzle-orm';
import { type Db, selectRows } from '../../db/client';

/**
 * The deployment's legacy boundary (docs/PROTOCOL.md §7.8): statements and entries at log
 * positions below it were recorded before the deployment adopted party roots and consent, and are
 * judged by the rules of their time. Stored in `deployment_trust(legacy_before)`, one row; 0 when
 * the table does not exist yet or holds no row (every deployment made since). Clients and the
 * offline verifier never read it from here: they pin it with the log key (`npm run admin -- log-key`).
 *
 * @throws {Error} when the stored value is not a log position, or the rows disagree.
 */
export const readLegacyBefore = async (db: Db): Promise<number> => {
  const [table] = await selectRows<{ name: string | null }>(
    db,
    sql`select to_regclass('deployment_trust')::text as name`,
  );
  if (!table?.name) {
    return 0;
  }
  const rows = await selectRows<{ legacy_before: unknown }>(db, sql`select legacy_before from deployment_trust`);
  const values = [...new Set(rows.map((row) => String(row.legacy_before)))];
  if (values.length > 1) {
    throw new Error(`deployment_trust holds ${values.length} different legacy boundaries (${values.join(', ')})`);
  }
  const [text = '0'] = values;
  const value = Number(text);
  if (!/^(?:0|[1-9][0-9]*)$/.test(text) || !Number.isSafeInteger(value)) {
    throw new Error(`deployment_trust.legacy_before is ${JSON.stringify(text)}, not a log position`);
  }
  return value;
};
