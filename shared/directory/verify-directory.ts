/**
 * Re-verification of a whole key directory from its first statement.
 * Spec: docs/PROTOCOL.md#7-key-directory-statements
 */
import { keyStatementHash } from '../crypto/key-statement';
import type { SignedKeyStatement } from '../schemas/key-statement';
import { type DirectoryOptions, type DirectoryState, emptyDirectory } from './directory-state';

/** A refused statement: where it sits in the log, its hash (when it has one) and why. */
export type DirectoryFailure = { readonly position: number; readonly statementHash: string; readonly reason: string };

const hashOrPlaceholder = (signed: SignedKeyStatement): string => {
  try {
    return keyStatementHash(signed);
  } catch {
    return '(unhashable)';
  }
};

/**
 * Folds {@link applyKeyStatement}'s rules over `items` in the order given (their log order,
 * positions strictly increasing). Every refused statement is reported with its hash and reason,
 * is not applied, and checking goes on with the next, so one bad statement is named without
 * hiding the rest. Input items are not modified; the returned state is new.
 */
export const verifyKeyDirectory = (
  items: readonly { readonly signed: SignedKeyStatement; readonly position: number }[],
  options: DirectoryOptions = {},
): { readonly state: DirectoryState; readonly failures: DirectoryFailure[] } => {
  const state = emptyDirectory(options);
  const failures: DirectoryFailure[] = [];
  for (const { signed, position } of items) {
    const applied = state.apply(signed, position);
    if (!applied.ok) {
      failures.push({ position, statementHash: hashOrPlaceholder(signed), reason: applied.reason });
    }
  }
  return { state, failures };
};
