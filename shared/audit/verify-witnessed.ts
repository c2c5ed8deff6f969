/**
 * Witnessing of an audit bundle (docs/AUDIT-BUNDLE.md §4, step 6d), when the verifier pins
 * witness keys: the largest of the bundle's checkpoints whose cosignatures meet the policy makes
 * the entries below its size witnessed; and each trusted checkpoint (a note seen elsewhere) that
 * conflicts with a bundle checkpoint of its size is a split view, reported with both notes.
 */
import { verifyCheckpoint } from '../log/verify-checkpoint';
import { findSplitView, type NotedCheckpoint, type SplitViewAlarm } from '../witness/split-view';
import { checkWitnessedCheckpoint, type WitnessTrust } from '../witness/witnessed-checkpoint';

/** What the pinned witnesses say about a bundle. */
export type BundleWitnessing = {
  /** The largest checkpoint meeting the policy, with who cosigned it; undefined when none does. */
  readonly witnessed?: { readonly treeSize: number; readonly witnessedBy: readonly string[] };
  /** The size of the bundle's last checkpoint, so entries between the two are named not yet witnessed. */
  readonly anchorSize: number | undefined;
  /** Trusted checkpoints that conflict with the bundle's checkpoint of the same size. */
  readonly splitViews: readonly SplitViewAlarm[];
  /** Notes that carry a line by a pinned witness that does not verify. */
  readonly forgeries: readonly string[];
};

const opened = (note: string, trust: WitnessTrust): NotedCheckpoint | undefined => {
  const verified = verifyCheckpoint(note, trust.logKey, trust.origin);
  return verified.ok ? { note, checkpoint: verified.checkpoint } : undefined;
};

/** Assesses the bundle's checkpoint notes and the trusted notes under the pinned witnesses. */
export const assessWitnessing = (
  checkpointNotes: readonly string[],
  trustedNotes: readonly string[],
  trust: WitnessTrust,
): BundleWitnessing => {
  let witnessed: BundleWitnessing['witnessed'];
  const forgeries: string[] = [];
  const bundle: NotedCheckpoint[] = [];
  for (const note of checkpointNotes) {
    const checked = checkWitnessedCheckpoint(note, trust);
    if (!checked.ok) {
      if (opened(note, trust) !== undefined) {
        forgeries.push(checked.reason);
      }
      continue;
    }
    bundle.push({ note, checkpoint: checked.checkpoint });
    if (checked.outcome.isWitnessed && checked.checkpoint.treeSize >= (witnessed?.treeSize ?? 0)) {
      witnessed = { treeSize: checked.checkpoint.treeSize, witnessedBy: checked.outcome.witnessedBy };
    }
  }
  const splitViews: SplitViewAlarm[] = [];
  for (const note of trustedNotes) {
    const trusted = opened(note, trust);
    const sameSize = bundle.find(({ checkpoint }) => checkpoint.treeSize === trusted?.checkpoint.treeSize);
    const alarm = trusted && sameSize ? findSplitView(sameSize, trusted, []) : undefined;
    if (alarm !== undefined) {
      splitViews.push(alarm);
    }
  }
  const anchorSize = bundle.at(-1)?.checkpoint.treeSize;
  return { ...(witnessed ? { witnessed } : {}), anchorSize, splitViews, forgeries };
};
