/**
 * A log under test control for witness tests: a signing key, and trees that can be grown and
 * forked at will, so one test can show two parties two histories.
 */

import { sodium } from '../../shared/crypto/sodium';
import { formatCheckpointBody } from '../../shared/log/checkpoint';
import { hashLeaf } from '../../shared/log/merkle';
import { MerkleTree } from '../../shared/log/merkle-tree';
import { signNote } from '../../shared/log/signed-note';
import { formatVerifierKey, parseVerifierKey, type VerifierKey } from '../../shared/log/verifier-key';
import { formatAddCheckpointRequest } from '../../shared/witness/add-checkpoint';

/** A log key and a way to sign checkpoints of any tree with it. */
export type TestLog = {
  readonly origin: string;
  readonly verifierKey: string;
  readonly key: VerifierKey;
  checkpoint(tree: MerkleTree, size?: number): string;
};

/** A log signer from a fixed label (libsodium must be ready). */
export const testLog = (origin = 'parley.test/log', label = 'log'): TestLog => {
  const seed = sodium.crypto_generichash(32, `witness test: ${label}`, null);
  const { publicKey, privateKey } = sodium.crypto_sign_seed_keypair(seed);
  const verifierKey = formatVerifierKey(origin, publicKey);
  const parsed = parseVerifierKey(verifierKey);
  if (!parsed.ok) {
    throw new Error(parsed.reason);
  }
  return {
    origin,
    verifierKey,
    key: parsed.key,
    checkpoint: (tree, size = tree.size) =>
      signNote(
        formatCheckpointBody({ origin, treeSize: size, rootHash: tree.root(size), keyStatements: 0 }),
        origin,
        (message) => sodium.crypto_sign_detached(message, privateKey),
        publicKey,
      ),
  };
};

/** A tree of `size` leaves whose leaf data carry `branch`, so two branches differ everywhere. */
export const treeOf = (size: number, branch = 'a', prefix?: MerkleTree, prefixSize = 0): MerkleTree => {
  const tree = new MerkleTree();
  for (let index = 0; index < size; index += 1) {
    const data = new TextEncoder().encode(`${index < prefixSize ? 'shared' : branch} leaf ${index}`);
    tree.append(index < prefixSize && prefix ? prefix.node({ level: 0, index }) : hashLeaf(data));
  }
  return tree;
};

/** The add-checkpoint body for the tree's checkpoint of `size`, proving it from `oldSize`. */
export const addRequest = (log: TestLog, tree: MerkleTree, oldSize: number, size = tree.size): string =>
  formatAddCheckpointRequest({
    oldSize,
    proof: oldSize === 0 ? [] : tree.consistencyProof(oldSize, size),
    checkpoint: log.checkpoint(tree, size),
  });
