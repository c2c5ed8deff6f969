/**
 * Steps 3 and 4 of bundle verification (docs/AUDIT-BUNDLE.md §4): every checkpoint signed by the
 * pinned key for the expected origin, sizes ascending, and each consecutive pair consistent.
 */
import type { Checkpoint } from '../log/checkpoint';
import { equalHashes } from '../log/hash-checks';
import { EMPTY_ROOT } from '../log/merkle';
import type { VerifierKey } from '../log/verifier-key';
import { verifyCheckpoint } from '../log/verify-checkpoint';
import { checkConsistency } from '../log/verify-consistency';
import { type AuditBundleEnvelope, findNoteLengthProblem, MAX_CONSISTENCY_HASHES } from './bundle';
import { decodeHashes, type Fail } from './failures';
import type { RecordBreaches } from './record-breaches';

/** The verified checkpoints, in bundle order (null where one failed), and the anchor: the last one, if verified. */
export type CheckpointChain = { readonly verified: readonly (Checkpoint | null)[]; readonly anchor: Checkpoint | null };

/** The subject naming checkpoint `index` of the bundle: by its size, or its position if it has none. */
const subjectOf = (note: string, index: number): string => {
  const size = note.split('\n')[1] ?? '';
  return /^(?:0|[1-9][0-9]{0,15})$/.test(size) ? `checkpoint ${size}` : `checkpoint #${index + 1}`;
};

const verifyOne = (note: string, index: number, { key, origin, fail, breaches }: Settings): Checkpoint | null => {
  const problem = breaches.of('checkpoints', index) ?? findNoteLengthProblem(note);
  if (problem !== undefined) {
    fail(subjectOf(note, index), problem);
    return null;
  }
  const verified = verifyCheckpoint(note, key, origin);
  if (!verified.ok) {
    fail(subjectOf(note, index), verified.reason);
    return null;
  }
  if (verified.checkpoint.treeSize === 0 && !equalHashes(verified.checkpoint.rootHash, EMPTY_ROOT)) {
    fail(subjectOf(note, index), 'a checkpoint of size 0 must carry the empty tree root');
    return null;
  }
  return verified.checkpoint;
};

type Settings = {
  readonly key: VerifierKey;
  readonly origin: string;
  readonly fail: Fail;
  readonly breaches: RecordBreaches;
};

const verifyPair = (
  bundle: Pick<AuditBundleEnvelope, 'consistency'>,
  index: number,
  [first, second]: readonly [Checkpoint, Checkpoint],
  { fail, breaches }: Settings,
): void => {
  const subject = `consistency ${first.treeSize} -> ${second.treeSize}`;
  const proof = bundle.consistency[index];
  if (proof === undefined) {
    fail(subject, 'missing: the bundle has no consistency proof for this pair of checkpoints');
    return;
  }
  const breach = breaches.of('consistency', index);
  if (breach !== undefined) {
    fail(subject, breach);
    return;
  }
  if (proof.from !== first.treeSize || proof.to !== second.treeSize) {
    fail(subject, `the proof at this position is from ${proof.from} to ${proof.to}`);
    return;
  }
  const hashes = decodeHashes(proof.proof, 'proof', MAX_CONSISTENCY_HASHES);
  if (typeof hashes === 'string') {
    fail(subject, hashes);
    return;
  }
  // Every tree extends the empty tree; RFC 9162's verifier has no case for size 0.
  if (first.treeSize === 0) {
    if (hashes.length > 0) {
      fail(subject, 'a proof from size 0 must be empty');
    }
    return;
  }
  const check = checkConsistency(first.treeSize, second.treeSize, hashes, first.rootHash, second.rootHash);
  if (!check.ok) {
    fail(subject, `${check.reason}: the later checkpoint is not proven to extend the earlier one`);
  }
};

/** Verifies the bundle's checkpoints and the consistency proofs between them. */
export const verifyCheckpointChain = (
  bundle: Pick<AuditBundleEnvelope, 'checkpoints' | 'consistency'>,
  key: VerifierKey,
  origin: string,
  fail: Fail,
  breaches: RecordBreaches,
): CheckpointChain => {
  const settings: Settings = { key, origin, fail, breaches };
  const verified = bundle.checkpoints.map((note, index) => verifyOne(note, index, settings));
  if (bundle.consistency.length !== Math.max(0, bundle.checkpoints.length - 1)) {
    fail(
      'bundle',
      `${bundle.checkpoints.length} checkpoints need ${bundle.checkpoints.length - 1} consistency proofs, found ${bundle.consistency.length}`,
    );
  }
  for (let index = 1; index < verified.length; index += 1) {
    const first = verified[index - 1];
    const second = verified[index];
    if (!first || !second) {
      continue; // the unverified checkpoint is already named
    }
    if (second.treeSize <= first.treeSize) {
      fail(`checkpoint ${second.treeSize}`, `sizes must ascend: it follows checkpoint ${first.treeSize}`);
      continue;
    }
    verifyPair(bundle, index - 1, [first, second], settings);
  }
  return { verified, anchor: verified.at(-1) ?? null };
};
