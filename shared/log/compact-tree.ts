/**
 * An RFC 6962 tree that keeps only its right frontier: O(log n) memory to stream millions of leaves,
 * giving the root at every size and every complete node as it is completed. Used to re-derive a
 * whole log (fsck, audit) without holding it.
 */
import { foldRange, type Hash, hashChildren } from './merkle';
import type { NodeRef } from './proof-plan';

export type CompletedNode = NodeRef & { readonly hash: Hash };

export class CompactTree {
  /** Complete subtrees of the current tree, largest (leftmost) first, with their levels. */
  readonly #frontier: { level: number; hash: Hash }[] = [];
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** Appends a leaf hash; returns the nodes (level ≥ 1) this append completed, lowest first. */
  append(leafHash: Hash): CompletedNode[] {
    const completed: CompletedNode[] = [];
    let node = { level: 0, hash: leafHash };
    let index = this.#size;
    while (this.#frontier.at(-1)?.level === node.level) {
      const left = this.#frontier.pop() as { level: number; hash: Hash };
      index = Math.floor(index / 2);
      node = { level: node.level + 1, hash: hashChildren(left.hash, node.hash) };
      completed.push({ level: node.level, index, hash: node.hash });
    }
    this.#frontier.push(node);
    this.#size += 1;
    return completed;
  }

  /** The root of the tree as it stands (MTH of all leaves appended so far). */
  root(): Hash {
    return foldRange(this.#frontier.map((node) => node.hash));
  }
}
