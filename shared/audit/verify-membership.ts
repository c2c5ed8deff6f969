/**
 * Step 9 of bundle verification (docs/AUDIT-BUNDLE.md §4): who takes part in each stream and who
 * reads it, from signed records alone. Each stream the bundle carries from its opening entry is
 * folded with the consent rules (PROTOCOL.md §4.9; below the legacy boundary, the rule of its time,
 * §7.8), naming every entry that breaks them; and every entry sealed to anyone who is not a reader
 * of the stream at its position (§4.10) is named, a disclosure's grantee excepted.
 */
import type { DirectoryState } from '../directory/index';
import { applyMembershipAt } from '../membership/legacy-membership';
import { NO_MEMBERSHIP, type StreamMembership } from '../membership/stream-membership';
import { unexpectedRecipients } from '../membership/stream-readers';
import type { Fail } from './failures';
import type { CheckedEntry } from './verify-entries';

/** The entries of one stream from seq 1 in order, up to the first gap or fork (which step 8 names). */
const unbrokenPrefix = (entries: readonly CheckedEntry[]): { prefix: CheckedEntry[]; stoppedAt?: number } => {
  const bySeq = new Map<number, CheckedEntry[]>();
  for (const entry of entries) {
    bySeq.set(entry.header.seq, [...(bySeq.get(entry.header.seq) ?? []), entry]);
  }
  const prefix: CheckedEntry[] = [];
  for (let seq = 1; prefix.length < entries.length; seq += 1) {
    const here = bySeq.get(seq) ?? [];
    if (here.length !== 1 || !here[0]) {
      return { prefix, stoppedAt: seq };
    }
    prefix.push(here[0]);
  }
  return { prefix };
};

/** A stream's member parties after its verified entries, and the last leaf of the stream. */
export type StreamMembers = { readonly members: readonly string[]; readonly lastLeaf: number };

/**
 * Folds the membership of every stream in `entries` and checks each entry's recipients against
 * the directory and the member parties before it (for an opening entry, the parties it names).
 * Streams the bundle does not carry from seq 1 cannot be judged: `note` says so. Answers the
 * member parties of each stream it could fold (for the witness policy, step 6d).
 */
export const verifyMembership = (
  entries: readonly CheckedEntry[],
  directory: DirectoryState,
  fail: Fail,
  note: (text: string) => void,
): Map<string, StreamMembers> => {
  const folded = new Map<string, StreamMembers>();
  const streams = new Map<string, CheckedEntry[]>();
  for (const entry of entries) {
    streams.set(entry.header.stream, [...(streams.get(entry.header.stream) ?? []), entry]);
  }
  for (const [stream, all] of streams) {
    const first = Math.min(...all.map((entry) => entry.header.seq));
    if (first !== 1) {
      note(
        `stream ${stream}: membership and recipients not checked: the bundle carries it from seq ${first}, not from its opening entry`,
      );
      continue;
    }
    const { prefix, stoppedAt } = unbrokenPrefix(all);
    if (stoppedAt !== undefined) {
      note(
        `stream ${stream}: membership and recipients checked up to seq ${stoppedAt - 1} only: seq ${stoppedAt} is missing or forked`,
      );
    }
    let state: StreamMembership = NO_MEMBERSHIP;
    for (const { header, entryHash, leafIndex, subject } of prefix) {
      const step = applyMembershipAt(state, header, entryHash, leafIndex, directory.legacyBefore);
      const members = header.seq === 1 && step.ok ? step.state.members : state.members;
      if (step.ok) {
        state = step.state;
      } else {
        fail(subject, `breaks the stream's membership rules: ${step.reason}`);
      }
      for (const problem of unexpectedRecipients(header, members, directory, leafIndex)) {
        fail(subject, problem);
      }
    }
    const lastLeaf = Math.max(...all.map((entry) => entry.leafIndex));
    folded.set(stream, { members: [...state.members].sort(), lastLeaf });
  }
  return folded;
};
