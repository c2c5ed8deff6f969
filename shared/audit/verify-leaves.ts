/**
 * Step 6 of bundle verification (docs/AUDIT-BUNDLE.md §4), when the bundle carries the optional
 * leaf list: the leaves hash to the last checkpoint's root, and every key-statement leaf among
 * them is a statement the bundle proves. Without it an exporter could leave out a statement (a
 * revocation, say) and no proof would show it; with it, the key directory is proven complete.
 */
import { fromBase64url, toBase64url } from '../encoding/bytes';
import type { Checkpoint } from '../log/checkpoint';
import { CompactTree } from '../log/compact-tree';
import { equalHashes } from '../log/hash-checks';
import { leafKindCode, leafKindOf } from '../log/leaf';
import { hashLeaf } from '../log/merkle';
import type { Fail } from './failures';

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
 * Checks the leaf list against the verified last checkpoint and the leaf indexes of the proven
 * statements; true when the list proves the bundle carries every key-directory statement. Given
 * `entryLeaves` (a bundle of the whole log: the leaf indexes of the entries it carries), every
 * entry leaf must be among them, so that an entry removed from the store (the last of its
 * stream, say, which no chain link would show) is named by the hash the log recorded for it.
 */
export const verifyLeaves = (
  leaves: readonly string[] | undefined,
  anchor: Checkpoint | null,
  statementLeaves: ReadonlySet<number>,
  fail: Fail,
  entryLeaves?: ReadonlySet<number>,
): boolean => {
  if (leaves === undefined) {
    return false;
  }
  if (anchor === null) {
    fail('leaves', 'cannot be checked: the last checkpoint does not verify');
    return false;
  }
  if (leaves.length !== anchor.treeSize) {
    fail('leaves', `lists ${leaves.length} leaves, but the last checkpoint has ${anchor.treeSize}`);
    return false;
  }
  const tree = new CompactTree();
  const statementAt: { index: number; recordHash: Uint8Array }[] = [];
  const entryAt: { index: number; recordHash: Uint8Array }[] = [];
  let isWellFormed = true;
  for (const [index, text] of leaves.entries()) {
    const leaf = decodeLeaf(text);
    if (typeof leaf === 'string') {
      fail(`leaf ${index}`, leaf);
      isWellFormed = false;
      continue;
    }
    (leaf[1] === leafKindCode('key-statement') ? statementAt : entryAt).push({ index, recordHash: leaf.slice(2) });
    tree.append(hashLeaf(leaf));
  }
  if (!isWellFormed) {
    return false;
  }
  if (!equalHashes(tree.root(), anchor.rootHash)) {
    fail('leaves', `do not hash to the root of checkpoint ${anchor.treeSize}`);
    return false;
  }
  for (const { index, recordHash } of entryAt.filter(({ index }) => entryLeaves?.has(index) === false)) {
    fail(
      `entry ${toBase64url(recordHash)} (leaf ${index})`,
      'the log has this entry but the bundle of the whole log does not carry it',
    );
  }
  const missing = statementAt.filter(({ index }) => !statementLeaves.has(index));
  for (const { index, recordHash } of missing) {
    fail(
      `statement ${toBase64url(recordHash)} (leaf ${index})`,
      'the log has this key statement but the bundle does not prove it: the key directory is incomplete',
    );
  }
  return missing.length === 0;
};
