/**
 * An in-memory RFC 6962 tree that stores exactly what the server stores, the hash of every
 * complete subtree, and answers through the same storage plans. Tests use it to exercise the
 * plans; offline tools use it to rebuild and audit a log.
 */
import { foldRange, HASH_SIZE, type Hash, hashChildren, isHash } from './merkle';
import {
  assembleProof,
  consistencyProofPlan,
  inclusionProofPlan,
  type NodeRef,
  nodesCompletedByAppend,
  rangeDecomposition,
} from './proof-plan';

/**
 * A node's map key: a number, not a string, because an offline audit looks nodes up millions of
 * times. Levels are below 64, and indexes below 2^47 keep the key a safe integer.
 */
const keyOf = ({ level, index }: NodeRef): number => index * 64 + level;

const nameOf = ({ level, index }: NodeRef): string => `${level}:${index}`;

/** An append-only Merkle tree over leaf hashes, keeping only complete nodes. */
export class MerkleTree {
  readonly #nodes = new Map<number, Hash>();
  #size = 0;

  /** Starts a tree, optionally with leaf hashes already appended in order. */
  constructor(leafHashes: readonly Hash[] = []) {
    for (const leafHash of leafHashes) {
      this.append(leafHash);
    }
  }

  /** The number of leaves appended so far. */
  get size(): number {
    return this.#size;
  }

  /** The number of stored nodes: 2n - popcount(n) for n leaves. */
  get storedNodeCount(): number {
    return this.#nodes.size;
  }

  /** Appends a leaf hash and stores the nodes it completes; returns the new leaf's index. */
  append(leafHash: Hash): number {
    if (!isHash(leafHash)) {
      throw new RangeError(`a leaf hash must be ${HASH_SIZE} bytes`);
    }
    const leafIndex = this.#size;
    this.#nodes.set(keyOf({ level: 0, index: leafIndex }), leafHash.slice());
    for (const node of nodesCompletedByAppend(leafIndex)) {
      // Read in place, not copied as node() answers: hashChildren only reads its inputs.
      const left = this.#stored({ level: node.level - 1, index: 2 * node.index });
      const right = this.#stored({ level: node.level - 1, index: 2 * node.index + 1 });
      this.#nodes.set(keyOf(node), hashChildren(left, right));
    }
    this.#size = leafIndex + 1;
    return leafIndex;
  }

  /** The stored hash of a complete node; throws if the node is not complete in this tree. */
  node(ref: NodeRef): Hash {
    return this.#stored(ref).slice();
  }

  #stored(ref: NodeRef): Hash {
    // Outside these bounds two refs could share a key: refuse them rather than alias a node.
    const inBounds = Number.isInteger(ref.level) && ref.level >= 0 && ref.level < 64 && ref.index >= 0;
    const hash =
      inBounds && ref.index < 2 ** 47 && Number.isInteger(ref.index) ? this.#nodes.get(keyOf(ref)) : undefined;
    if (hash === undefined) {
      throw new RangeError(`node ${nameOf(ref)} is not a complete subtree of a tree of size ${this.#size}`);
    }
    return hash;
  }

  /** The root of the tree as it was at `treeSize` leaves (default: now). */
  root(treeSize: number = this.#size): Hash {
    this.#assertSize(treeSize);
    return foldRange(rangeDecomposition(0, treeSize).map((ref) => this.node(ref)));
  }

  /** The RFC 6962 inclusion proof of leaf `leafIndex` in the tree at `treeSize` leaves. */
  inclusionProof(leafIndex: number, treeSize: number = this.#size): Hash[] {
    this.#assertSize(treeSize);
    return assembleProof(inclusionProofPlan(leafIndex, treeSize), (ref) => this.node(ref));
  }

  /** The RFC 6962 consistency proof from the tree at `size1` leaves to the tree at `size2`. */
  consistencyProof(size1: number, size2: number = this.#size): Hash[] {
    this.#assertSize(size2);
    return assembleProof(consistencyProofPlan(size1, size2), (ref) => this.node(ref));
  }

  #assertSize(treeSize: number): void {
    if (!Number.isSafeInteger(treeSize) || treeSize < 0 || treeSize > this.#size) {
      throw new RangeError(`tree size ${String(treeSize)} is not between 0 and ${this.#size}`);
    }
  }
}
