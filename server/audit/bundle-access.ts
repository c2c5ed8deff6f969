import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { streams } from '../../db/schema/index';
import type { BundleScope } from '../../shared/audit/bundle';
import type { Caller } from '../auth/caller';
import { ProblemError } from '../problems';
import { membersOf } from '../services/entries/stream-state';

/**
 * Who may export which audit bundle. Reviewers and admins: any scope (reviewers see every header,
 * PROTOCOL.md §4.8; admins answer for their log). Envoys and staff: a case or thread their party
 * is a member of, or their own party's correspondence; never another party's, nor the whole log.
 */
export const assertBundleAccess = async (db: Db, caller: Caller, scope: BundleScope): Promise<void> => {
  if (caller.role === 'reviewer' || caller.role === 'admin') {
    return;
  }
  switch (scope.kind) {
    case 'case':
    case 'thread': {
      const [stream] = await db.select({ id: streams.id }).from(streams).where(eq(streams.id, scope.id));
      if (!stream) {
        throw new ProblemError('notFound', `No ${scope.kind} ${scope.id}`);
      }
      if (!(await membersOf(db, scope.id)).has(caller.partyId)) {
        throw new ProblemError('notStreamMember', `Your party is not a member of ${scope.kind} ${scope.id}`);
      }
      return;
    }
    case 'party':
      if (scope.id !== caller.partyId) {
        throw new ProblemError('forbidden', "Envoys and staff export their own party's correspondence only");
      }
      return;
    case 'log':
      throw new ProblemError('forbidden', 'Only reviewers and admins export the whole log');
  }
};
