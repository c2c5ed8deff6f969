/**
 * A commitment's state, derived on the client (the server cannot tell whose return is next):
 * each party's stance (commitment-stances.ts), k of n cases fulfilled, counted only on the
 * receiving party's receipt (commitment-fulfilment.ts), the deadline (commitment-due.ts), and
 * disputes with their counter-claims beside it.
 */
import type { CommitmentContent } from './commitment-content';
import { isPastDue, type ResolvedDue, resolveDue } from './commitment-due';
import { type CaseFulfilment, fulfilmentOf } from './commitment-fulfilment';
import { checkCommitmentSource, type SourceCheck } from './commitment-source-check';
import { type CommitmentStances, commitmentStances } from './commitment-stances';
import type { DecryptedEntry } from './decrypted-entry';
import { type EntryIndex, indexEntries, retractionOf } from './entry-corrections';

/** Every status a commitment can show; where several apply, the first in this list wins. */
export type CommitmentStatus =
  | 'withdrawn'
  | 'superseded'
  | 'fulfilled'
  | 'overdue'
  | 'disputed'
  | 'partially_fulfilled'
  | 'in_progress'
  | 'accepted'
  | 'proposed';

/** The derived state of one commitment entry. */
export type CommitmentView = Omit<CommitmentStances, 'claims' | 'accepted' | 'isWithdrawn' | 'confirmations'> & {
  readonly entryHash: string;
  readonly commitment: CommitmentContent;
  readonly status: CommitmentStatus;
  /** Past the deadline and not fulfilled, withdrawn or superseded (whether or not disputed). */
  readonly isOverdue: boolean;
  /** Some party's latest stance is `disputed`. */
  readonly isDisputed: boolean;
  readonly due: ResolvedDue;
  /** k of n: cases the obligee acknowledged, of the scope's frozen case list; for a count, children confirmed. */
  readonly fulfilled: number;
  readonly total: number;
  readonly cases: readonly CaseFulfilment[];
  readonly source: SourceCheck;
  /** A retraction of the commitment by its author's party: shown as `withdrawn`. */
  readonly retractedBy?: string;
};

/**
 * The state of the commitment `commitmentHash` at `now`, from every entry the reader holds
 * (its thread, and the case streams of its scope). Undefined if the entry is absent, not a
 * commitment, or unreadable to this reader.
 */
export const commitmentState = (
  entries: readonly DecryptedEntry[],
  commitmentHash: string,
  now: Date,
  index: EntryIndex = indexEntries(entries),
): CommitmentView | undefined => {
  const entry = index.byHash.get(commitmentHash);
  const commitment = entry?.content;
  if (!entry || commitment?.type !== 'commitment') {
    return undefined;
  }
  const { claims, accepted, isWithdrawn, confirmations, ...said } = commitmentStances(entry, commitment, index);
  const cases = fulfilmentOf(commitment, claims, index, confirmations);
  const confirmedChildren = confirmations.reduce((sum, confirmation) => sum + confirmation.count, 0);
  const { scope } = commitment;
  const fulfilled =
    scope.kind === 'count'
      ? Math.min(confirmedChildren, scope.count)
      : cases.filter((item) => item.state === 'acknowledged').length;
  const total = scope.kind === 'count' ? scope.count : cases.length;
  const due = resolveDue(commitment.due, index);
  const retractedBy = retractionOf(entry, index)?.entryHash;
  const isClosed = isWithdrawn || retractedBy !== undefined || said.supersededBy !== undefined || fulfilled === total;
  const isOverdue = !isClosed && isPastDue(due, now);
  const isDisputed = [...said.stances.values()].some((party) => party.stance === 'disputed');
  const mustAccept = [commitment.obligor, commitment.obligee].filter((party) => party !== entry.header.author.party);
  const ranked: [boolean, CommitmentStatus][] = [
    [isWithdrawn || retractedBy !== undefined, 'withdrawn'],
    [said.supersededBy !== undefined, 'superseded'],
    [fulfilled === total, 'fulfilled'],
    [isOverdue, 'overdue'],
    [isDisputed, 'disputed'],
    [fulfilled > 0, 'partially_fulfilled'],
    [
      said.stances.get(commitment.obligor)?.stance === 'in_progress' ||
        cases.some((c) => c.state !== 'open') ||
        confirmations.length > 0,
      'in_progress',
    ],
    [mustAccept.every((party) => accepted.has(party)), 'accepted'],
  ];
  return {
    ...said,
    entryHash: entry.entryHash,
    commitment,
    status: ranked.find(([applies]) => applies)?.[1] ?? 'proposed',
    isOverdue,
    isDisputed,
    due,
    fulfilled,
    total,
    cases,
    source: checkCommitmentSource(commitment.source, index),
    ...(retractedBy === undefined ? {} : { retractedBy }),
  };
};
