/**
 * Inclusion proof verification, RFC 9162 §2.1.3.2, with the strict edge rules of
 * transparency-dev/merkle: every hash is exactly 32 bytes and the proof has exactly the length
 * the tree shape needs.
 */
import { equalHashes, findWrongLength } from './hash-checks';
import { HASH_SIZE, type Hash, hashChildren, type ProofCheck } from './merkle';
import { half, inclusionProofLength, isOdd, isTreeIndex } from './tree-math';

const fail = (reason: string): ProofCheck => ({ ok: false, reason });

/**
 * Checks that `proof` (RFC 6962 PATH, sibling nearest the leaf first) proves that `leafHash` is
 * leaf `leafIndex` of the tree of `treeSize` leaves whose root is `root`, and says why not.
 */
export const checkInclusion = (
  leafIndex: number,
  treeSize: number,
  leafHash: Hash,
  proof: readonly Hash[],
  root: Hash,
): ProofCheck => {
  if (!isTreeIndex(leafIndex)) {
    return fail(`leaf index ${String(leafIndex)} is not a safe non-negative integer`);
  }
  if (!isTreeIndex(treeSize)) {
    return fail(`tree size ${String(treeSize)} is not a safe non-negative integer`);
  }
  if (leafIndex >= treeSize) {
    return fail(`leaf index ${leafIndex} is not in a tree of size ${treeSize}`);
  }
  const wrongLength = findWrongLength({ 'leaf hash': leafHash, root }, proof);
  if (wrongLength !== undefined) {
    return fail(`${wrongLength} is not ${HASH_SIZE} bytes`);
  }
  const expected = inclusionProofLength(leafIndex, treeSize);
  if (proof.length !== expected) {
    return fail(`proof has ${proof.length} hashes; leaf ${leafIndex} of a tree of size ${treeSize} needs ${expected}`);
  }
  // RFC 9162 §2.1.3.2 steps 2-5.
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) {
      return fail('proof is longer than the path to the root');
    }
    if (isOdd(fn) || fn === sn) {
      r = hashChildren(p, r);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) {
    return fail('proof is shorter than the path to the root');
  }
  return equalHashes(r, root) ? { ok: true } : fail('proof does not lead to the root');
};

/** True when {@link checkInclusion} accepts the proof. */
export const verifyInclusion = (
  leafIndex: number,
  treeSize: number,
  leafHash: Hash,
  proof: readonly Hash[],
  root: Hash,
): boolean => checkInclusion(leafIndex, treeSize, leafHash, proof, root).ok;
