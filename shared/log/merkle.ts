/**
 * The RFC 6962 / RFC 9162 Merkle tree hash with SHA-256 (RFC 9162 §2.1.1). Leaves and interior
 * nodes are domain-separated by a one-byte prefix, so a leaf can never be passed off as a node.
 */
import { sha256 } from '../crypto/sha256';
import { trailingZeros } from './tree-math';

/** A SHA-256 digest: a leaf hash, a node hash or a tree root. Always {@link HASH_SIZE} bytes. */
export type Hash = Uint8Array;

/** The length in bytes of every {@link Hash}. */
export const HASH_SIZE = 32;

/** The outcome of checking a proof: why it failed, in words fit for a log line or a problem detail. */
export type ProofCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

/** The leaf hash of an entry: SHA-256(0x00 || data). */
export const hashLeaf = (data: Uint8Array): Hash => sha256(LEAF_PREFIX, data);

/**
 * The hash of an interior node: SHA-256(0x01 || left || right). The children are concatenated as
 * given, whatever their length; callers that take hashes from outside check their length first.
 */
export const hashChildren = (left: Uint8Array, right: Uint8Array): Hash => sha256(NODE_PREFIX, left, right);

/** The root of the empty tree: SHA-256 of the empty string. Shared: never mutate it. */
export const EMPTY_ROOT: Hash = sha256(new Uint8Array(0));

/** True when `value` is a byte array of exactly {@link HASH_SIZE} bytes. */
export const isHash = (value: unknown): value is Hash => value instanceof Uint8Array && value.length === HASH_SIZE;

/**
 * The Merkle tree hash of a range of leaves, given the hashes of the complete subtrees that tile
 * it in order (see `rangeDecomposition`). RFC 6962 splits a range at the largest power of two,
 * so its left part is the first subtree and its right part is the rest: folding from the right
 * rebuilds exactly that shape. An empty list is the empty tree.
 */
export const foldRange = (hashes: readonly Hash[]): Hash => {
  let index = hashes.length - 1;
  let hash = hashes[index];
  if (hash === undefined) {
    return EMPTY_ROOT.slice();
  }
  for (index -= 1; index >= 0; index -= 1) {
    hash = hashChildren(hashes[index] as Hash, hash);
  }
  return hash;
};

/**
 * MTH(D[n]) of RFC 6962 §2.1 over leaf hashes, for tests, audits and full rebuilds. It keeps only
 * the roots of the complete subtrees seen so far (at most 53), so memory is O(log n) and a
 * million leaves take about two million hashes.
 */
export const rootOf = (leafHashes: readonly Hash[]): Hash => {
  const stack: Hash[] = [];
  leafHashes.forEach((leafHash, leafIndex) => {
    if (!isHash(leafHash)) {
      throw new RangeError(`leaf hash ${leafIndex} must be ${HASH_SIZE} bytes`);
    }
    let hash = leafHash;
    // Appending leaf i completes one subtree per trailing zero bit of i + 1.
    for (let merges = trailingZeros(leafIndex + 1); merges > 0; merges -= 1) {
      hash = hashChildren(stack.pop() as Hash, hash);
    }
    stack.push(hash);
  });
  return foldRange(stack);
};
