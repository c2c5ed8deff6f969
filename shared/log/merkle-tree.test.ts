import { describe, expect, it } from 'vitest';
import { hashChildren, hashLeaf, rootOf } from './merkle';
import { MerkleTree } from './merkle-tree';

const leaves = Array.from({ length: 7 }, (_, index) => hashLeaf(new Uint8Array([index])));

describe('the in-memory Merkle tree', () => {
  it('answers each node as its hash over its leaves, and the root as RFC 6962 defines it', () => {
    const tree = new MerkleTree(leaves);
    expect(tree.node({ level: 0, index: 1 })).toEqual(leaves[1]);
    expect(tree.node({ level: 1, index: 1 })).toEqual(hashChildren(leaves[2] as Uint8Array, leaves[3] as Uint8Array));
    expect(tree.root()).toEqual(rootOf(leaves));
    expect(tree.storedNodeCount).toBe(2 * 7 - 3);
  });

  it('answers copies: changing one changes nothing stored', () => {
    const tree = new MerkleTree(leaves);
    tree.node({ level: 2, index: 0 }).fill(0);
    tree.node({ level: 0, index: 0 }).fill(0);
    expect(tree.root()).toEqual(rootOf(leaves));
  });

  it('refuses a node outside the tree, and refs whose key would alias another node', () => {
    const tree = new MerkleTree(leaves);
    expect(() => tree.node({ level: 0, index: 7 })).toThrow(/not a complete subtree/);
    expect(() => tree.node({ level: 3, index: 0 })).toThrow(/not a complete subtree/);
    // Keyed as index * 64 + level: level 64 of index 0 would be leaf 1, a fraction would be anything.
    expect(() => tree.node({ level: 64, index: 0 })).toThrow(/not a complete subtree/);
    expect(() => tree.node({ level: 0, index: 0.5 })).toThrow(/not a complete subtree/);
    expect(() => tree.node({ level: -1, index: 1 })).toThrow(/not a complete subtree/);
  });
});
