import { sql } from 'drizzle-orm';
import { bigint, check, pgTable, smallint } from 'drizzle-orm/pg-core';

/**
 * How this deployment's key directory is read (docs/PROTOCOL.md §7.8): one row, written once by the
 * migration that brought party roots. Statements at log positions below `legacy_before` were made
 * under the earlier rules; it is 0 for a deployment created since. Clients and reviewers pin the
 * value out of band with the log key (`npm run admin -- log-key` prints both).
 */
export const deploymentTrust = pgTable(
  'deployment_trust',
  {
    id: smallint('id').primaryKey(),
    legacyBefore: bigint('legacy_before', { mode: 'number' }).notNull(),
  },
  (table) => [
    check('deployment_trust_one_row', sql`${table.id} = 1`),
    check('deployment_trust_legacy_before', sql`${table.legacyBefore} >= 0`),
  ],
);
