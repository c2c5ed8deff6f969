/**
 * The rules a key statement must satisfy against the directory so far.
 * Spec: docs/PROTOCOL.md#7-key-directory-statements
 */
import { type BoxPublicKey, deriveKeyId, type SignPublicKey } from '../crypto/identity-keys';
import { keyStatementHash } from '../crypto/key-statement';
import { fromBase64url } from '../encoding/bytes';
import { type KeyStatement, SignedKeyStatement, type StatementSignature } from '../schemas/key-statement';
import type { ChainHead, KeyRecord } from './key-record';
import { adminSigner, newKeyOf, requiredSignaturesProblem, signerKeyProblem, signerOf } from './statement-signatures';

/** What the rules read from the directory. */
export type DirectoryView = {
  keyRecord(keyId: string): KeyRecord | undefined;
  keyWithPublicKey(publicKey: string): KeyRecord | undefined;
  currentKey(person: string): KeyRecord | undefined;
  headOf(person: string): ChainHead | undefined;
};

/** A statement that passed, with its hash and the key it ends (rotation, revocation); or why not. */
export type StatementCheck =
  | { readonly ok: true; readonly signed: SignedKeyStatement; readonly hash: string; readonly ended?: KeyRecord }
  | { readonly ok: false; readonly reason: string };

/**
 * The published key id must be derived from the keys (§2), and the key id and both public keys
 * new to the whole directory: a box key has no proof of possession, so without this anyone could
 * publish someone else's box key as their own.
 */
const freshKeyProblem = (directory: DirectoryView, statement: KeyStatement): string | null => {
  const derived = deriveKeyId(
    fromBase64url(statement.signKey) as SignPublicKey,
    fromBase64url(statement.boxKey) as BoxPublicKey,
  );
  if (derived !== statement.keyId) {
    return `the key id is not derived from the keys (expected ${derived})`;
  }
  const used =
    directory.keyRecord(statement.keyId) ??
    directory.keyWithPublicKey(statement.signKey) ??
    directory.keyWithPublicKey(statement.boxKey);
  return used ? `a key of ${statement.keyId} is already in the directory (key ${used.keyId} of ${used.person})` : null;
};

const enrolProblem = (directory: DirectoryView, statement: KeyStatement, signatures: readonly StatementSignature[]) => {
  if (directory.headOf(statement.person)) {
    return `person ${statement.person} is already enrolled: an enrolment starts a new person`;
  }
  if (statement.seq !== 1 || statement.prevHash !== '') {
    return 'an enrolment starts the chain: seq 1 and an empty prevHash';
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

/** Chain, party, role and authority rules a rotation or revocation shares; the current key if they hold. */
const successorProblem = (directory: DirectoryView, statement: KeyStatement): KeyRecord | string => {
  const head = directory.headOf(statement.person);
  const current = directory.currentKey(statement.person);
  if (!head || !current) {
    return head
      ? `person ${statement.person} has no current key: after a revocation they must be invited again`
      : `person ${statement.person} is not enrolled`;
  }
  if (statement.seq !== head.seq + 1 || statement.prevHash !== head.hash) {
    return `the statement does not extend the person's chain: expected seq ${head.seq + 1} and prevHash ${head.hash}`;
  }
  if (statement.party !== current.party || statement.role !== current.role) {
    return `party and role cannot change (${current.party}, ${current.role})`;
  }
  return statement.invitation === '' ? current : `a ${statement.kind} redeems no invitation: it must be empty`;
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

const RULES = { enrol: enrolProblem, rotate: rotateProblem, revoke: revokeProblem } as const;

/**
 * Checks a statement (parsed with the schema first: `input` may be anything) against the
 * directory as it stands; nothing is changed. On success, also returns the key it ends.
 */
export const checkStatement = (directory: DirectoryView, input: unknown): StatementCheck => {
  const parsed = SignedKeyStatement.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `malformed statement: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'schema'}` };
  }
  const signed = parsed.data;
  const { statement, signatures } = signed;
  const problem = signerKeyProblem(directory, signatures) ?? RULES[statement.kind](directory, statement, signatures);
  if (problem) {
    return { ok: false, reason: problem };
  }
  const hash = keyStatementHash(signed);
  const ended = statement.kind === 'enrol' ? undefined : directory.currentKey(statement.person);
  return ended ? { ok: true, signed, hash, ended } : { ok: true, signed, hash };
};
