/**
 * Where agreed minutes stand: which listed parties have countersigned which version, with what
 * intent (VCLT art. 10, 12), who is awaited, and which version superseded which. Old versions
 * stay in the list; a correction is always a new version (domain.md §3).
 */
import type { CountersignIntent } from '../schemas/entry';
import type { DecryptedEntry } from './decrypted-entry';
import { answersOf, type EntryIndex, indexEntries, retractionOf } from './entry-corrections';

/** One party's countersignature of one version. */
export type Countersignature = {
  readonly party: string;
  readonly person: string;
  readonly intent: CountersignIntent;
  readonly entryHash: string;
  readonly claimedAt: string;
  readonly receivedAt: string;
};

/** One version of agreed minutes. */
export type MinutesVersion = {
  readonly entryHash: string;
  /** 1 for the first draft, then 2, 3, … along the supersession chain. */
  readonly version: number;
  readonly author: { readonly person: string; readonly party: string };
  readonly claimedAt: string;
  readonly receivedAt: string;
  /** Absent when the reader cannot read the content. */
  readonly title?: string;
  /** The parties that must countersign (`meta.parties`), the author's included. */
  readonly parties: readonly string[];
  /** The first countersignature in force of each listed party. */
  readonly countersignatures: readonly Countersignature[];
  readonly awaiting: readonly string[];
  /** Every listed party has countersigned this exact hash, whatever the intent. */
  readonly isAgreed: boolean;
  /** Agreed, and every intent is `approve` (not only authenticated or ad referendum). */
  readonly isApprovedByAll: boolean;
  readonly supersedes?: string;
  readonly supersededBy?: string;
  /** A retraction by the author's party; shown, but it cannot undo countersignatures already given. */
  readonly retractedBy?: string;
};

/** All versions of the minutes `minutesHash` belongs to, the asked-for one, and the newest. */
export type AgreedMinutesView = {
  readonly versions: readonly MinutesVersion[];
  readonly requested: MinutesVersion;
  readonly latest: MinutesVersion;
};

const isMinutes = (entry: DecryptedEntry | undefined, stream: string): entry is DecryptedEntry =>
  entry?.header.type === 'agreed_minutes' && entry.header.stream === stream;

const versionOf = (
  entry: DecryptedEntry,
  version: number,
  index: EntryIndex,
  previous: DecryptedEntry | undefined,
  next: DecryptedEntry | undefined,
): MinutesVersion => {
  const parties = entry.header.meta.parties ?? [];
  const countersignatures: Countersignature[] = [];
  for (const signature of answersOf(entry, index, 'countersignature')) {
    const { party, person } = signature.header.author;
    const intent = signature.header.meta.intent;
    // Signatures logged after the next version are refused by the server; a client re-checks.
    const inTime = next === undefined || signature.leafIndex < next.leafIndex;
    if (
      intent === undefined ||
      !inTime ||
      signature.header.stream !== entry.header.stream ||
      !parties.includes(party) ||
      countersignatures.some((known) => known.party === party) ||
      retractionOf(signature, index)
    ) {
      continue;
    }
    const { entryHash, receivedAt } = signature;
    countersignatures.push({ party, person, intent, entryHash, claimedAt: signature.header.claimedAt, receivedAt });
  }
  const awaiting = parties.filter((party) => !countersignatures.some((known) => known.party === party));
  const retractedBy = retractionOf(entry, index)?.entryHash;
  const title = entry.content?.type === 'agreed_minutes' ? entry.content.title : undefined;
  return {
    entryHash: entry.entryHash,
    version,
    author: { person: entry.header.author.person, party: entry.header.author.party },
    claimedAt: entry.header.claimedAt,
    receivedAt: entry.receivedAt,
    ...(title === undefined ? {} : { title }),
    parties,
    countersignatures,
    awaiting,
    isAgreed: parties.length > 0 && awaiting.length === 0,
    isApprovedByAll:
      parties.length > 0 && awaiting.length === 0 && countersignatures.every((s) => s.intent === 'approve'),
    ...(previous ? { supersedes: previous.entryHash } : {}),
    ...(next ? { supersededBy: next.entryHash } : {}),
    ...(retractedBy ? { retractedBy } : {}),
  };
};

/**
 * The state of the agreed minutes `minutesHash` and every other version in its chain. A version
 * is superseded by the first later `agreed_minutes` of the same thread whose `refs[0]` names it.
 * Undefined when `minutesHash` is not agreed minutes among `threadEntries`.
 */
export const agreedMinutesState = (
  threadEntries: readonly DecryptedEntry[],
  minutesHash: string,
  index: EntryIndex = indexEntries(threadEntries),
): AgreedMinutesView | undefined => {
  const requested = index.byHash.get(minutesHash);
  if (requested?.header.type !== 'agreed_minutes') {
    return undefined;
  }
  const { stream } = requested.header;
  let first = requested;
  for (let before = index.byHash.get(first.header.refs[0] ?? ''); isMinutes(before, stream); ) {
    first = before;
    before = index.byHash.get(first.header.refs[0] ?? '');
  }
  const chain = [first];
  for (let last = first; ; ) {
    const next = answersOf(last, index, 'agreed_minutes').find((entry) => entry.header.stream === stream);
    if (!next) {
      break;
    }
    chain.push(next);
    last = next;
  }
  const versions = chain.map((entry, at) => versionOf(entry, at + 1, index, chain[at - 1], chain[at + 1]));
  const pick = (hash: string) => versions.find((version) => version.entryHash === hash);
  const latest = versions.at(-1);
  const asked = pick(minutesHash);
  return latest && asked ? { versions, requested: asked, latest } : undefined;
};
