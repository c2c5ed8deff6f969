import { z } from 'zod';
import { AuditBundleEnvelope } from '../audit/bundle';
import { Uuid } from '../schemas/common';
import type { Access } from './route';
import { defineRoute } from './route';

/** Everyone signed in; which scopes each role may export is checked by the server per request. */
const ANY_AUDITOR: Access = { kind: 'person', roles: ['admin', 'envoy', 'staff', 'reviewer'] };

/** Tree sizes, comma-separated: `4,7,11`. */
const TREE_SIZES = /^[1-9][0-9]{0,15}(?:,[1-9][0-9]{0,15}){0,99}$/;

/**
 * What to export: a case or thread (`id` = the stream), a party's correspondence (`id` = the
 * party: every stream it is a member of) or the whole log (`all`, no `id`).
 */
export const AuditBundleQuery = z
  .object({
    scope: z.enum(['case', 'thread', 'party', 'all']),
    id: Uuid.optional(),
    /** Include each entry's ciphertext, so the verifier checks it against the signed hash (default no). */
    ciphertext: z.enum(['yes', 'no']).optional(),
    /** The leaf list that proves the key directory complete: `auto` (default) includes it up to 1,000,000 leaves. */
    leaves: z.enum(['auto', 'yes', 'no']).optional(),
    /** Earlier checkpoints to carry, by tree size; by default one per power of two. */
    checkpoints: z
      .string()
      .regex(TREE_SIZES, 'must be up to 100 comma-separated tree sizes')
      .transform((text) => text.split(',').map(Number))
      .optional(),
  })
  .superRefine((query, context) => {
    if ((query.scope === 'all') !== (query.id === undefined)) {
      context.addIssue({
        code: 'custom',
        path: ['id'],
        message: query.scope === 'all' ? 'the whole log takes no id' : `a ${query.scope} scope needs an id`,
      });
    }
  });
export type AuditBundleQuery = z.infer<typeof AuditBundleQuery>;

export const auditRoutes = {
  auditBundle: defineRoute({
    method: 'GET',
    path: '/api/audit/bundle',
    tag: 'audit',
    access: ANY_AUDITOR,
    summary:
      'An audit bundle (docs/AUDIT-BUNDLE.md) of a case, a thread, a party’s correspondence or the whole log: ' +
      'reviewers and admins any scope, envoys and staff only streams of their party',
    query: AuditBundleQuery,
    // The structure only: a tampered record must reach the client's verifier, which names it.
    response: AuditBundleEnvelope,
    problems: ['notFound', 'notStreamMember', 'forbidden', 'exportTooLarge', 'rateLimited'],
  }),
};
