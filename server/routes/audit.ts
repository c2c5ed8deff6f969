import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import type { Db } from '../../db/client';
import { type AuditBundleQuery, auditRoutes } from '../../shared/api/audit';
import type { BundleScope } from '../../shared/audit/bundle';
import { computeEntryHash } from '../../shared/crypto/entry-bytes';
import type { EntryHeader } from '../../shared/schemas/entry';
import { assertBundleAccess } from '../audit/bundle-access';
import { estimateBundleBytes } from '../audit/bundle-size';
import { bundleChunks, planBundle } from '../audit/export-bundle';
import type { Caller } from '../auth/caller';
import type { ServerContext } from '../context';
import { type Implementation, implement } from '../http/api-router';
import type { TransparencyLog } from '../log/transparency-log';
import { ProblemError } from '../problems';
import { disclosedTo } from '../services/entries/read-entries';
import { streamsOfParty } from '../services/entries/stream-state';
import { signedIn } from './vault';

const scopeOf = ({ scope, id }: AuditBundleQuery): BundleScope =>
  scope === 'all' ? { kind: 'log' } : { kind: scope, id: id ?? '' };

/** Ciphertext only of entries the caller could read: their party's streams, or disclosed to them. */
const keysHeldBy = async (db: Db, caller: Caller) => {
  const ownStreams = new Set(caller.role === 'reviewer' ? [] : await streamsOfParty(db, caller.partyId));
  const disclosed = await disclosedTo(db, caller.personId);
  return (header: EntryHeader, signature: string): boolean =>
    ownStreams.has(header.stream) || (disclosed.size > 0 && disclosed.has(computeEntryHash(header, signature)));
};

export const auditHandlers = (context: ServerContext, log: TransparencyLog): Implementation[] => {
  const db = context.database.db;
  let running = 0;
  return [
    // Streamed page by page: a whole-log bundle never sits in memory. Refusals (access, unknown
    // scope, unknown checkpoint, size, too many at once) happen in planning, before the first byte.
    implement(auditRoutes.auditBundle, async ({ query }, { caller, res }) => {
      const scope = scopeOf(query);
      const person = signedIn(caller);
      await assertBundleAccess(db, person, scope);
      if (running >= context.config.exportsAtOnce) {
        throw new ProblemError('rateLimited', 'Other exports are running: try again shortly', {
          headers: { 'Retry-After': '10' },
        });
      }
      running += 1;
      try {
        await exportBundle(query, person, res);
      } finally {
        running -= 1;
      }
      return undefined;
    }),
  ];

  async function exportBundle(query: AuditBundleQuery, person: Caller, res: Response): Promise<void> {
    const ciphertext = query.ciphertext === 'yes';
    const plan = await planBundle(db, log, {
      scope: scopeOf(query),
      ciphertext,
      ...(ciphertext ? { mayHoldKey: await keysHeldBy(db, person) } : {}),
      leaves: query.leaves === 'yes' ? 'always' : query.leaves === 'no' ? 'never' : 'auto',
      ...(query.checkpoints ? { checkpoints: query.checkpoints } : {}),
    });
    const estimate = await estimateBundleBytes(db, plan);
    if (estimate > context.config.exportMaxBytes) {
      throw new ProblemError(
        'exportTooLarge',
        `This export would be about ${Math.ceil(estimate / 1048576)} MiB; the limit is ${Math.floor(context.config.exportMaxBytes / 1048576)} MiB`,
      );
    }
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
  }
};
