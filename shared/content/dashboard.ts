/**
 * The overview a delegation opens with, computed from what it can read: cases by status,
 * reunifications per ISO week, commitments (overdue first), and receipts still awaited.
 */
import type { EntryType } from '../schemas/entry-type';
import { type CommitmentStatus, type CommitmentView, commitmentState } from './commitment-state';
import type { DecryptedEntry } from './decrypted-entry';
import { deriveCaseStatus } from './derive-case-status';
import { answersOf, type EntryIndex, indexEntries, retractionOf } from './entry-corrections';
import { isoWeek, plainDateOf } from './plain-date';
import { type PersonParty, receiptsFor } from './receipts-for';
import type { CaseStatus } from './status-change-content';

/** Entry types whose recipients are expected to sign a receipt. */
export const RECEIPT_EXPECTED: ReadonlySet<EntryType> = new Set<EntryType>([
  'letter',
  'note_verbale',
  'aide_memoire',
  'non_paper',
  'minutes',
  'agreed_minutes',
  'evidence',
  'status_change',
  'commitment',
  'commitment_update',
  'dispute',
  'amendment',
  'retraction',
]);

/** An entry some recipient party has not acknowledged yet. */
export type AwaitedReceipt = {
  readonly entryHash: string;
  readonly stream: string;
  readonly type: EntryType;
  readonly authorParty: string;
  readonly receivedAt: string;
  readonly awaited: readonly string[];
};

/** The dashboard's figures. */
export type Dashboard = {
  /** Case ids by current status; `unknown` where the status in force is unreadable. */
  readonly casesByStatus: Partial<Record<CaseStatus | 'unknown', readonly string[]>>;
  /** Cases reunified per ISO week (`2025-W44`), in week order, each case once. */
  readonly reunifiedPerWeek: readonly { readonly week: string; readonly count: number }[];
  /** Overdue first, then by deadline (earliest first, unresolved last). */
  readonly commitments: readonly CommitmentView[];
  readonly commitmentsByStatus: Partial<Record<CommitmentStatus, number>>;
  /** In log order, oldest first. */
  readonly receiptsAwaited: readonly AwaitedReceipt[];
};

const deadlineOf = (view: CommitmentView): number =>
  view.due.state === 'resolved' ? Date.parse(view.due.deadline) : Number.POSITIVE_INFINITY;

/**
 * Parties that countersigned `entry` in its own stream (not retracted): a party cannot sign what it
 * never received, so no separate receipt is awaited from it.
 */
const countersignedBy = (entry: DecryptedEntry, index: EntryIndex): ReadonlySet<string> =>
  new Set(
    answersOf(entry, index, 'countersignature')
      .filter((signature) => signature.header.stream === entry.header.stream && !retractionOf(signature, index))
      .map((signature) => signature.header.author.party),
  );

/**
 * The dashboard at `now` from the case streams' and threads' entries. `people` maps recipients to
 * their parties for receipts (it is needed beside the entries: a recipient who never wrote
 * anything shows no party in any header).
 */
export const dashboard = (
  casesEntries: readonly DecryptedEntry[],
  threadEntries: readonly DecryptedEntry[],
  now: Date,
  people: readonly PersonParty[],
): Dashboard => {
  const all = [...casesEntries, ...threadEntries];
  const index = indexEntries(all);
  const byCase = new Map<string, DecryptedEntry[]>();
  for (const entry of casesEntries.filter((item) => item.header.streamKind === 'case')) {
    byCase.set(entry.header.stream, [...(byCase.get(entry.header.stream) ?? []), entry]);
  }
  const casesByStatus: Partial<Record<CaseStatus | 'unknown', string[]>> = {};
  const perWeek = new Map<string, number>();
  for (const [caseId, entries] of byCase) {
    const view = deriveCaseStatus(entries, index);
    const status = view.current?.status ?? 'unknown';
    casesByStatus[status] = [...(casesByStatus[status] ?? []), caseId];
    // The first reunification in force: when it happened, or else when it was logged.
    const reunified = view.history.find((item) => !item.retractedBy && item.effective?.status === 'reunified');
    if (reunified) {
      const week = isoWeek(reunified.effective?.effectiveDate ?? plainDateOf(reunified.receivedAt));
      perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
    }
  }
  const commitments = threadEntries
    .filter((entry) => entry.header.type === 'commitment')
    .flatMap((entry) => commitmentState(all, entry.entryHash, now, index) ?? [])
    .sort((a, b) => Number(b.isOverdue) - Number(a.isOverdue) || deadlineOf(a) - deadlineOf(b));
  const commitmentsByStatus: Partial<Record<CommitmentStatus, number>> = {};
  for (const view of commitments) {
    commitmentsByStatus[view.status] = (commitmentsByStatus[view.status] ?? 0) + 1;
  }
  const receiptsAwaited = [...index.byHash.values()]
    .filter((entry) => RECEIPT_EXPECTED.has(entry.header.type))
    .map((entry) => {
      const signed = countersignedBy(entry, index);
      const { awaited } = receiptsFor(entry, all, people, index);
      return { entry, receipts: { awaited: awaited.filter((party) => !signed.has(party)) } };
    })
    .filter(({ receipts }) => receipts.awaited.length > 0)
    .map(({ entry, receipts }) => ({
      entryHash: entry.entryHash,
      stream: entry.header.stream,
      type: entry.header.type,
      authorParty: entry.header.author.party,
      receivedAt: entry.receivedAt,
      awaited: receipts.awaited,
    }));
  return {
    casesByStatus,
    reunifiedPerWeek: [...perWeek].sort(([a], [b]) => a.localeCompare(b)).map(([week, count]) => ({ week, count })),
    commitments,
    commitmentsByStatus,
    receiptsAwaited,
  };
};
