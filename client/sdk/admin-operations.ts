import { keyRoutes, partyRoutes } from '../../shared/api/identity';
import { deriveKeyId } from '../../shared/crypto/identity-keys';
import { type StatementSigner, signKeyStatement, verifyStatementSignature } from '../../shared/crypto/key-statement';
import type { DirectoryState } from '../../shared/directory/index';
import { fromBase64url } from '../../shared/encoding/bytes';
import type { PersonView } from '../../shared/schemas/identity';
import type { SignedKeyStatement } from '../../shared/schemas/key-statement';
import { revokeStatement, signStatement } from './key-statements';
import type { ParleyHttp } from './parley-http';

/** Thrown when a pending enrolment is not one this admin should countersign. */
export class EndorsementRefusedError extends Error {
  constructor(personId: string, reason: string) {
    super(`Will not endorse ${personId}: ${reason}`);
    this.name = 'EndorsementRefusedError';
  }
}

/** Why a pending enrol statement must not be endorsed by `admin`, or null when it may be. */
const findEnrolmentProblem = (signed: SignedKeyStatement, personId: string, admin: string): string | null => {
  const { statement, signatures } = signed;
  const [own] = signatures;
  if (statement.kind !== 'enrol' || statement.person !== personId) {
    return 'the pending statement is not their enrolment';
  }
  if (statement.authority !== admin && !signatures.some((signature) => signature.signer === statement.authority)) {
    return `it names ${statement.authority} as the endorsing admin, who has not endorsed it yet`;
  }
  const keyId = deriveKeyId(fromBase64url(statement.signKey) as never, fromBase64url(statement.boxKey) as never);
  if (keyId !== statement.keyId) {
    return 'its key id is not derived from its keys';
  }
  if (
    !own ||
    own.signer !== personId ||
    own.keyId !== keyId ||
    !verifyStatementSignature(statement, own, fromBase64url(statement.signKey))
  ) {
    return "it does not carry the new key's own valid signature first";
  }
  return null;
};

/**
 * Countersigns a pending enrolment into this admin's party: checks the subject's own signature,
 * then signs the very statement the subject signed (same canonical bytes) with the admin's current
 * key. The inviting admin (the statement's authority) signs first; with a party threshold above
 * one, other admins of the party add theirs until it is published.
 *
 * @throws {EndorsementRefusedError} when nothing is pending for the person or the statement is wrong.
 */
export const endorseEnrolment = async (http: ParleyHttp, admin: StatementSigner, personId: string) => {
  const { pending } = await http.api(keyRoutes.listPendingEnrolments);
  const enrolment = pending.find((candidate) => candidate.person.id === personId);
  if (!enrolment) {
    throw new EndorsementRefusedError(personId, 'no enrolment of theirs awaits endorsement');
  }
  const problem = findEnrolmentProblem(enrolment.signed, personId, admin.person);
  if (problem) {
    throw new EndorsementRefusedError(personId, problem);
  }
  const { keyId, signature } = signKeyStatement(enrolment.signed.statement, admin);
  return http.api(keyRoutes.endorseEnrolment, { params: { personId }, body: { keyId, signature } });
};

/**
 * Revokes a person as an admin. A person with a published key gets a `revoke` statement of that
 * key (read from the verified directory) signed by the admin as authority; a pending person
 * needs none.
 */
export const revokePerson = async (
  http: ParleyHttp,
  directory: DirectoryState,
  admin: StatementSigner,
  personId: string,
): Promise<PersonView> => {
  const current = directory.currentKey(personId);
  const head = directory.headOf(personId);
  const statement = current && head ? signStatement(revokeStatement(current, head, admin.person), admin) : undefined;
  return http.api(partyRoutes.revokePerson, { params: { personId }, body: statement ? { statement } : {} });
};
