import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { pendingEnrolments, people } from '../../db/schema/index';
import type { PersonView } from '../../shared/schemas/identity';
import type { SignedKeyStatement } from '../../shared/schemas/key-statement';
import type { Caller } from '../auth/caller';
import { endAllSessions } from '../auth/sessions';
import type { ServerContext } from '../context';
import { ProblemError } from '../problems';
import { withdrawOpenInvitations } from './invitations';
import type { KeyDirectory } from './key-directory';
import { findPerson, lockPerson } from './people';
import { currentKeyOf } from './person-keys';

/**
 * What revoking someone does besides the directory statement, however the revocation arrives (an
 * admin's, or the person's own key statement): marks them revoked, ends their sessions and
 * withdraws the invitations they sent, whose endorsement would no longer count.
 */
export const markRevoked = async (context: ServerContext, tx: Tx, personId: string): Promise<void> => {
  await tx.update(people).set({ status: 'revoked', revokedAt: context.now() }).where(eq(people.id, personId));
  await endAllSessions(context, tx, personId);
  await withdrawOpenInvitations(context, tx, personId);
};

/**
 * Revokes a person: ends their sessions at once and, when they hold a key in the directory,
 * publishes the admin-signed revocation of it. Past entries stay verifiable; new ones are refused.
 */
export const revokePerson = async (
  context: ServerContext,
  directory: KeyDirectory,
  admin: Caller,
  personId: string,
  statement: SignedKeyStatement | undefined,
): Promise<PersonView> => {
  if (personId === admin.personId) {
    throw new ProblemError('conflict', 'Admins cannot revoke themselves here; another admin can');
  }
  await context.database.transaction(async (tx) => {
    const person = await lockPerson(tx, personId);
    if (!person) {
      throw new ProblemError('notFound', 'No such person');
    }
    if (person.partyId !== admin.partyId) {
      throw new ProblemError('forbidden', "Only the admins of a person's own party revoke them");
    }
    if (person.status === 'revoked') {
      throw new ProblemError('conflict', 'This person is already revoked');
    }
    const published = person.status === 'active' ? await currentKeyOf(tx, personId) : null;
    if (published) {
      if (statement?.statement.kind !== 'revoke' || statement.statement.person !== personId) {
        throw new ProblemError(
          'statementRejected',
          'Revoking a person with a published key needs a signed revocation of that key',
        );
      }
      if (statement.statement.authority !== admin.personId) {
        throw new ProblemError('statementRejected', 'The revocation must be signed by you as the authority');
      }
      await directory.append(tx, statement);
    } else {
      await tx.delete(pendingEnrolments).where(eq(pendingEnrolments.personId, personId));
    }
    await markRevoked(context, tx, personId);
  });
  context.logger.info({ event: 'person.revoked', person: personId, by: admin.personId }, 'person revoked');
  const view = await findPerson(context.database.db, personId);
  if (!view) {
    throw new Error('revoked person vanished');
  }
  return view;
};
