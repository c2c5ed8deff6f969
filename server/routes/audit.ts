import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type AuditBundleQuery, auditRoutes } from '../../shared/api/audit';
import type { BundleScope } from '../../shared/audit/bundle';
import { assertBundleAccess } from '../audit/bundle-access';
import { bundleChunks, planBundle } from '../audit/export-bundle';
import type { ServerContext } from '../context';
import { type Implementation, implement } from '../http/api-router';
import type { TransparencyLog } from '../log/transparency-log';
import { signedIn } from './vault';

const scopeOf = ({ scope, id }: AuditBundleQuery): BundleScope =>
  scope === 'all' ? { kind: 'log' } : { kind: scope, id: id ?? '' };

export const auditHandlers = (context: ServerContext, log: TransparencyLog): Implementation[] => {
  const db = context.database.db;
  return [
    // Streamed page by page: a whole-log bundle never sits in memory. Refusals (access, unknown
    // scope, unknown checkpoint) happen in planning, before the first byte.
    implement(auditRoutes.auditBundle, async ({ query }, { caller, res }) => {
      const scope = scopeOf(query);
      await assertBundleAccess(db, signedIn(caller), scope);
      const plan = await planBundle(db, log, {
        scope,
        ciphertext: query.ciphertext === 'yes',
        leaves: query.leaves === 'yes' ? 'always' : query.leaves === 'no' ? 'never' : 'auto',
        ...(query.checkpoints ? { checkpoints: query.checkpoints } : {}),
      });
      res.status(200).type('application/json').setHeader('Cache-Control', 'no-store');
      await pipeline(
        Readable.from(
          bundleChunks(db, plan, {
            onMissing: (what, node) =>
              context.logger.warn({ what, node }, 'audit export: the stored log lacks a node for a proof'),
          }),
        ),
        res,
      );
      return undefined;
    }),
  ];
};
