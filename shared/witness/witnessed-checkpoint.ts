/**
 * Whether a checkpoint note is *witnessed* for a reader: signed by the pinned log key, and
 * cosigned by pinned witnesses as the reader's policy asks (docs/PROTOCOL.md §9.3). Entries are
 * witnessed when they lie inside a witnessed checkpoint's tree (leaf index below its size).
 */
import type { Checkpoint } from '../log/checkpoint';
import { verifyCheckpoint } from '../log/verify-checkpoint';
import { verifyCosignatures } from './cosignature';
import { evaluateWitnessPolicy, type PinnedWitness, type PolicyOutcome, type WitnessPolicy } from './witness-policy';

/**
 * The pins a reader holds: the log key and origin, its witnesses and its policy; and, when it
 * reads a stream, that stream's member parties as its verified entries add them up.
 */
export type WitnessTrust = {
  readonly logKey: string;
  readonly origin: string;
  readonly witnesses: readonly PinnedWitness[];
  readonly policy: WitnessPolicy;
  readonly members?: ReadonlySet<string>;
};

/** The outcome of {@link checkWitnessedCheckpoint}. */
export type WitnessedCheckpoint =
  | { readonly ok: true; readonly checkpoint: Checkpoint; readonly outcome: PolicyOutcome }
  | { readonly ok: false; readonly reason: string };

/**
 * Verifies the log's signature, then every cosignature by a pinned witness, and measures them
 * against the policy. A bad log signature or a forged line by a pinned witness refuses the note.
 */
export const checkWitnessedCheckpoint = (note: string, trust: WitnessTrust): WitnessedCheckpoint => {
  const verified = verifyCheckpoint(note, trust.logKey, trust.origin);
  if (!verified.ok) {
    return verified;
  }
  const cosigned = verifyCosignatures(
    note,
    trust.witnesses.map(({ key }) => key),
  );
  if (!cosigned.ok) {
    return cosigned;
  }
  return {
    ok: true,
    checkpoint: verified.checkpoint,
    outcome: evaluateWitnessPolicy(cosigned.cosignatures, trust.witnesses, trust.policy, trust.members),
  };
};

/** True when the leaf at `leafIndex` lies in the tree of a witnessed checkpoint. */
export const isLeafWitnessed = (leafIndex: number, witnessed: WitnessedCheckpoint | undefined): boolean =>
  witnessed?.ok === true && witnessed.outcome.isWitnessed && leafIndex < witnessed.checkpoint.treeSize;
