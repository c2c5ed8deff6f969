/**
 * Witnessing of an audit bundle (docs/AUDIT-BUNDLE.md §4, step 6d), when the verifier pins
 * witness keys: the largest of the bundle's checkpoints whose cosignatures meet the policy makes
 * the entries below its size witnessed; and each trusted checkpoint (a note seen elsewhere) that
 * conflicts with a bundle checkpoint of its size is a split view, reported with both notes. Under
 * the default policy the log as a whole needs a witness of every pinned party, and each stream a
 * witness of each of its member parties (as the bundle's verified entries add them up).
 */
import { verifyCheckpoint } from '../log/verify-checkpoint';
import { verifyCosignatures } from '../witness/cosignature';
import { findSplitView, type NotedCheckpoint, type SplitViewAlarm } from '../witness/split-view';
import { evaluateWitnessPolicy, type PolicyOutcome, type WitnessPolicy } from '../witness/witness-policy';
import { checkWitnessedCheckpoint, type WitnessTrust } from '../witness/witnessed-checkpoint';
import type { StreamMembers } from './verify-membership';

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
  /** Under the default policy, per stream: its member parties and what witnesses its entries. */
  readonly streams: readonly StreamWitnessing[];
};

/** One stream under the default policy. */
export type StreamWitnessing = {
  readonly stream: string;
  readonly members: readonly string[];
  readonly lastLeaf: number;
  readonly witnessed?: { readonly treeSize: number; readonly witnessedBy: readonly string[] };
  readonly missingParties: readonly string[];
};

type Witnessed = { readonly treeSize: number; readonly witnessedBy: readonly string[] };
type Checked = { readonly note: NotedCheckpoint; readonly outcome: (members?: ReadonlySet<string>) => PolicyOutcome };

// The log as a whole concerns every party that runs a pinned witness.
const logWidePolicy = (trust: WitnessTrust): WitnessPolicy =>
  trust.policy.kind === 'stream-members'
    ? { kind: 'each-party', parties: [...new Set(trust.witnesses.flatMap(({ party }) => party ?? []))] }
    : trust.policy;

const largestWitnessed = (checked: readonly Checked[], members?: ReadonlySet<string>): Witnessed | undefined => {
  let witnessed: Witnessed | undefined;
  for (const { note, outcome } of checked) {
    const measured = outcome(members);
    if (measured.isWitnessed && note.checkpoint.treeSize >= (witnessed?.treeSize ?? 0)) {
      witnessed = { treeSize: note.checkpoint.treeSize, witnessedBy: measured.witnessedBy };
    }
  }
  return witnessed;
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
  streamMembers: ReadonlyMap<string, StreamMembers> = new Map(),
): BundleWitnessing => {
  const forgeries: string[] = [];
  const bundle: NotedCheckpoint[] = [];
  const checked: Checked[] = [];
  for (const note of checkpointNotes) {
    const verified = checkWitnessedCheckpoint(note, trust);
    if (!verified.ok) {
      if (opened(note, trust) !== undefined) {
        forgeries.push(verified.reason);
      }
      continue;
    }
    const noted = { note, checkpoint: verified.checkpoint };
    bundle.push(noted);
    const cosignatures = verifyCosignatures(
      note,
      trust.witnesses.map(({ key }) => key),
    );
    const lines = cosignatures.ok ? cosignatures.cosignatures : [];
    checked.push({
      note: noted,
      outcome: (members) =>
        evaluateWitnessPolicy(lines, trust.witnesses, members ? trust.policy : logWidePolicy(trust), members),
    });
  }
  const witnessed = largestWitnessed(checked);
  const streams: StreamWitnessing[] =
    trust.policy.kind !== 'stream-members'
      ? []
      : [...streamMembers].map(([stream, { members, lastLeaf }]) => {
          const memberSet = new Set(members);
          const best = largestWitnessed(checked, memberSet);
          const latest = checked.at(-1)?.outcome(memberSet);
          const missingParties = best ? [] : (latest?.missingParties ?? members);
          return { stream, members, lastLeaf, ...(best ? { witnessed: best } : {}), missingParties };
        });
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
  return { ...(witnessed ? { witnessed } : {}), anchorSize, splitViews, forgeries, streams };
};
