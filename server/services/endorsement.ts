import { eq } from 'drizzle-orm';
import { pendingEnrolments, people } from '../../db/schema/index';
import { verifyStatementSignature } from '../../shared/crypto/key-statement';
import { fromBase64url } from '../../shared/encoding/bytes';
import type { SignedKeyStatement } from '../../shared/schemas/key-statement';
import type { Caller } from '../auth/caller';
import type { ServerContext } from '../context';
import { ProblemError } from '../problems';
import type { KeyDirectory } from './key-directory';
import { listPeople, lockPerson } from './people';

/** Enrolments into the admin's own party awaiting endorsement, each with the admin who must endorse first. */
export const listPendingEnrolments = async (context: ServerContext, admin: Caller) => {
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
    return person && person.status === 'pending' && person.party.id === admin.partyId
      ? [{ person, signed: row.signed, invitedBy: authority === 'bootstrap' || authority === '' ? null : authority }]
      : [];
  });
};

/** Why this admin's signature cannot be added to a pending enrolment now; null when it can. */
const endorsementProblem = (pending: SignedKeyStatement, admin: Caller, keyId: string) => {
  const { statement, signatures } = pending;
  if (signatures.some((signature) => signature.signer === admin.personId)) {
    return new ProblemError('conflict', 'You have already endorsed this enrolment');
  }
  const isAuthority = statement.authority === admin.personId;
  const hasAuthority = signatures.some((signature) => signature.signer === statement.authority);
  if (!isAuthority && !hasAuthority) {
    return new ProblemError(
      'forbidden',
      'The admin who invited this person endorses first; other admins add theirs after',
    );
  }
  return signatures.some((signature) => signature.keyId === keyId)
    ? new ProblemError('conflict', 'This key has already signed the enrolment')
    : null;
};

/**
 * An admin of the new person's party countersigns their enrol statement. Once as many admins as
 * the party's threshold have signed (the inviting admin first), the statement enters the directory
 * and the log and the person becomes active; until then the signature is kept with the pending
 * enrolment. Admins of other parties are refused: only a party's own admins enrol its people.
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
    if (person.partyId !== admin.partyId) {
      throw new ProblemError('forbidden', "Only the admins of a person's own party endorse their keys");
    }
    const refused = endorsementProblem(pending.signed, admin, endorsement.keyId);
    if (refused) {
      throw refused;
    }
    const state = await directory.state(tx);
    const key = state.currentKey(admin.personId);
    const statement = pending.signed.statement;
    if (!key || key.keyId !== endorsement.keyId) {
      throw new ProblemError('statementRejected', 'Endorse with your current key');
    }
    if (!verifyStatementSignature(statement, { signer: admin.personId, ...endorsement }, fromBase64url(key.signKey))) {
      throw new ProblemError('statementRejected', 'The endorsement signature does not verify under your current key');
    }
    const signed = {
      ...pending.signed,
      signatures: [...pending.signed.signatures, { signer: admin.personId, ...endorsement }],
    };
    const required = state.partyRecord(statement.party)?.threshold ?? 1;
    const signatures = signed.signatures.length - 1;
    if (signatures < required) {
      await tx.update(pendingEnrolments).set({ signed }).where(eq(pendingEnrolments.personId, personId));
      return { published: null, signatures, required };
    }
    const appended = await directory.append(tx, signed);
    await tx.delete(pendingEnrolments).where(eq(pendingEnrolments.personId, personId));
    await tx.update(people).set({ status: 'active' }).where(eq(people.id, personId));
    return { published: appended.record, signatures, required };
  });
  context.logger.info(
    { event: result.published ? 'person.endorsed' : 'person.endorsement-added', person: personId, by: admin.personId },
    'enrolment endorsed',
  );
  return result;
};
