/**
 * Split-view detection (docs/PROTOCOL.md §9.3): two checkpoints signed by the pinned log key
 * describe one history only if the smaller tree is a prefix of the larger. A reader compares every
 * checkpoint it accepts with every cosigned or gossiped one it meets (a witness's, one carried in
 * an entry it can read); a conflict is an alarm that keeps both signed notes as evidence, since
 * together they prove the log signed two histories.
 */
import { type Checkpoint, parseCheckpointBody } from '../log/checkpoint';
import { equalHashes } from '../log/hash-checks';
import type { Hash } from '../log/merkle';
import { parseSignedNote } from '../log/signed-note';
import { checkConsistency } from '../log/verify-consistency';

/** A checkpoint already verified under the pinned log key, with its note. */
export type NotedCheckpoint = { readonly note: string; readonly checkpoint: Checkpoint };

/** Two signed checkpoints of one log that cannot both be true, and why. */
export type SplitViewAlarm = {
  readonly reason: string;
  /** The smaller (or, at one size, the first given) checkpoint's note, then the other's. */
  readonly notes: readonly [string, string];
};

/** What the reader needs before it can decide: a consistency proof between the two sizes. */
export type ProofNeeded = { readonly from: number; readonly to: number };

/** Orders two checkpoints by size, the first given first at equal sizes. */
export const orderBySize = (a: NotedCheckpoint, b: NotedCheckpoint): [NotedCheckpoint, NotedCheckpoint] =>
  b.checkpoint.treeSize < a.checkpoint.treeSize ? [b, a] : [a, b];

/** Which consistency proof comparing `a` and `b` needs, or undefined when none (same size, or an empty tree). */
export const proofNeededFor = (a: NotedCheckpoint, b: NotedCheckpoint): ProofNeeded | undefined => {
  const [small, large] = orderBySize(a, b);
  const from = small.checkpoint.treeSize;
  const to = large.checkpoint.treeSize;
  return from === 0 || from === to ? undefined : { from, to };
};

/**
 * Compares two verified checkpoints of one log. `proof` is RFC 6962 PROOF(smaller size, larger
 * size) from wherever the reader got it (a server that lies about it only turns a true conflict
 * into an alarm, never a conflict into agreement). Returns undefined when they agree.
 */
export const findSplitView = (
  a: NotedCheckpoint,
  b: NotedCheckpoint,
  proof: readonly Hash[],
): SplitViewAlarm | undefined => {
  const [small, large] = orderBySize(a, b);
  const from = small.checkpoint.treeSize;
  const to = large.checkpoint.treeSize;
  const notes: [string, string] = [small.note, large.note];
  if (from === to) {
    return equalHashes(small.checkpoint.rootHash, large.checkpoint.rootHash)
      ? undefined
      : { reason: `the log signed two trees of size ${to} with different roots`, notes };
  }
  if (from === 0) {
    return undefined;
  }
  const check = checkConsistency(from, to, proof, small.checkpoint.rootHash, large.checkpoint.rootHash);
  return check.ok
    ? undefined
    : { reason: `the tree of size ${from} is not proven a prefix of the tree of size ${to}: ${check.reason}`, notes };
};

/** The unverified tree size of a note, only to choose which proof to ask for; undefined if unreadable. */
export const claimedTreeSize = (note: string): number | undefined => {
  const parsed = parseSignedNote(note);
  const body = parsed.ok ? parseCheckpointBody(parsed.note.body) : undefined;
  return body?.ok ? body.checkpoint.treeSize : undefined;
};
