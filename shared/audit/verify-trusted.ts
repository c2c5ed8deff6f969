/**
 * Step 6b of bundle verification (docs/AUDIT-BUNDLE.md §4), when the verifier is given
 * checkpoints it saw elsewhere (a client's pinned checkpoint, an earlier bundle's anchor): the
 * bundle's log must extend each. A bundle only proves consistency between its own checkpoints,
 * so a log that was truncated, rolled back or forked since is caught here or nowhere.
 */

import { fromBase64url } from '../encoding/bytes';
import type { Checkpoint } from '../log/checkpoint';
import { CompactTree } from '../log/compact-tree';
import { equalHashes } from '../log/hash-checks';
import { EMPTY_ROOT, hashLeaf } from '../log/merkle';
import type { VerifierKey } from '../log/verifier-key';
import { verifyCheckpoint } from '../log/verify-checkpoint';
import type { Fail } from './failures';

/** A leaf input is 34 bytes (PROTOCOL.md §9): 0x01, its kind and a record hash. */
const LEAF_INPUT_BYTES = 34;

/** The root of the first `size` leaves of the list, or undefined if any of them does not decode. */
const rootOfLeaves = (leaves: readonly string[], size: number): Uint8Array | undefined => {
  if (leaves.length < size) {
    return undefined;
  }
  const tree = new CompactTree();
  try {
    for (const leaf of leaves.slice(0, size)) {
      const input = fromBase64url(leaf);
      if (input.length !== LEAF_INPUT_BYTES) {
        return undefined;
      }
      tree.append(hashLeaf(input));
    }
  } catch {
    return undefined;
  }
  return tree.root();
};

/** What the bundle says about a tree of `size`: its checkpoint of that size, else its leaf list. */
const bundleRootAt = (
  size: number,
  verified: readonly (Checkpoint | null)[],
  leaves: readonly string[] | undefined,
): Uint8Array | undefined =>
  verified.find((checkpoint) => checkpoint?.treeSize === size)?.rootHash ??
  (leaves === undefined ? undefined : rootOfLeaves(leaves, size));

/**
 * Checks each trusted checkpoint note against the bundle's verified checkpoints (`verified`, the
 * last being the anchor when it verified) and its leaf list, naming each that the bundle does not
 * extend: `trusted checkpoint <size>`.
 */
export const verifyTrustedCheckpoints = (
  notes: readonly (string | Uint8Array)[],
  bundle: { readonly verified: readonly (Checkpoint | null)[]; readonly anchor: Checkpoint | null },
  leaves: readonly string[] | undefined,
  key: VerifierKey,
  origin: string,
  fail: Fail,
): void => {
  for (const [index, note] of notes.entries()) {
    const opened = verifyCheckpoint(note, key, origin);
    if (!opened.ok) {
      fail(`trusted checkpoint #${index + 1}`, `does not verify under the pinned key: ${opened.reason}`);
      continue;
    }
    const { treeSize, rootHash } = opened.checkpoint;
    const subject = `trusted checkpoint ${treeSize}`;
    const { anchor } = bundle;
    if (treeSize === 0 && !equalHashes(rootHash, EMPTY_ROOT)) {
      fail(subject, 'a checkpoint of size 0 must carry the empty tree root');
    } else if (anchor === null) {
      fail(subject, 'cannot be compared: the last checkpoint of the bundle does not verify');
    } else if (treeSize > anchor.treeSize) {
      fail(
        subject,
        `the bundle's log ends at ${anchor.treeSize} leaves, before this checkpoint of ${treeSize}: ` +
          'the log was truncated or rolled back',
      );
    } else if (treeSize > 0) {
      const root = bundleRootAt(treeSize, bundle.verified, leaves);
      if (root === undefined) {
        fail(subject, `the bundle has neither a checkpoint of size ${treeSize} nor a leaf list to compare it with`);
      } else if (!equalHashes(root, rootHash)) {
        fail(subject, `the bundle's tree of size ${treeSize} has another root: the log forked`);
      }
    }
  }
};
