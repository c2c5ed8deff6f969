/**
 * Step 6 of bundle verification (docs/AUDIT-BUNDLE.md §4), when the bundle carries the optional
 * leaf list: the leaves hash to the last checkpoint's root, and every key-statement leaf among
 * them is a statement the bundle proves. Without it an exporter could leave out a statement (a
 * revocation, say) and no proof would show it; with it, the key directory is proven complete.
 */
import { fromBase64url, toBase64url } from '../encoding/bytes';
import type { Checkpoint } from '../log/checkpoint';
import { equalHashes } from '../log/hash-checks';
import { leafKindCode, leafKindOf } from '../log/leaf';
import { foldRange, type Hash, hashLeaf } from '../log/merkle';
import { MerkleTree } from '../log/merkle-tree';
import { inclusionProofPlan, type NodeRef } from '../log/proof-plan';
import type { Fail } from './failures';
import type { RecordBreaches } from './record-breaches';

const LEAF_FORMAT_V1 = 0x01;
const LEAF_INPUT_BYTES = 34;

/** Decodes one leaf input (PROTOCOL.md §9), or says why it is not one. */
const decodeLeaf = (text: string): Uint8Array | string => {
  let bytes: Uint8Array;
  try {
    bytes = fromBase64url(text);
  } catch {
    return `is not base64url`;
  }
  if (bytes.length !== LEAF_INPUT_BYTES || bytes[0] !== LEAF_FORMAT_V1 || leafKindOf(bytes[1] ?? 0) === undefined) {
    return `is not a version-1 leaf input (${LEAF_INPUT_BYTES} bytes: 0x01, kind 0x01 or 0x02, record hash)`;
  }
  return bytes;
};

/**
 * A leaf list proven to hash to the last checkpoint's root: the whole tree, rebuilt once. With it
 * an entry's inclusion is checked without hashing: its leaf must record its hash, and its proof
 * must be the tree's own path (RFC 6962 paths are unique), instead of O(log n) hashes per entry.
 */
export type VerifiedLeaves = {
  /** The record hash of the entry at a leaf; undefined when the leaf is a key statement or beyond the tree. */
  readonly entryAt: (leafIndex: number) => Uint8Array | undefined;
  /** The inclusion proof of a leaf in the checkpoint's tree. */
  readonly pathOf: (leafIndex: number) => Hash[];
  /** The index of every key-statement leaf, ascending. */
  readonly statementLeaves: readonly number[];
};

/** Paths of a rebuilt tree; the hash of a right-edge range (shared by many paths) is folded once. */
const pathsIn = (tree: MerkleTree, treeSize: number): VerifiedLeaves['pathOf'] => {
  const folds = new Map<string, Hash>();
  const hashOf = (nodes: readonly NodeRef[]): Hash => {
    const [first] = nodes;
    if (nodes.length === 1 && first) {
      return tree.node(first);
    }
    const key = `${first?.level}:${first?.index}+${nodes.length}`;
    const known = folds.get(key);
    if (known) {
      return known;
    }
    const folded = foldRange(nodes.map((node) => tree.node(node)));
    folds.set(key, folded);
    return folded;
  };
  return (leafIndex) => inclusionProofPlan(leafIndex, treeSize).map(hashOf);
};

/**
 * Checks the leaf list against the verified last checkpoint and the leaf indexes of the proven
 * statements; true when the list proves the bundle carries every key-directory statement. Given
 * `entryLeaves` (a bundle of the whole log: the leaf indexes of the entries it carries), every
 * entry leaf must be among them, so that an entry removed from the store (the last of its
 * stream, say, which no chain link would show) is named by the hash the log recorded for it.
 * `verified` is present only when the leaves hash to the checkpoint's root.
 */
export const verifyLeaves = (
  leaves: readonly string[] | undefined,
  anchor: Checkpoint | null,
  provenStatements: ReadonlySet<number>,
  fail: Fail,
  { breaches, entryLeaves }: { readonly breaches: RecordBreaches; readonly entryLeaves?: ReadonlySet<number> },
): { readonly directoryComplete: boolean; readonly verified?: VerifiedLeaves } => {
  const incomplete = { directoryComplete: false };
  if (leaves === undefined) {
    return incomplete;
  }
  if (anchor === null) {
    fail('leaves', 'cannot be checked: the last checkpoint does not verify');
    return incomplete;
  }
  if (leaves.length !== anchor.treeSize) {
    fail('leaves', `lists ${leaves.length} leaves, but the last checkpoint has ${anchor.treeSize}`);
    return incomplete;
  }
  const tree = new MerkleTree();
  const entryHashes = new Map<number, Uint8Array>();
  const statementAt: { index: number; recordHash: Uint8Array }[] = [];
  const entryAt: { index: number; recordHash: Uint8Array }[] = [];
  let isWellFormed = true;
  for (const [index, text] of leaves.entries()) {
    const leaf = breaches.of('leaves', index) ?? decodeLeaf(text);
    if (typeof leaf === 'string') {
      fail(`leaf ${index}`, leaf);
      isWellFormed = false;
      continue;
    }
    const recordHash = leaf.slice(2);
    if (leaf[1] === leafKindCode('key-statement')) {
      statementAt.push({ index, recordHash });
    } else {
      entryAt.push({ index, recordHash });
      entryHashes.set(index, recordHash);
    }
    tree.append(hashLeaf(leaf));
  }
  if (!isWellFormed) {
    return incomplete;
  }
  if (!equalHashes(tree.root(), anchor.rootHash)) {
    fail('leaves', `do not hash to the root of checkpoint ${anchor.treeSize}`);
    return incomplete;
  }
  const verified: VerifiedLeaves = {
    entryAt: (leafIndex) => entryHashes.get(leafIndex),
    pathOf: pathsIn(tree, anchor.treeSize),
    statementLeaves: statementAt.map(({ index }) => index),
  };
  for (const { index, recordHash } of entryAt.filter(({ index }) => entryLeaves?.has(index) === false)) {
    fail(
      `entry ${toBase64url(recordHash)} (leaf ${index})`,
      'the log has this entry but the bundle of the whole log does not carry it',
    );
  }
  const missing = statementAt.filter(({ index }) => !provenStatements.has(index));
  for (const { index, recordHash } of missing) {
    fail(
      `statement ${toBase64url(recordHash)} (leaf ${index})`,
      'the log has this key statement but the bundle does not prove it: the key directory is incomplete',
    );
  }
  return { directoryComplete: missing.length === 0, verified };
};
