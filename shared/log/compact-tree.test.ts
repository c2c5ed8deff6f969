import { describe, expect, it } from 'vitest';
import { CompactTree } from './compact-tree';
import { hashLeaf } from './merkle';
import { MerkleTree } from './merkle-tree';

describe('CompactTree', () => {
  it('gives the same root at every size and the same complete nodes as the full tree, for n ≤ 300', () => {
    const compact = new CompactTree();
    const full = new MerkleTree();
    for (let index = 0; index < 300; index++) {
      const leaf = hashLeaf(new Uint8Array([index & 0xff, index >> 8]));
      const completed = compact.append(leaf);
      full.append(leaf);
      expect(compact.root()).toEqual(full.root());
      for (const node of completed) {
        expect(node.hash).toEqual(full.node(node));
      }
    }
  });
});
