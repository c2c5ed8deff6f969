/**
 * The rules of statements recorded before a deployment adopted party roots (log positions below
 * its legacy boundary): any admin could endorse or revoke anyone, and the operator could bootstrap
 * admins into any party. They are kept so that an upgraded deployment's history still verifies;
 * what they allowed is judged afterwards by `partyEndorsed` (key-record.ts), never trusted.
 * Spec: docs/PROTOCOL.md#78-upgraded-deployments
 */
import type { KeyStatement, StatementSignature } from '../schemas/key-statement';
import type { DirectoryView } from './directory-view';
import { chainStartProblem, freshKeyProblem, successorProblem } from './shared-rules';
import { adminSigner, newKeyOf, requiredSignaturesProblem, signerOf } from './statement-signatures';

const enrolProblem = (directory: DirectoryView, statement: KeyStatement, signatures: readonly StatementSignature[]) => {
  const start = chainStartProblem(directory, statement);
  if (start) {
    return start;
  }
  const own = newKeyOf(statement);
  if (statement.authority === 'bootstrap') {
    if (statement.role !== 'admin' || statement.invitation === '') {
      return 'only an admin with an operator invitation may be bootstrapped (role admin, non-empty invitation)';
    }
    return freshKeyProblem(directory, statement) ?? requiredSignaturesProblem(statement, signatures, [own]);
  }
  if (statement.authority === '') {
    return 'an enrolment names its authority: the endorsing admin, or bootstrap';
  }
  if (statement.authority === statement.person) {
    return 'a person cannot endorse their own enrolment';
  }
  const admin = adminSigner(directory, statement.authority);
  if (typeof admin === 'string') {
    return admin;
  }
  return freshKeyProblem(directory, statement) ?? requiredSignaturesProblem(statement, signatures, [own, admin]);
};

const rotateProblem = (
  directory: DirectoryView,
  statement: KeyStatement,
  signatures: readonly StatementSignature[],
) => {
  const current = successorProblem(directory, statement);
  if (typeof current === 'string') {
    return current;
  }
  if (statement.authority !== '') {
    return 'a rotation names no authority: the person rotates their own key';
  }
  return (
    freshKeyProblem(directory, statement) ??
    requiredSignaturesProblem(statement, signatures, [signerOf(current), newKeyOf(statement)])
  );
};

const revokeProblem = (
  directory: DirectoryView,
  statement: KeyStatement,
  signatures: readonly StatementSignature[],
) => {
  const current = successorProblem(directory, statement);
  if (typeof current === 'string') {
    return current;
  }
  const { keyId, signKey, boxKey } = statement;
  if (keyId !== current.keyId || signKey !== current.signKey || boxKey !== current.boxKey) {
    return `a revocation names the person's current key ${current.keyId} and its public keys`;
  }
  if (statement.authority === '') {
    return requiredSignaturesProblem(statement, signatures, [signerOf(current)]);
  }
  if (statement.authority === 'bootstrap' || statement.authority === statement.person) {
    return 'a revocation names an admin as authority, or none when the person revokes their own key';
  }
  const admin = adminSigner(directory, statement.authority);
  return typeof admin === 'string' ? admin : requiredSignaturesProblem(statement, signatures, [admin]);
};

/** Why a statement at a legacy position breaks the rules of its time; null when it does not. */
export const legacyStatementProblem = (
  directory: DirectoryView,
  statement: KeyStatement,
  signatures: readonly StatementSignature[],
): string | null => {
  switch (statement.kind) {
    case 'enrol':
      return enrolProblem(directory, statement, signatures);
    case 'rotate':
      return rotateProblem(directory, statement, signatures);
    case 'revoke':
      return revokeProblem(directory, statement, signatures);
    default:
      return `a ${statement.kind} statement did not exist before party roots: it cannot sit below the legacy boundary`;
  }
};
