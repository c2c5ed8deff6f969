/**
 * Step 9 of bundle verification (docs/AUDIT-BUNDLE.md §4): who takes part in each stream and who
 * reads it, from signed records alone. Each stream the bundle carries from its opening entry is
 * folded with the consent rules (PROTOCOL.md §4.9; below the legacy boundary, the rule of its time,
 * §7.8), naming every entry that breaks them; and every entry sealed to anyone who is not a reader
 * of the stream at its position (§4.10) is named, a disclosure's grantee excepted.
 */
import type { DirectoryState } from '../directory/index';
import { applyLegacyMembership } from '../membership/legacy-membership';
import { applyMembership, NO_MEMBERSHIP, type StreamMembership } from '../membership/stream-membership';
import { unexpectedRecipients } from '../membership/stream-readers';
import type { EntryHeader } from '../schemas/entry';
import type { Fail } from './failures';
import type { CheckedEntry } from './verify-entries';

/** The verified directory, and where each legacy key was endorsed (verify-statements.ts). */
type Trust = { readonly directory: DirectoryState; readonly endorsedAt: ReadonlyMap<string, number> };

/**
 * Recipients whose key, published before party roots, was never endorsed along its own party's
 * chain (§7.8): nothing may be sealed to them above the legacy boundary. Recipients that
 * {@link unexpectedRecipients} already names (unknown, ended, admin, outside the members) are not
 * named twice.
 */
const unendorsedRecipients = (
  header: EntryHeader,
  members: ReadonlySet<string>,
  { directory, endorsedAt }: Trust,
  at: number,
) => {
  const grantee = header.type === 'disclosure' ? header.meta.grantee : undefined;
  return header.recipients.flatMap(({ person, keyId }) => {
    const key = directory.keyRecord(keyId);
    if (
      !key ||
      key.person !== person ||
      !directory.isKeyValidAt(keyId, at) ||
      (person !== grantee && (key.role === 'admin' || !members.has(key.party)))
    ) {
      return [];
    }
    // Endorsed since its publication, or since the endorse statement naming it.
    const since = key.partyEndorsed ? (endorsedAt.get(keyId) ?? key.validFrom) : undefined;
    return since !== undefined && since < at
      ? []
      : [
          `sealed to ${key.name} (${person}) with key ${keyId}, which was not endorsed along party ${key.party}'s own chain at leaf ${at}: ` +
            'nothing is sealed to such a key after the legacy boundary',
        ];
  });
};

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

/**
 * Folds the membership of every stream in `entries` and checks each entry's recipients against
 * the directory and the member parties before it (for an opening entry, the parties it names).
 * Streams the bundle does not carry from seq 1 cannot be judged: `note` says so.
 */
export const verifyMembership = (
  entries: readonly CheckedEntry[],
  trust: Trust,
  fail: Fail,
  note: (text: string) => void,
): void => {
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
    const { directory } = trust;
    let state: StreamMembership = NO_MEMBERSHIP;
    for (const { header, entryHash, leafIndex, subject } of prefix) {
      const isLegacy = leafIndex < directory.legacyBefore;
      const step = (isLegacy ? applyLegacyMembership : applyMembership)(state, header, entryHash);
      const members = header.seq === 1 && step.ok ? step.state.members : state.members;
      if (step.ok) {
        state = step.state;
      } else {
        fail(subject, `breaks the stream's membership rules: ${step.reason}`);
      }
      const problems = [
        ...unexpectedRecipients(header, members, directory, leafIndex),
        ...(isLegacy ? [] : unendorsedRecipients(header, members, trust, leafIndex)),
      ];
      for (const problem of problems) {
        fail(subject, problem);
      }
    }
  }
};
