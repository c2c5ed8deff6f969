import { eq } from 'drizzle-orm';
import { pendingEnrolments, people } from '../../db/schema/index';
import type { Caller } from '../auth/caller';
import type { ServerContext } from '../context';
import { ProblemError } from '../problems';
import type { KeyDirectory } from './key-directory';
import { listPeople, lockPerson } from './people';

/** Enrolments awaiting endorsement, each with the admin who must endorse it. */
export const listPendingEnrolments = async (context: ServerContext) => {
  const rows = await context.database.db.select().from(pendingEnrolments);
  const views = new Map(
    (
      await listPeople(
        context.database.db,
        rows.map((row) => row.personId),
      )
    ).map((view) => [view.id, view]),
  );
  return rows.flatMap((row) => {
    const person = views.get(row.personId);
    const authority = row.signed.statement.authority;
    return person && person.status === 'pending'
      ? [{ person, signed: row.signed, invitedBy: authority === 'bootstrap' || authority === '' ? null : authority }]
      : [];
  });
};

/**
 * The inviting admin countersigns a new person's enrol statement: the statement, now signed by
 * both, enters the directory and the log, and the person becomes active.
 */
export const endorseEnrolment = async (
  context: ServerContext,
  directory: KeyDirectory,
  admin: Caller,
  personId: string,
  endorsement: { keyId: string; signature: string },
) => {
  const result = await context.database.transaction(async (tx) => {
    const person = await lockPerson(tx, personId);
    const [pending] = await tx.select().from(pendingEnrolments).where(eq(pendingEnrolments.personId, personId));
    if (!person || !pending || person.status !== 'pending') {
      throw new ProblemError('notFound', 'No enrolment of this person awaits endorsement');
    }
    if (pending.signed.statement.authority !== admin.personId) {
      throw new ProblemError('forbidden', 'Only the admin who invited this person can endorse their keys');
    }
    const signed = {
      ...pending.signed,
      signatures: [...pending.signed.signatures, { signer: admin.personId, ...endorsement }],
    };
    const appended = await directory.append(tx, signed);
    await tx.delete(pendingEnrolments).where(eq(pendingEnrolments.personId, personId));
    await tx.update(people).set({ status: 'active' }).where(eq(people.id, personId));
    return appended;
  });
  context.logger.info({ event: 'person.endorsed', person: personId, by: admin.personId }, 'enrolment endorsed');
  return result.record;
};
