/**
 * Checkpoint gossip on reading (docs/PROTOCOL.md §9.3): every checkpoint an author's client
 * carried in an entry this person can read is compared with the checkpoint this person's log
 * monitor trusts. Two parties shown different trees meet each other's view through the entries
 * they exchange, with no witness; a conflict is the same blocking alarm as a witness's.
 */

import { verifyCheckpoint } from '../../shared/log/verify-checkpoint';
import { claimedTreeSize } from '../../shared/witness/split-view';
import type { LogCheckResult } from './log-checker';
import type { ReadEntry } from './open-stream-entries';
import type { ParleyHttp } from './parley-http';
import { compareNotes } from './witness-status';

const PROOFS_AT_ONCE = 8;

/** What one reader already proved, so a note is asked about once. */
export type GossipMemory = {
  /** Notes proven a prefix of a trusted tree: every later trusted tree extends that one. */
  readonly provenPrefixes: Set<string>;
  /** Larger notes proven consistent with a given trusted note (`trusted note` + NUL + `note`). */
  readonly checkedPairs: Set<string>;
};

/** An empty memory. */
export const newGossipMemory = (): GossipMemory => ({ provenPrefixes: new Set(), checkedPairs: new Set() });

/**
 * Compares each distinct checkpoint carried in `entries` with `trusted`. A carried note that the
 * pinned log key does not sign proves nothing, and is not compared.
 *
 * @throws {SplitViewError} naming the trusted note and the carried one when they conflict.
 */
export const checkGossipedCheckpoints = async (
  http: ParleyHttp,
  trusted: LogCheckResult,
  entries: readonly ReadEntry[],
  memory: GossipMemory,
): Promise<void> => {
  const { verifierKey, origin } = trusted.pinned;
  const notes = new Set(
    entries.flatMap(({ seenCheckpoint }) => (seenCheckpoint === undefined ? [] : [seenCheckpoint])),
  );
  const pairOf = (note: string) => `${trusted.note}\u0000${note}`;
  const pending = [...notes].filter(
    (note) =>
      note !== trusted.note &&
      !memory.provenPrefixes.has(note) &&
      !memory.checkedPairs.has(pairOf(note)) &&
      verifyCheckpoint(note, verifierKey, origin).ok,
  );
  // A first read of a long stream meets one note per entry: ask for their proofs a few at a time.
  for (let start = 0; start < pending.length; start += PROOFS_AT_ONCE) {
    const batch = pending.slice(start, start + PROOFS_AT_ONCE);
    await Promise.all(batch.map((note) => compareNotes(http, { verifierKey, origin, note: trusted.note }, note)));
    for (const note of batch) {
      if ((claimedTreeSize(note) ?? Number.POSITIVE_INFINITY) <= trusted.treeSize) {
        memory.provenPrefixes.add(note);
      } else {
        memory.checkedPairs.add(pairOf(note));
      }
    }
  }
};
