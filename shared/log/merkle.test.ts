import { createHash } from 'node:crypto';
import { hex } from '@scure/base';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_ROOT, type Hash, hashChildren, hashLeaf, rootOf } from './merkle';
import { MerkleTree } from './merkle-tree';
import { checkConsistency } from './verify-consistency';
import { checkInclusion } from './verify-inclusion';

// An independent reference, straight from RFC 6962 §2.1 (MTH, PATH, PROOF/SUBPROOF), recursive
// as written there, with node:crypto's SHA-256 rather than @noble/hashes.
const sha256 = (...parts: Uint8Array[]): Uint8Array => {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(part);
  }
  return new Uint8Array(hash.digest());
};
const largestPowerOfTwoBelow = (n: number): number => {
  let k = 1;
  while (k * 2 < n) {
    k *= 2;
  }
  return k;
};

class Reference {
  readonly #memo = new Map<string, Uint8Array>();
  constructor(readonly leaves: readonly Uint8Array[]) {}

  /** MTH(D[a:b]); memoised so that proofs for every (m, n) stay cheap. */
  mth(a: number, b: number): Uint8Array {
    const key = `${a}:${b}`;
    let hash = this.#memo.get(key);
    if (hash === undefined) {
      const n = b - a;
      const k = largestPowerOfTwoBelow(n);
      hash =
        n === 0
          ? sha256()
          : n === 1
            ? sha256(Uint8Array.of(0), this.leaves[a] as Uint8Array)
            : sha256(Uint8Array.of(1), this.mth(a, a + k), this.mth(a + k, b));
      this.#memo.set(key, hash);
    }
    return hash;
  }

  /** PATH(m, D[a:b]), m relative to a. */
  path(m: number, a: number, b: number): Uint8Array[] {
    if (b - a === 1) {
      return [];
    }
    const k = largestPowerOfTwoBelow(b - a);
    return m < k
      ? [...this.path(m, a, a + k), this.mth(a + k, b)]
      : [...this.path(m - k, a + k, b), this.mth(a, a + k)];
  }

  /** SUBPROOF(m, D[a:b], isWhole), m relative to a. */
  subproof(m: number, a: number, b: number, isWhole: boolean): Uint8Array[] {
    if (m === b - a) {
      return isWhole ? [] : [this.mth(a, b)];
    }
    const k = largestPowerOfTwoBelow(b - a);
    return m <= k
      ? [...this.subproof(m, a, a + k, isWhole), this.mth(a + k, b)]
      : [...this.subproof(m - k, a + k, b, false), this.mth(a, a + k)];
  }
}

const MAX_N = 256;
const leafData = Array.from({ length: MAX_N }, (_, i) => Uint8Array.of(i, 0x5a, i ^ 0xff));
const reference = new Reference(leafData);
const leafHashes = leafData.map(hashLeaf);
const tree = new MerkleTree(leafHashes);
const ceilLog2 = (n: number): number => Math.ceil(Math.log2(n));

const flipBit = (proof: readonly Hash[], element: number, bit: number): Hash[] =>
  proof.map((hash, i) => {
    if (i !== element) {
      return hash;
    }
    const copy = hash.slice();
    copy[bit >> 3] = (copy[bit >> 3] as number) ^ (1 << (bit & 7));
    return copy;
  });

const roots = Array.from({ length: MAX_N + 1 }, (_, n) => tree.root(n));
const rootAt = (n: number): Hash => roots[n] as Hash;
const inclusionOk = (i: number, n: number, proof: readonly Hash[]): boolean =>
  checkInclusion(i, n, leafHashes[i] as Hash, proof, rootAt(n)).ok;
const consistencyOk = (m: number, n: number, proof: readonly Hash[]): boolean =>
  checkConsistency(m, n, proof, rootAt(m), rootAt(n)).ok;
const sameHashes = (a: readonly Uint8Array[], b: readonly Uint8Array[]): boolean =>
  a.length === b.length && a.every((hash, i) => hex.encode(hash) === hex.encode(b[i] as Uint8Array));

/** Every (m, n) with 1 ≤ n ≤ 256 and from ≤ m ≤ n - 1 + from: leaf indices (0) or old sizes (1). */
const allPairs = (from: 0 | 1): [number, number][] =>
  Array.from({ length: MAX_N }, (_, n) => n + 1).flatMap((n) =>
    Array.from({ length: n }, (_, m) => [m + from, n] as [number, number]),
  );

/**
 * The ways a correct proof is checked for one pair: it matches the reference and verifies, and
 * it stops verifying when extended, truncated at either end, or with one bit of one element
 * flipped (a different element and bit for each pair; the fast-check properties below cover
 * every element and bit at random). Returns the names of the checks that went wrong.
 */
const findProblems = (
  proof: readonly Hash[],
  expected: readonly Uint8Array[],
  isValid: (proof: readonly Hash[]) => boolean,
  seed: number,
): string[] => {
  const problems: string[] = [];
  if (!sameHashes(proof, expected)) {
    problems.push('differs from the reference');
  }
  if (!isValid(proof)) {
    problems.push('does not verify');
  }
  if (isValid([...proof, expected[0] ?? EMPTY_ROOT])) {
    problems.push('verifies when extended');
  }
  if (proof.length > 0) {
    if (isValid(proof.slice(0, -1)) || isValid(proof.slice(1))) {
      problems.push('verifies when truncated');
    }
    if (isValid(flipBit(proof, seed % proof.length, (seed * 31) % 256))) {
      problems.push('verifies with a bit flipped');
    }
  }
  return problems;
};

