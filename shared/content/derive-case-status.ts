/**
 * A case's status as its chain says: the latest status change in force, every change with what
 * was said about it since, and where each party last put the case (the sides may disagree).
 */
import type { DecryptedEntry } from './decrypted-entry';
import type { EntryContent } from './entry-content';
import { correctionsOf, type EntryIndex, effectiveContent, indexEntries } from './entry-corrections';
import type { CaseStatus, StatusChangeContent } from './status-change-content';

/** One status change as history keeps it: never removed, corrections beside it. */
export type StatusRecord = {
  readonly entryHash: string;
  readonly seq: number;
  readonly party: string;
  readonly person: string;
  readonly claimedAt: string;
  readonly receivedAt: string;
  /** As written; absent when the reader cannot read it. */
  readonly original?: StatusChangeContent;
  /** As in force after amendments; absent when the text in force is unreadable. */
  readonly effective?: StatusChangeContent;
  readonly amendedBy: readonly string[];
  readonly retractedBy?: string;
  readonly disputedBy: readonly string[];
};

/** Where a case stands. */
export type CaseStatusView = {
  readonly caseId: string;
  /**
   * The latest status change not retracted; `reported` (`isImplicit`) from the opening entry
   * before any change. `status` is absent when the change in force is unreadable to this reader:
   * an older readable one is not shown as current.
   */
  readonly current?: {
    readonly status?: CaseStatus;
    readonly entryHash: string;
    readonly party: string;
    readonly receivedAt: string;
    readonly isImplicit: boolean;
  };
  /** Each party's latest status change in force. */
  readonly byParty: ReadonlyMap<string, StatusRecord>;
  /** Every status change in chain order, retracted ones included. */
  readonly history: readonly StatusRecord[];
};

const asStatus = (content: EntryContent | undefined): StatusChangeContent | undefined =>
  content?.type === 'status_change' ? content : undefined;

const isCaseEntry = (entry: DecryptedEntry): boolean => entry.header.streamKind === 'case';

const recordOf = (entry: DecryptedEntry, index: EntryIndex): StatusRecord => {
  const corrections = correctionsOf(entry, index);
  const original = asStatus(entry.content);
  const effective = asStatus(effectiveContent(entry, corrections));
  return {
    entryHash: entry.entryHash,
    seq: entry.header.seq,
    party: entry.header.author.party,
    person: entry.header.author.person,
    claimedAt: entry.header.claimedAt,
    receivedAt: entry.receivedAt,
    ...(original ? { original } : {}),
    ...(effective ? { effective } : {}),
    amendedBy: corrections.amendments.map((amendment) => amendment.entryHash),
    ...(corrections.retractedBy ? { retractedBy: corrections.retractedBy.entryHash } : {}),
    disputedBy: corrections.disputes.map((dispute) => dispute.entryHash),
  };
};

/**
 * Derives a case's status from the entries of its stream: the stream of the first `case_open`
 * among `entries` (or of the first case entry). Entries of other streams are left out; `index`
 * may be shared by a caller deriving many cases. Throws a `RangeError` if no entry belongs to a
 * case stream.
 */
export const deriveCaseStatus = (entries: readonly DecryptedEntry[], index = indexEntries(entries)): CaseStatusView => {
  const caseId = (entries.find((entry) => entry.header.type === 'case_open') ?? entries.find(isCaseEntry))?.header
    .stream;
  if (caseId === undefined) {
    throw new RangeError('deriveCaseStatus needs the entries of a case stream');
  }
  const own = entries.filter((entry) => entry.header.stream === caseId).sort((a, b) => a.header.seq - b.header.seq);
  const history = own.filter((entry) => entry.header.type === 'status_change').map((entry) => recordOf(entry, index));
  const inForce = history.filter((record) => record.retractedBy === undefined);
  const byParty = new Map(inForce.map((record) => [record.party, record]));
  const latest = inForce.at(-1);
  const opening = own.find((entry) => entry.header.type === 'case_open');
  const current = latest
    ? {
        ...(latest.effective ? { status: latest.effective.status } : {}),
        entryHash: latest.entryHash,
        party: latest.party,
        receivedAt: latest.receivedAt,
        isImplicit: false,
      }
    : opening && {
        status: 'reported' as const,
        entryHash: opening.entryHash,
        party: opening.header.author.party,
        receivedAt: opening.receivedAt,
        isImplicit: true,
      };
  return current ? { caseId, current, byParty, history } : { caseId, byParty, history };
};
