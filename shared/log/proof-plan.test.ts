import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  consistencyProofPlan,
  inclusionProofPlan,
  type NodeRef,
  nodesCompletedByAppend,
  rangeDecomposition,
} from './proof-plan';
import { bitLength, consistencyProofLength, inclusionProofLength, popCount, trailingZeros, xor } from './tree-math';

const MAX = Number.MAX_SAFE_INTEGER;
const LARGE_SIZES = [1_000_000, 2 ** 20, 2 ** 20 + 1, 2 ** 32 - 1, 2 ** 32 + 1, 2 ** 40 + 12345, MAX];
const keyOf = ({ level, index }: NodeRef): string => `${level}:${index}`;
const ceilLog2 = (n: number): number => bitLength(n - 1);
const isComplete = ({ level, index }: NodeRef, treeSize: number): boolean =>
  Number.isSafeInteger(index) && index >= 0 && (index + 1) * 2 ** level <= treeSize;
const distinctNodes = (plan: readonly NodeRef[][]): number => new Set(plan.flat().map(keyOf)).size;

/** A tree size and a leaf index in it, biased toward the edges where the shapes differ. */
const sizeAndIndex = fc
  .oneof(fc.integer({ min: 1, max: 300 }), fc.constantFrom(...LARGE_SIZES), fc.integer({ min: 1, max: MAX }))
  .chain((n) =>
    fc.tuple(fc.constant(n), fc.oneof(fc.integer({ min: 0, max: n - 1 }), fc.constant(n - 1), fc.constant(0))),
  );

describe('storage plans', () => {
  it('stores exactly the complete nodes of the tree, each after both of its children', () => {
    const stored = new Set<string>();
    for (let leafIndex = 0; leafIndex < 300; leafIndex += 1) {
      stored.add(keyOf({ level: 0, index: leafIndex }));
      for (const node of nodesCompletedByAppend(leafIndex)) {
        expect(stored.has(keyOf({ level: node.level - 1, index: 2 * node.index }))).toBe(true);
        expect(stored.has(keyOf({ level: node.level - 1, index: 2 * node.index + 1 }))).toBe(true);
        stored.add(keyOf(node));
      }
      const size = leafIndex + 1;
      expect(stored.size).toBe(2 * size - popCount(size));
    }
  });

  it('completes one node per trailing zero bit of the new size, even near 2^53', () => {
    expect(nodesCompletedByAppend(0)).toEqual([]);
    expect(nodesCompletedByAppend(7)).toEqual([
      { level: 1, index: 3 },
      { level: 2, index: 1 },
      { level: 3, index: 0 },
    ]);
    expect(nodesCompletedByAppend(2 ** 52 - 1)).toHaveLength(52);
    expect(nodesCompletedByAppend(2 ** 52 - 1).at(-1)).toEqual({ level: 52, index: 0 });
  });

  it('tiles a range with complete nodes, largest first, and refuses ranges that are not subtrees', () => {
    expect(rangeDecomposition(0, 0)).toEqual([]);
    expect(rangeDecomposition(0, 13)).toEqual([
      { level: 3, index: 0 },
      { level: 2, index: 2 },
      { level: 0, index: 12 },
    ]);
    expect(rangeDecomposition(8, 11)).toEqual([
      { level: 1, index: 4 },
      { level: 0, index: 10 },
    ]);
    expect(() => rangeDecomposition(2, 5)).toThrow(RangeError);
    expect(() => rangeDecomposition(5, 4)).toThrow(RangeError);
    expect(() => rangeDecomposition(0, 2 ** 53)).toThrow(RangeError);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX }), (end) => {
        const nodes = rangeDecomposition(0, end);
        expect(nodes).toHaveLength(popCount(end));
        expect(nodes.reduce((total, { level }) => total + 2 ** level, 0)).toBe(end);
        expect(nodes.every((node) => isComplete(node, end))).toBe(true);
      }),
    );
  });

  it('plans proofs of the closed-form length from complete nodes only, for sizes up to 2^53 - 1', () => {
    fc.assert(
      fc.property(sizeAndIndex, ([n, i]) => {
        const inclusion = inclusionProofPlan(i, n);
        expect(inclusion).toHaveLength(inclusionProofLength(i, n));
        expect(inclusion.length).toBeLessThanOrEqual(ceilLog2(n));
        expect(inclusion.flat().every((node) => isComplete(node, n))).toBe(true);
        const m = i + 1;
        const consistency = consistencyProofPlan(m, n);
        expect(consistency).toHaveLength(m === n ? 0 : consistencyProofLength(m, n));
        expect(consistency.flat().every((node) => isComplete(node, n))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('touches at most 2·ceil(log2 n) + 2 distinct nodes per request (logarithmic work)', () => {
    const violations: string[] = [];
    const check = (i: number, n: number): void => {
      const bound = 2 * ceilLog2(n) + 2;
      const counts = [
        distinctNodes(inclusionProofPlan(i, n)),
        distinctNodes(consistencyProofPlan(i + 1, n)),
        rangeDecomposition(0, n).length,
      ];
      if (counts.some((count) => count > bound)) {
        violations.push(`index ${i}, size ${n}: ${counts.join(', ')} nodes, bound ${bound}`);
      }
    };
    for (let n = 1; n <= 256; n += 1) {
      for (let i = 0; i < n; i += 1) {
        check(i, n);
      }
    }
    for (const n of LARGE_SIZES) {
      for (const i of [0, 1, 2, n - 3, n - 2, n - 1, Math.floor(n / 2), 999_999]) {
        if (i >= 0 && i < n) {
          check(i, n);
        }
      }
    }
    fc.assert(
      fc.property(sizeAndIndex, ([n, i]) => check(i, n)),
      { numRuns: 2000 },
    );
    expect(violations).toEqual([]);
  }, 30_000);

  it('refuses impossible requests', () => {
    expect(() => inclusionProofPlan(5, 5)).toThrow(RangeError);
    expect(() => inclusionProofPlan(-1, 5)).toThrow(RangeError);
    expect(() => inclusionProofPlan(0, 2 ** 53)).toThrow(RangeError);
    expect(() => inclusionProofPlan(0.5, 5)).toThrow(RangeError);
    expect(() => consistencyProofPlan(0, 5)).toThrow(RangeError);
    expect(() => consistencyProofPlan(6, 5)).toThrow(RangeError);
    expect(() => nodesCompletedByAppend(Number.NaN)).toThrow(RangeError);
  });
});

describe('tree arithmetic beyond 32 bits', () => {
  const safe = fc.integer({ min: 0, max: MAX });
  it('agrees with BigInt on xor, bit length, popcount and trailing zeros', () => {
    fc.assert(
      fc.property(safe, safe, (a, b) => {
        expect(BigInt(xor(a, b))).toBe(BigInt(a) ^ BigInt(b));
        expect(bitLength(a)).toBe(a === 0 ? 0 : BigInt(a).toString(2).length);
        expect(popCount(a)).toBe([...BigInt(a).toString(2)].filter((bit) => bit === '1').length);
        if (a > 0) {
          expect(trailingZeros(a)).toBe(BigInt(a).toString(2).length - 1 - BigInt(a).toString(2).lastIndexOf('1'));
        }
      }),
    );
  });
});