describe('Merkle tree against the RFC 6962 reference', () => {
  it('hashes leaves, nodes and the empty tree as the reference does', () => {
    expect(hex.encode(EMPTY_ROOT)).toBe(hex.encode(sha256()));
    expect(hex.encode(hashLeaf(leafData[7] as Uint8Array))).toBe(hex.encode(reference.mth(7, 8)));
    expect(hex.encode(hashChildren(reference.mth(0, 1), reference.mth(1, 2)))).toBe(hex.encode(reference.mth(0, 2)));
  });

  it('gives the reference root for every size up to 256, from leaves and from stored nodes', () => {
    for (let n = 0; n <= MAX_N; n += 1) {
      const expected = hex.encode(reference.mth(0, n));
      expect(hex.encode(rootOf(leafHashes.slice(0, n)))).toBe(expected);
      expect(hex.encode(tree.root(n))).toBe(expected);
    }
  });

  it('gives the reference inclusion proof for every (index, n), n ≤ 256, and only it verifies', () => {
    const failures = allPairs(0).flatMap(([i, n]) => {
      const proof = tree.inclusionProof(i, n);
      const problems = findProblems(proof, reference.path(i, 0, n), (p) => inclusionOk(i, n, p), i + n);
      if (proof.length > ceilLog2(n)) {
        problems.push('is longer than ceil(log2 n)');
      }
      return problems.map((problem) => `inclusion of ${i} in ${n} ${problem}`);
    });
    expect(allPairs(0)).toHaveLength((MAX_N * (MAX_N + 1)) / 2);
    expect(failures).toEqual([]);
  }, 60_000);

  it('gives the reference consistency proof for every (m, n), 1 ≤ m ≤ n ≤ 256, and only it verifies', () => {
    const failures = allPairs(1).flatMap(([m, n]) => {
      const proof = tree.consistencyProof(m, n);
      const problems = findProblems(proof, reference.subproof(m, 0, n, true), (p) => consistencyOk(m, n, p), m + n);
      if (proof.length > ceilLog2(n) + 1) {
        problems.push('is longer than ceil(log2 n) + 1');
      }
      return problems.map((problem) => `consistency of ${m} with ${n} ${problem}`);
    });
    expect(failures).toEqual([]);
  }, 60_000);

  it('refuses an inclusion proof with any single bit of any element flipped', () => {
    const pair = fc.integer({ min: 2, max: MAX_N }).chain((n) => fc.tuple(fc.nat(n - 1), fc.constant(n)));
    fc.assert(
      fc.property(pair, fc.nat(), fc.nat(255), ([i, n], element, bit) => {
        const proof = tree.inclusionProof(i, n);
        expect(inclusionOk(i, n, flipBit(proof, element % proof.length, bit))).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses a consistency proof with any single bit of any element flipped', () => {
    const pair = fc
      .integer({ min: 2, max: MAX_N })
      .chain((n) => fc.tuple(fc.integer({ min: 1, max: n - 1 }), fc.constant(n)));
    fc.assert(
      fc.property(pair, fc.nat(), fc.nat(255), ([m, n], element, bit) => {
        const proof = tree.consistencyProof(m, n);
        expect(consistencyOk(m, n, flipBit(proof, element % proof.length, bit))).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses a proof checked against a root, leaf or size with one bit changed', () => {
    const pair = fc
      .integer({ min: 2, max: MAX_N })
      .chain((n) => fc.tuple(fc.integer({ min: 1, max: n - 1 }), fc.constant(n)));
    fc.assert(
      fc.property(pair, fc.nat(255), ([m, n], bit) => {
        const inclusion = tree.inclusionProof(m, n);
        const [badLeaf] = flipBit([leafHashes[m] as Hash], 0, bit);
        const [badRoot] = flipBit([rootAt(n)], 0, bit);
        expect(checkInclusion(m, n, badLeaf as Hash, inclusion, rootAt(n)).ok).toBe(false);
        expect(checkInclusion(m, n, leafHashes[m] as Hash, inclusion, badRoot as Hash).ok).toBe(false);
        expect(checkInclusion(m ^ 1, n, leafHashes[m] as Hash, inclusion, rootAt(n)).ok).toBe(false);
        const consistency = tree.consistencyProof(m, n);
        expect(checkConsistency(m, n, consistency, rootAt(m), badRoot as Hash).ok).toBe(false);
        expect(checkConsistency(m - 1 || 1, n, consistency, rootAt(m), rootAt(n)).ok).toBe(m === 1);
      }),
      { numRuns: 1000 },
    );
  });

  it('computes the root of a million leaves from the leaf hashes alone', () => {
    // With every leaf equal, a complete subtree of 2^k leaves hashes to h_k = H(h_k-1 || h_k-1), so
    // the root of n leaves is the right fold of h_k over the bits of n, highest first.
    const n = 1_000_000;
    const leaf = hashLeaf(Uint8Array.of(42));
    const complete = [leaf];
    for (let k = 1; k < 20; k += 1) {
      const below = complete[k - 1] as Uint8Array;
      complete.push(sha256(Uint8Array.of(1), below, below));
    }
    const subtrees = complete.filter((_, k) => Math.floor(n / 2 ** k) % 2 === 1).reverse();
    const expected = subtrees.reduceRight((right, left) => sha256(Uint8Array.of(1), left, right));
    expect(hex.encode(rootOf(new Array<Hash>(n).fill(leaf)))).toBe(hex.encode(expected));
  }, 30_000);
});
