/**
 * How entries answer one another through `refs[0]`: retractions and amendments by the author's
 * party, disputes by anyone. Corrections never replace history; they are shown beside it.
 */
import type { EntryType } from '../schemas/entry-type';
import type { DecryptedEntry } from './decrypted-entry';
import type { EntryContent } from './entry-content';

/** Entries by hash, and the entries answering each hash (`refs[0]`), in log order. */
export type EntryIndex = {
  readonly byHash: ReadonlyMap<string, DecryptedEntry>;
  readonly answers: ReadonlyMap<string, readonly DecryptedEntry[]>;
};

/** Indexes entries of any streams; duplicates (same hash) are kept once. */
export const indexEntries = (entries: readonly DecryptedEntry[]): EntryIndex => {
  const byHash = new Map<string, DecryptedEntry>();
  const answers = new Map<string, DecryptedEntry[]>();
  for (const entry of [...entries].sort((a, b) => a.leafIndex - b.leafIndex)) {
    if (byHash.has(entry.entryHash)) {
      continue;
    }
    byHash.set(entry.entryHash, entry);
    const target = entry.header.refs[0];
    if (target !== undefined) {
      answers.set(target, [...(answers.get(target) ?? []), entry]);
    }
  }
  return { byHash, answers };
};

/** The entries of `type` answering `entry`, in log order. */
export const answersOf = (entry: DecryptedEntry, index: EntryIndex, type: EntryType): DecryptedEntry[] =>
  (index.answers.get(entry.entryHash) ?? []).filter((answer) => answer.header.type === type);

// The server lets only the author's party correct an entry, in its own stream; a client checks
// again rather than trust it.
const isOwnCorrection = (correction: DecryptedEntry, target: DecryptedEntry): boolean =>
  correction.header.author.party === target.header.author.party && correction.header.stream === target.header.stream;

// Chains of retracted retractions are short in practice; the bound only stops a pathological log.
const retractionWithin = (entry: DecryptedEntry, index: EntryIndex, depth: number): DecryptedEntry | undefined =>
  depth > 16
    ? undefined
    : answersOf(entry, index, 'retraction').find(
        (retraction) => isOwnCorrection(retraction, entry) && !retractionWithin(retraction, index, depth + 1),
      );

/** The retraction in force over `entry`, if any; a retraction that is itself retracted has no effect. */
export const retractionOf = (entry: DecryptedEntry, index: EntryIndex): DecryptedEntry | undefined =>
  retractionWithin(entry, index, 0);

/** Corrections and disputes of one entry. */
export type Corrections = {
  readonly retractedBy?: DecryptedEntry;
  /** Amendments in force, oldest first; the last one is the current text. */
  readonly amendments: readonly DecryptedEntry[];
  /** Disputes in force (not retracted by their authors), oldest first. */
  readonly disputes: readonly DecryptedEntry[];
};

/** What has been said about `entry` since: retraction, amendments, disputes. */
export const correctionsOf = (entry: DecryptedEntry, index: EntryIndex): Corrections => {
  const retractedBy = retractionOf(entry, index);
  const amendments = answersOf(entry, index, 'amendment').filter(
    (amendment) =>
      isOwnCorrection(amendment, entry) &&
      !retractionOf(amendment, index) &&
      (amendment.content?.type !== 'amendment' || amendment.content.replacement.type === entry.header.type),
  );
  const disputes = answersOf(entry, index, 'dispute').filter((dispute) => !retractionOf(dispute, index));
  return retractedBy ? { retractedBy, amendments, disputes } : { amendments, disputes };
};

/**
 * The entry's content as last amended: the newest amendment's replacement, or the original if
 * never amended. Undefined when the content in force is one the reader cannot read.
 */
export const effectiveContent = (entry: DecryptedEntry, corrections: Corrections): EntryContent | undefined => {
  const latest = corrections.amendments.at(-1);
  if (!latest) {
    return entry.content;
  }
  return latest.content?.type === 'amendment' ? latest.content.replacement : undefined;
};
