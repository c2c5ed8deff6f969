import { existsSync, readFileSync } from 'node:fs';
import { hex } from '@scure/base';
import { describe, expect, it } from 'vitest';
import { EMPTY_ROOT, foldRange, type Hash, hashChildren, hashLeaf, rootOf } from './merkle';
import { MerkleTree } from './merkle-tree';
import { rangeDecomposition } from './proof-plan';
import { checkConsistency } from './verify-consistency';
import { checkInclusion } from './verify-inclusion';

// The repository copy is what CI sees; the shared original sits one level above the repository.
const VECTORS_URL = new URL('../../test/vectors/rfc6962-merkle.json', import.meta.url);
const ORIGINAL_URL = new URL('../../../shared/vectors/rfc6962-merkle.json', import.meta.url);

type Size = number | string;
type InclusionVector = {
  desc: string;
  want_error: boolean;
  leaf_index: Size;
  tree_size: Size;
  leaf_hash: string;
  root: string;
  proof: string[];
};
type ConsistencyVector = {
  desc: string;
  want_error: boolean;
  size1: Size;
  size2: Size;
  root1: string;
  root2: string;
  proof: string[];
};
type Vectors = {
  hasher_vectors: {
    desc: string;
    kind: 'empty' | 'leaf' | 'node';
    input?: string;
    left?: string;
    right?: string;
    expected: string;
  }[];
  leaves: { index: number; input: string; leaf_hash: string }[];
  node_hashes_by_level: { levels: string[][] };
  roots: { tree_size: number; root: string }[];
  inclusion_proofs: InclusionVector[];
  consistency_proofs: ConsistencyVector[];
  negative_and_edge_inclusion_probes: InclusionVector[];
  negative_and_edge_consistency_probes: ConsistencyVector[];
};

const vectors = JSON.parse(readFileSync(VECTORS_URL, 'utf8')) as Vectors;
const bytes = (text: string | undefined): Uint8Array => hex.decode(text ?? '');
const toHex = (hash: Hash): string => hex.encode(hash);

/** Sizes of 2^53 and more are decimal strings in the file; as JS numbers they are unsafe. */
const toSize = (size: Size): number => {
  if (typeof size === 'string') {
    expect(BigInt(size) >= 2n ** 53n).toBe(true);
  }
  return Number(size);
};

const checkInclusionVector = (v: InclusionVector) =>
  checkInclusion(toSize(v.leaf_index), toSize(v.tree_size), bytes(v.leaf_hash), v.proof.map(bytes), bytes(v.root));
const checkConsistencyVector = (v: ConsistencyVector) =>
  checkConsistency(toSize(v.size1), toSize(v.size2), v.proof.map(bytes), bytes(v.root1), bytes(v.root2));

const leafHashes = vectors.leaves.map((leaf) => hashLeaf(bytes(leaf.input)));
const tree = new MerkleTree(leafHashes);

describe('RFC 6962 vectors (transparency-dev/merkle)', () => {
  it('is a verbatim copy of the shared vector file', () => {
    if (!existsSync(ORIGINAL_URL)) {
      return; // CI clones only the repository.
    }
    expect(readFileSync(VECTORS_URL)).toEqual(readFileSync(ORIGINAL_URL));
  });

  it.each(vectors.hasher_vectors)('hashes $desc', (v) => {
    const hash =
      v.kind === 'empty'
        ? EMPTY_ROOT
        : v.kind === 'leaf'
          ? hashLeaf(bytes(v.input))
          : hashChildren(bytes(v.left), bytes(v.right));
    expect(toHex(hash)).toBe(v.expected);
  });

  it('hashes every leaf', () => {
    expect(vectors.leaves.map((leaf) => toHex(hashLeaf(bytes(leaf.input))))).toEqual(
      vectors.leaves.map((leaf) => leaf.leaf_hash),
    );
  });

  it('stores exactly the 15 complete node hashes of the 8-leaf tree', () => {
    const levels = vectors.node_hashes_by_level.levels;
    expect(levels.flat()).toHaveLength(15);
    levels.forEach((hashes, level) => {
      hashes.forEach((expected, index) => {
        expect(toHex(tree.node({ level, index }))).toBe(expected);
      });
    });
    expect(tree.storedNodeCount).toBe(15);
  });

  it.each(vectors.roots)('gives the root of the tree of size $tree_size three ways', ({ tree_size, root }) => {
    expect(toHex(rootOf(leafHashes.slice(0, tree_size)))).toBe(root);
    expect(toHex(tree.root(tree_size))).toBe(root);
    expect(toHex(foldRange(rangeDecomposition(0, tree_size).map((ref) => tree.node(ref))))).toBe(root);
  });

  it.each(vectors.inclusion_proofs)('verifies and regenerates inclusion $leaf_index in $tree_size', (v) => {
    expect(v.want_error).toBe(false);
    expect(checkInclusionVector(v)).toEqual({ ok: true });
    expect(tree.inclusionProof(toSize(v.leaf_index), toSize(v.tree_size)).map(toHex)).toEqual(v.proof);
    expect(toHex(leafHashes[toSize(v.leaf_index)] ?? new Uint8Array())).toBe(v.leaf_hash);
  });

  it.each(vectors.consistency_proofs)('verifies and regenerates consistency $size1 to $size2', (v) => {
    expect(v.want_error).toBe(false);
    expect(checkConsistencyVector(v)).toEqual({ ok: true });
    expect(tree.consistencyProof(toSize(v.size1), toSize(v.size2)).map(toHex)).toEqual(v.proof);
  });

  it('has the documented numbers of probes, of which exactly one is accepted', () => {
    const probes = [...vectors.negative_and_edge_inclusion_probes, ...vectors.negative_and_edge_consistency_probes];
    expect(vectors.negative_and_edge_inclusion_probes).toHaveLength(33);
    expect(vectors.negative_and_edge_consistency_probes).toHaveLength(33);
    expect(probes.filter((probe) => !probe.want_error)).toHaveLength(1);
  });

  it.each(vectors.negative_and_edge_inclusion_probes)('inclusion probe: $desc ($leaf_index in $tree_size)', (v) => {
    const result = checkInclusionVector(v);
    expect(result.ok).toBe(!v.want_error);
    if (!result.ok) {
      expect(result.reason).toMatch(/\S/);
    }
  });

  it.each(vectors.negative_and_edge_consistency_probes)('consistency probe: $desc ($size1 to $size2)', (v) => {
    const result = checkConsistencyVector(v);
    expect(result.ok).toBe(!v.want_error);
    if (!result.ok) {
      expect(result.reason).toMatch(/\S/);
    }
  });
});
