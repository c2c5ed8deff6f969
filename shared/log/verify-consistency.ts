/**
 * Consistency proof verification, RFC 9162 §2.1.4.2, with the strict edge rules of
 * transparency-dev/merkle: size1 = 0 never verifies, equal sizes need an empty proof and equal
 * roots, every hash is exactly 32 bytes and the proof has exactly the length the shape needs.
 */
import { equalHashes, findWrongLength } from './hash-checks';
import { HASH_SIZE, type Hash, hashChildren, type ProofCheck } from './merkle';
import { consistencyProofLength, half, isOdd, isPowerOfTwo, isTreeIndex } from './tree-math';

const fail = (reason: string): ProofCheck => ({ ok: false, reason });

const checkShape = (size1: number, size2: number, proof: readonly Hash[], root1: Hash, root2: Hash): ProofCheck => {
  if (!isTreeIndex(size1)) {
    return fail(`size1 ${String(size1)} is not a safe non-negative integer`);
  }
  if (!isTreeIndex(size2)) {
    return fail(`size2 ${String(size2)} is not a safe non-negative integer`);
  }
  // Every tree extends the empty tree, so a proof from size 0 proves nothing: refuse it rather
  // than let a caller believe it checked something.
  if (size1 === 0) {
    return fail('size1 is 0: there is no earlier tree to be consistent with');
  }
  if (size1 > size2) {
    return fail(`size1 ${size1} is larger than size2 ${size2}`);
  }
  const wrongLength = findWrongLength({ root1, root2 }, proof);
  if (wrongLength !== undefined) {
    return fail(`${wrongLength} is not ${HASH_SIZE} bytes`);
  }
  if (size1 === size2) {
    if (proof.length !== 0) {
      return fail(`proof between equal sizes must be empty, got ${proof.length} hashes`);
    }
    return equalHashes(root1, root2) ? { ok: true } : fail('sizes are equal but the roots differ');
  }
  if (proof.length === 0) {
    return fail(`proof from size ${size1} to size ${size2} is empty`);
  }
  const expected = consistencyProofLength(size1, size2);
  if (proof.length !== expected) {
    return fail(`proof has ${proof.length} hashes; size ${size1} to size ${size2} needs ${expected}`);
  }
  return { ok: true };
};

/**
 * Checks that `proof` (RFC 6962 PROOF(size1, D[size2]) order) proves that the tree of `size1`
 * leaves with root `root1` is a prefix of the tree of `size2` leaves with root `root2`, and
 * says why not.
 */
export const checkConsistency = (
  size1: number,
  size2: number,
  proof: readonly Hash[],
  root1: Hash,
  root2: Hash,
): ProofCheck => {
  const shape = checkShape(size1, size2, proof, root1, root2);
  if (!shape.ok || size1 === size2) {
    return shape;
  }
  // RFC 9162 §2.1.4.2 steps 2-7.
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : proof;
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0] as Hash;
  let sr = fr;
  for (const c of path.slice(1)) {
    if (sn === 0) {
      return fail('proof is longer than the path to the new root');
    }
    if (isOdd(fn) || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) {
    return fail('proof is shorter than the path to the new root');
  }
  if (!equalHashes(fr, root1)) {
    return fail('proof does not lead to root1');
  }
  return equalHashes(sr, root2) ? { ok: true } : fail('proof does not lead to root2');
};

/** True when {@link checkConsistency} accepts the proof. */
export const verifyConsistency = (
  size1: number,
  size2: number,
  proof: readonly Hash[],
  root1: Hash,
  root2: Hash,
): boolean => checkConsistency(size1, size2, proof, root1, root2).ok;
