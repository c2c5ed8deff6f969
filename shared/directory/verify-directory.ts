import { keyStatementHash } from '../crypto/key-statement';
import type { SignedKeyStatement } from '../schemas/key-statement';
import { type DirectoryState, emptyDirectory } from './directory-state';

export type DirectoryFailure = { readonly position: number; readonly statementHash: string; readonly reason: string };

/**
 * Re-verifies a whole directory from its first statement, in log order. Every refused statement
 * is named with its reason; refused statements are not applied, and checking goes on.
 */
export const verifyKeyDirectory = (
  items: readonly { readonly signed: SignedKeyStatement; readonly position: number }[],
): { readonly state: DirectoryState; readonly failures: DirectoryFailure[] } => {
  const state = emptyDirectory();
  const failures: DirectoryFailure[] = [];
  for (const { signed, position } of items) {
    const applied = state.apply(signed, position);
    if (!applied.ok) {
      let statementHash = '';
      try {
        statementHash = keyStatementHash(signed);
      } catch {
        statementHash = '(unhashable)';
      }
      failures.push({ position, statementHash, reason: applied.reason });
    }
  }
  return { state, failures };
};
