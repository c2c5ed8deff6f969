/**
 * The dashboard as its screen shows it, computed in the browser from the streams the signed-in
 * person verified and could open (shared/content/dashboard.ts), with names for ids. Entries of a
 * stream whose signatures or chain do not verify are left out and counted, not trusted.
 */
import type { CommitmentStatus } from '../../../shared/content/commitment-state';
import { dashboard } from '../../../shared/content/dashboard';
import type { PersonParty } from '../../../shared/content/receipts-for';
import { CaseStatus } from '../../../shared/content/status-change-content';
import type { EntryType, StreamKind } from '../../../shared/schemas/entry-type';
import { partyName } from '../../entries/entry-view';
import type { LoadedStreams } from '../../entries/load-streams';
import { threadSummary } from '../../entries/thread-view';
import { COMMITMENT_STATUSES } from '../commitments/commitment-statuses';
import { everyWeek } from './reunified-weeks';

/** Where a row links to: a case by its reference, a thread by its subject where it opens. */
export type StreamLabel =
  | { readonly kind: 'case'; readonly reference: string }
  | { readonly kind: 'thread'; readonly subject: string | undefined }
  | { readonly kind: 'unknown'; readonly id: string };

export type StatusGroup = {
  readonly status: CaseStatus | 'unknown';
  readonly cases: readonly { readonly id: string; readonly reference: string }[];
};

export type CommitmentRow = {
  readonly entryHash: string;
  readonly threadId: string;
  readonly threadLabel: StreamLabel;
  readonly text: string;
  readonly obligor: string;
  readonly obligee: string;
  readonly status: CommitmentStatus;
  readonly isOverdue: boolean;
  readonly deadline?: string;
  readonly fulfilled: number;
  readonly total: number;
};

export type AwaitedRow = {
  readonly entryHash: string;
  readonly streamId: string;
  readonly streamKind: StreamKind;
  readonly streamLabel: StreamLabel;
  readonly type: EntryType;
  readonly author: string;
  readonly receivedAt: string;
  readonly awaited: readonly string[];
};

export type DashboardView = {
  readonly caseCount: number;
  /** In the order of the workflow, then `unknown` (status not readable here); empty groups left out. */
  readonly casesByStatus: readonly StatusGroup[];
  readonly reunifiedPerWeek: readonly { readonly week: string; readonly count: number }[];
  /** Overdue first. */
  readonly commitmentsByStatus: readonly {
    readonly status: CommitmentStatus;
    readonly count: number;
  }[];
  /** Overdue first, then by deadline. */
  readonly commitments: readonly CommitmentRow[];
  readonly receiptsAwaited: readonly AwaitedRow[];
  /** Streams left out because a signature or chain link fails. */
  readonly brokenStreams: number;
};

const STATUS_ORDER = [...CaseStatus.options, 'unknown'] as const;
const COMMITMENT_ORDER: readonly CommitmentStatus[] = [
  'overdue',
  ...COMMITMENT_STATUSES.filter((status) => status !== 'overdue'),
];

/** The dashboard at `now` of what `loaded` holds; `people` tells recipients' parties for receipts. */
export const dashboardView = (loaded: LoadedStreams, people: readonly PersonParty[], now: Date): DashboardView => {
  const { streams, names } = loaded;
  const intact = streams.filter((stream) => stream.isIntact);
  const entriesOf = (kind: StreamKind) =>
    intact.filter(({ stream }) => stream.kind === kind).flatMap(({ entries }) => entries.map(({ entry }) => entry));
  const figures = dashboard(entriesOf('case'), entriesOf('thread'), now, people);
  const byId = new Map(streams.map((verified) => [verified.stream.id, verified]));
  const streamOf = new Map(
    intact.flatMap((verified) => verified.entries.map(({ entry }) => [entry.entryHash, verified])),
  );
  const labelOf = (id: string): StreamLabel => {
    const verified = byId.get(id);
    if (!verified) {
      return { kind: 'unknown', id: id.slice(0, 8) };
    }
    return verified.stream.kind === 'case'
      ? { kind: 'case', reference: verified.stream.reference }
      : { kind: 'thread', subject: threadSummary(verified, names).subject };
  };
  const casesByStatus = STATUS_ORDER.flatMap((status): StatusGroup[] => {
    const ids = figures.casesByStatus[status] ?? [];
    const cases = ids.map((id) => ({ id, reference: byId.get(id)?.stream.reference ?? id.slice(0, 8) }));
    return cases.length > 0 ? [{ status, cases }] : [];
  });
  const commitments = figures.commitments.map((view): CommitmentRow => {
    const threadId = streamOf.get(view.entryHash)?.stream.id ?? '';
    return {
      entryHash: view.entryHash,
      threadId,
      threadLabel: labelOf(threadId),
      text: view.commitment.text,
      obligor: partyName(names, view.commitment.obligor),
      obligee: partyName(names, view.commitment.obligee),
      status: view.status,
      isOverdue: view.isOverdue,
      ...(view.due.state === 'resolved' ? { deadline: view.due.deadline } : {}),
      fulfilled: view.fulfilled,
      total: view.total,
    };
  });
  return {
    caseCount: casesByStatus.reduce((sum, group) => sum + group.cases.length, 0),
    casesByStatus,
    reunifiedPerWeek: everyWeek(figures.reunifiedPerWeek),
    commitmentsByStatus: COMMITMENT_ORDER.flatMap((status) => {
      const count = figures.commitmentsByStatus[status] ?? 0;
      return count > 0 ? [{ status, count }] : [];
    }),
    commitments,
    receiptsAwaited: figures.receiptsAwaited.map((item) => ({
      entryHash: item.entryHash,
      streamId: item.stream,
      streamKind: byId.get(item.stream)?.stream.kind ?? 'case',
      streamLabel: labelOf(item.stream),
      type: item.type,
      author: partyName(names, item.authorParty),
      receivedAt: item.receivedAt,
      awaited: item.awaited.map((party) => partyName(names, party)),
    })),
    brokenStreams: streams.length - intact.length,
  };
};
