/**
 * The rules a key statement must satisfy against the directory so far.
 * Spec: docs/PROTOCOL.md#7-key-directory-statements
 */
import { keyStatementHash } from '../crypto/key-statement';
import { SignedKeyStatement } from '../schemas/key-statement';
import type { DirectoryView } from './directory-view';
import type { KeyRecord } from './key-record';
import { legacyStatementProblem } from './legacy-rules';
import { partyStatementProblem } from './party-rules';
import { signerKeyProblem } from './statement-signatures';

export type { DirectoryView } from './directory-view';

/** A statement that passed, with its hash and the key it ends (rotation, revocation); or why not. */
export type StatementCheck =
  | { readonly ok: true; readonly signed: SignedKeyStatement; readonly hash: string; readonly ended?: KeyRecord }
  | { readonly ok: false; readonly reason: string };

/**
 * Checks a statement (parsed with the schema first: `input` may be anything) against the
 * directory as it stands; nothing is changed. `isLegacy` says the statement sits below the
 * deployment's legacy boundary (§7.8) and is judged by the rules of its time. On success, also
 * returns the key it ends.
 */
export const checkStatement = (directory: DirectoryView, input: unknown, isLegacy = false): StatementCheck => {
  const parsed = SignedKeyStatement.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `malformed statement: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'schema'}` };
  }
  const signed = parsed.data;
  const { statement, signatures } = signed;
  const problem =
    signerKeyProblem(directory, signatures) ??
    (isLegacy ? legacyStatementProblem : partyStatementProblem)(directory, statement, signatures);
  if (problem) {
    return { ok: false, reason: problem };
  }
  const hash = keyStatementHash(signed);
  const ended =
    statement.kind === 'rotate' || statement.kind === 'revoke' ? directory.currentKey(statement.person) : undefined;
  return ended ? { ok: true, signed, hash, ended } : { ok: true, signed, hash };
};
