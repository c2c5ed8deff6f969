/**
 * Step 6c of bundle verification (docs/AUDIT-BUNDLE.md §4): the `key-statements <n>` line a
 * checkpoint may carry (PROTOCOL.md §9.1). With it, a bundle proves its key directory complete
 * without the leaf list: n statements, each proven at its own leaf under the anchor, are all the
 * statements the log holds. And a log that signs a wrong count is caught wherever the bundle shows
 * more statement leaves below a checkpoint than it counts, or (its statement leaves all known)
 * any other number.
 */
import type { Checkpoint } from '../log/checkpoint';
import type { Fail } from './failures';

/**
 * Checks every verified checkpoint that counts its key statements against the proven statements
 * (`provenLeaves`) and, when the leaf list verified, every statement leaf of the log
 * (`listedLeaves`). Returns whether the anchor's count proves the directory complete.
 */
export const verifyStatementCount = (
  verified: readonly (Checkpoint | null)[],
  anchor: Checkpoint | null,
  provenLeaves: ReadonlySet<number>,
  listedLeaves: readonly number[] | undefined,
  fail: Fail,
): boolean => {
  const counted = anchor?.keyStatements;
  if (anchor === null || counted === undefined) {
    return false;
  }
  const isComplete = provenLeaves.size === counted;
  if (listedLeaves === undefined && provenLeaves.size < counted) {
    fail(
      'statements',
      `checkpoint ${anchor.treeSize} counts ${counted} key statements but the bundle proves ${provenLeaves.size}: ` +
        `${counted - provenLeaves.size} are left out, so the key directory is incomplete`,
    );
  }
  // Every statement leaf, once known: from the leaf list, or the proven ones when they are all.
  const known = listedLeaves ?? (isComplete ? [...provenLeaves] : undefined);
  for (const checkpoint of verified) {
    if (checkpoint?.keyStatements === undefined) {
      continue;
    }
    const below = (leaves: Iterable<number>) => [...leaves].filter((index) => index < checkpoint.treeSize).length;
    const proven = below(provenLeaves);
    const held = known === undefined ? undefined : below(known);
    if (held !== undefined ? held !== checkpoint.keyStatements : proven > checkpoint.keyStatements) {
      fail(
        `checkpoint ${checkpoint.treeSize}`,
        `counts ${checkpoint.keyStatements} key statements, but its tree holds ${held ?? `at least ${proven}`}: the log signed a wrong count`,
      );
    }
  }
  return isComplete;
};
