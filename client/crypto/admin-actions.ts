/**
 * What an admin signs: the endorsement of a pending enrolment into their own party (the very
 * statement the new person signed; the inviting admin first, then others of the party up to its
 * threshold) and the revocation of a person's current key.
 */
import { API } from '../../shared/api/index';
import type { RouteOutput } from '../../shared/api/route';
import { deriveKeyId } from '../../shared/crypto/identity-keys';
import { signKeyStatement, verifyStatementSignature } from '../../shared/crypto/key-statement';
import type { DirectoryState } from '../../shared/directory/index';
import { fromBase64url } from '../../shared/encoding/bytes';
import type { PersonView } from '../../shared/schemas/identity';
import type { SignedKeyStatement } from '../../shared/schemas/key-statement';
import { api } from '../api/transport';
import { withKey } from './keyring-store';
import { adminRevokeStatement } from './statements';

/**
 * Why this admin must not countersign the pending statement, or null when it is sound: it must be
 * the person's enrolment into the admin's own party, carry the new key's own valid signature first,
 * and be signed by the inviting admin (its authority) before any other admin of the party.
 */
export const endorsementProblem = (
  signed: SignedKeyStatement,
  personId: string,
  admin: { id: string; party: string },
): string | null => {
  const { statement, signatures } = signed;
  const [own] = signatures;
  if (statement.kind !== 'enrol' || statement.person !== personId) {
    return 'The pending statement is not their enrolment';
  }
  if (statement.party !== admin.party) {
    return "It enrols them into another party: only that party's own admins endorse them";
  }
  if (signatures.some((signature) => signature.signer === admin.id)) {
    return 'You have already signed it';
  }
  if (statement.authority !== admin.id && !signatures.some((signature) => signature.signer === statement.authority)) {
    return 'The admin who invited them signs first; other admins of the party add theirs after';
  }
  const signKey = fromBase64url(statement.signKey);
  if (deriveKeyId(signKey as never, fromBase64url(statement.boxKey) as never) !== statement.keyId) {
    return 'Its key id is not derived from its keys';
  }
  if (
    !own ||
    own.signer !== personId ||
    own.keyId !== statement.keyId ||
    !verifyStatementSignature(statement, own, signKey)
  ) {
    return "It does not carry the new key's own valid signature first";
  }
  return null;
};

const adminKeyId = (directory: DirectoryState, adminId: string): string => {
  const key = directory.currentKey(adminId);
  if (!key) {
    throw new Error('You have no current key in the directory');
  }
  return key.keyId;
};

/**
 * Countersigns a pending enrolment with the admin's current key, after checking it; answers how
 * many of the party's admins have signed and how many its threshold requires (published once met).
 */
export const endorseEnrolment = async (
  directory: DirectoryState,
  adminId: string,
  pending: { person: PersonView; signed: SignedKeyStatement },
): Promise<RouteOutput<typeof API.endorseEnrolment>> => {
  const party = directory.currentKey(adminId)?.party ?? '';
  const problem = endorsementProblem(pending.signed, pending.person.id, { id: adminId, party });
  if (problem) {
    throw new Error(`Will not endorse ${pending.person.name}: ${problem}`);
  }
  const keyId = adminKeyId(directory, adminId);
  const { signature } = withKey(adminId, keyId, (key) =>
    signKeyStatement(pending.signed.statement, { person: adminId, keyId, signSecretKey: key.signSecretKey }),
  );
  return api(API.endorseEnrolment, { params: { personId: pending.person.id }, body: { keyId, signature } });
};

/**
 * Revokes a person. One with a published key gets a `revoke` statement of that key, read from the
 * verified directory, signed by the admin as authority; a pending person needs none.
 */
export const revokePerson = async (directory: DirectoryState, adminId: string, personId: string) => {
  const current = directory.currentKey(personId);
  const head = directory.headOf(personId);
  if (!current || !head) {
    return api(API.revokePerson, { params: { personId }, body: {} });
  }
  const statement = adminRevokeStatement(current, head, adminId);
  const keyId = adminKeyId(directory, adminId);
  const signature = withKey(adminId, keyId, (key) =>
    signKeyStatement(statement, { person: adminId, keyId, signSecretKey: key.signSecretKey }),
  );
  return api(API.revokePerson, { params: { personId }, body: { statement: { statement, signatures: [signature] } } });
};
