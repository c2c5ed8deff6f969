/**
 * The rules a key statement must satisfy against the directory so far.
 * Spec: docs/PROTOCOL.md#7-key-directory-statements
 */
import { deriveKeyId } from '../crypto/identity-keys';
import { keyStatementHash, verifyStatementSignature } from '../crypto/key-statement';
import { fromBase64url } from '../encoding/bytes';
import { type KeyStatement, SignedKeyStatement, type StatementSignature } from '../schemas/key-statement';
import type { KeyRecord } from './key-record';

/** What the rules need to read from the directory. */
type DirectoryView = {
  keyRecord(keyId: string): KeyRecord | undefined;
  currentKey(person: string): KeyRecord | undefined;
  headOf(person: string): { seq: number; hash: string; currentKeyId: string | null } | undefined;
};

export type StatementCheck =
  | { readonly ok: true; readonly hash: string; readonly ended?: KeyRecord }
  | { readonly ok: false; readonly reason: string };

type Signer = { readonly person: string; readonly keyId: string; readonly signKey: string };

const refuse = (reason: string): StatementCheck => ({ ok: false, reason });

/** The signatures must be exactly those of `required`, each valid; no more, none missing. */
const checkSignatures = (
  statement: KeyStatement,
  signatures: readonly StatementSignature[],
  required: readonly Signer[],
): string | null => {
  if (signatures.length !== required.length) {
    return `expected ${required.length} signature(s), got ${signatures.length}`;
  }
  for (const signer of required) {
    const signature = signatures.find(
      (candidate) => candidate.signer === signer.person && candidate.keyId === signer.keyId,
    );
    if (!signature) {
      return `missing the signature of ${signer.person} with key ${signer.keyId}`;
    }
    if (!verifyStatementSignature(statement, signature, fromBase64url(signer.signKey))) {
      return `the signature of ${signer.person} with key ${signer.keyId} does not verify`;
    }
  }
  return null;
};

/** An admin's current key, for endorsing or revoking; refuses revoked, rotated-away or non-admin keys. */
const adminSigner = (directory: DirectoryView, admin: string): Signer | string => {
  const key = directory.currentKey(admin);
  if (!key) {
    return `authority ${admin} has no current key (unknown, revoked or never published)`;
  }
  if (key.role !== 'admin') {
    return `authority ${admin} is not an admin`;
  }
  return { person: admin, keyId: key.keyId, signKey: key.signKey };
};

const isDerivedFreshKey = (directory: DirectoryView, statement: KeyStatement): string | null => {
  if (
    deriveKeyId(fromBase64url(statement.signKey) as never, fromBase64url(statement.boxKey) as never) !== statement.keyId
  ) {
    return 'the key id is not derived from the keys';
  }
  return directory.keyRecord(statement.keyId) ? 'the key id is already in the directory' : null;
};

const checkEnrol = (directory: DirectoryView, statement: KeyStatement, signatures: readonly StatementSignature[]) => {
  if (directory.headOf(statement.person)) {
    return 'this person is already enrolled';
  }
  if (statement.seq !== 1 || statement.prevHash !== '') {
    return 'an enrolment starts the chain: seq 1 and no previous hash';
  }
  const fresh = isDerivedFreshKey(directory, statement);
  if (fresh) {
    return fresh;
  }
  const own: Signer = { person: statement.person, keyId: statement.keyId, signKey: statement.signKey };
  if (statement.authority === 'bootstrap') {
    if (statement.role !== 'admin' || statement.invitation === '') {
      return 'only an admin invited by the operator may enrol without endorsement';
    }
    return checkSignatures(statement, signatures, [own]);
  }
  if (statement.authority === '' || statement.authority === statement.person) {
    return 'an enrolment is endorsed by the inviting admin';
  }
  const admin = adminSigner(directory, statement.authority);
  return typeof admin === 'string' ? admin : checkSignatures(statement, signatures, [own, admin]);
};

/** Checks a statement against the directory; on success, the key it ends (rotation, revocation). */
export const checkStatement = (directory: DirectoryView, input: unknown): StatementCheck => {
  const parsed = SignedKeyStatement.safeParse(input);
  if (!parsed.success) {
    return refuse(`malformed statement: ${parsed.error.issues[0]?.message ?? 'schema'}`);
  }
  const { statement, signatures } = parsed.data;
  const signers = signatures.map((signature) => `${signature.signer}/${signature.keyId}`);
  if (new Set(signers).size !== signers.length) {
    return refuse('a signer signs once');
  }
  const hash = keyStatementHash(parsed.data);
  if (statement.kind === 'enrol') {
    const problem = checkEnrol(directory, statement, signatures);
    return problem ? refuse(problem) : { ok: true, hash };
  }
  const head = directory.headOf(statement.person);
  const current = directory.currentKey(statement.person);
  if (!head || !current) {
    return refuse('this person has no current key to rotate or revoke');
  }
  if (statement.seq !== head.seq + 1 || statement.prevHash !== head.hash) {
    return refuse(`the statement does not extend the person's chain (seq ${head.seq + 1} after ${head.hash})`);
  }
  if (statement.party !== current.party || statement.role !== current.role) {
    return refuse('party and role cannot change');
  }
  const previous: Signer = { person: statement.person, keyId: current.keyId, signKey: current.signKey };
  if (statement.kind === 'rotate') {
    const problem =
      (statement.authority !== '' ? 'a rotation names no authority' : null) ??
      isDerivedFreshKey(directory, statement) ??
      checkSignatures(statement, signatures, [
        previous,
        { person: statement.person, keyId: statement.keyId, signKey: statement.signKey },
      ]);
    return problem ? refuse(problem) : { ok: true, hash, ended: current };
  }
  if (
    statement.keyId !== current.keyId ||
    statement.signKey !== current.signKey ||
    statement.boxKey !== current.boxKey
  ) {
    return refuse('a revocation names the current key');
  }
  let problem: string | null;
  if (statement.authority === '') {
    problem = checkSignatures(statement, signatures, [previous]);
  } else if (statement.authority === 'bootstrap' || statement.authority === statement.person) {
    problem = 'a revocation is signed by the person or by an admin';
  } else {
    const admin = adminSigner(directory, statement.authority);
    problem = typeof admin === 'string' ? admin : checkSignatures(statement, signatures, [admin]);
  }
  return problem ? refuse(problem) : { ok: true, hash, ended: current };
};
