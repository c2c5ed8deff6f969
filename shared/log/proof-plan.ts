/**
 * Storage plans: which stored nodes a request needs, so the server answers roots and proofs with
 * O(log n) lookups and never rebuilds the tree.
 *
 * The server stores the hash of every complete subtree as a node (level, index) covering leaves
 * [index·2^level, (index+1)·2^level); level 0 holds the leaf hashes. A subtree of the RFC 6962
 * tree that is not complete (the right edge of a tree whose size is not a power of two) is not
 * stored: its hash is the {@link foldRange} of the complete nodes that tile it.
 */
import { foldRange, type Hash } from './merkle';
import { isPowerOfTwo, isTreeIndex, largestPowerOfTwoBelow, log2Exact, trailingZeros } from './tree-math';

/** A stored node: the hash of the complete subtree over leaves [index·2^level, (index+1)·2^level). */
export type NodeRef = { readonly level: number; readonly index: number };

const assertIndex = (name: string, value: number): void => {
  if (!isTreeIndex(value)) {
    throw new RangeError(`${name} ${String(value)} is not a safe non-negative integer`);
  }
};

/**
 * The nodes of level ≥ 1 that become complete when leaf `leafIndex` is appended, lowest level
 * first, so each can be hashed from its two children, the first of which was stored before.
 */
export const nodesCompletedByAppend = (leafIndex: number): NodeRef[] => {
  assertIndex('leaf index', leafIndex);
  const size = leafIndex + 1;
  const completed: NodeRef[] = [];
  for (let level = 1; level <= trailingZeros(size); level += 1) {
    completed.push({ level, index: size / 2 ** level - 1 });
  }
  return completed;
};

/**
 * The complete nodes that tile leaves [begin, end), left to right, largest first, as RFC 6962
 * splits that range. The range must be a subtree of some RFC 6962 tree: `begin` a multiple of
 * the smallest power of two ≥ end - begin (always true for begin = 0, where this is the plan for
 * the root of a tree of `end` leaves). An empty range has no nodes.
 */
export const rangeDecomposition = (begin: number, end: number): NodeRef[] => {
  assertIndex('range begin', begin);
  assertIndex('range end', end);
  if (begin > end) {
    throw new RangeError(`range [${begin}, ${end}) ends before it begins`);
  }
  const length = end - begin;
  const span = isPowerOfTwo(length) ? length : 2 * largestPowerOfTwoBelow(length);
  if (length > 0 && begin % span !== 0) {
    throw new RangeError(`range [${begin}, ${end}) is not an RFC 6962 subtree: ${begin} is not a multiple of ${span}`);
  }
  const nodes: NodeRef[] = [];
  for (let start = begin; start < end; ) {
    const remaining = end - start;
    const size = isPowerOfTwo(remaining) ? remaining : largestPowerOfTwoBelow(remaining);
    nodes.push({ level: log2Exact(size), index: start / size });
    start += size;
  }
  return nodes;
};

/**
 * For each hash of the inclusion proof of leaf `leafIndex` in a tree of `treeSize` leaves, in
 * RFC 6962 PATH order (sibling nearest the leaf first), the nodes whose {@link foldRange} is it.
 */
export const inclusionProofPlan = (leafIndex: number, treeSize: number): NodeRef[][] => {
  assertIndex('leaf index', leafIndex);
  assertIndex('tree size', treeSize);
  if (leafIndex >= treeSize) {
    throw new RangeError(`leaf index ${leafIndex} is not in a tree of size ${treeSize}`);
  }
  const siblings: NodeRef[][] = [];
  let begin = 0;
  let end = treeSize;
  // Walk down from the root, keeping the sibling of every subtree the path enters.
  while (end - begin > 1) {
    const middle = begin + largestPowerOfTwoBelow(end - begin);
    if (leafIndex < middle) {
      siblings.push(rangeDecomposition(middle, end));
      end = middle;
    } else {
      siblings.push(rangeDecomposition(begin, middle));
      begin = middle;
    }
  }
  return siblings.reverse();
};

/**
 * For each hash of the consistency proof from `size1` to `size2` leaves (0 < size1 ≤ size2), in
 * RFC 6962 PROOF(m, D[n]) order, the nodes whose {@link foldRange} is it. Empty when the sizes
 * are equal.
 */
export const consistencyProofPlan = (size1: number, size2: number): NodeRef[][] => {
  assertIndex('size1', size1);
  assertIndex('size2', size2);
  if (size1 === 0 || size1 > size2) {
    throw new RangeError(`no consistency proof exists from size ${size1} to size ${size2}`);
  }
  const elements: NodeRef[][] = [];
  let begin = 0;
  let end = size2;
  let isWholeOldTree = true;
  // SUBPROOF(m, D[begin:end], b) of RFC 6962 §2.1.2, unrolled: size1 lies in (begin, end].
  while (size1 !== end) {
    const middle = begin + largestPowerOfTwoBelow(end - begin);
    if (size1 <= middle) {
      elements.push(rangeDecomposition(middle, end));
      end = middle;
    } else {
      elements.push(rangeDecomposition(begin, middle));
      begin = middle;
      isWholeOldTree = false;
    }
  }
  // SUBPROOF(m, D[m], false) = {MTH(D[m])}: the verifier knows the old root but not this subtree.
  if (!isWholeOldTree) {
    elements.push(rangeDecomposition(begin, end));
  }
  return elements.reverse();
};

/** Hashes a plan into a proof, fetching each node with `lookup` (a map, a cache or a prefetched row set). */
export const assembleProof = (plan: readonly (readonly NodeRef[])[], lookup: (ref: NodeRef) => Hash): Hash[] =>
  plan.map((nodes) => {
    if (nodes.length === 0) {
      throw new RangeError('a proof element must cover at least one node');
    }
    return foldRange(nodes.map(lookup));
  });
