/** Checks shared by the proof verifiers on hashes that arrive from outside. */
import { equalBytes } from '../encoding/bytes';
import { type Hash, isHash } from './merkle';

/**
 * The name of the first value that is not a 32-byte hash: one of `named`'s keys, or `proof[i]`.
 * Undefined when all are well formed.
 */
export const findWrongLength = (
  named: Readonly<Record<string, unknown>>,
  proof: readonly unknown[],
): string | undefined => {
  const badName = Object.keys(named).find((name) => !isHash(named[name]));
  if (badName !== undefined) {
    return badName;
  }
  const badIndex = proof.findIndex((element) => !isHash(element));
  return badIndex === -1 ? undefined : `proof[${badIndex}]`;
};

/** Byte-wise equality of two hashes (not constant-time: roots and proofs are public). */
export const equalHashes = (a: Hash, b: Hash): boolean => equalBytes(a, b);
