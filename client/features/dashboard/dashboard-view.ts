/**
 * The dashboard as its screen shows it, computed in the browser from the streams the signed-in
 * person verified and could open (shared/content/dashboard.ts), with names for ids. Entries of a
 * stream whose signatures or chain do not verify are left out and counted, not trusted.
 */
import type { CommitmentStatus } from '../../../shared/content/commitment-state';
import { dashboard } from '../../../shared/content/dashboard';
import type { PersonParty } from '../../../shared/content/receipts-for';
import type { CaseStatus } from '../../../shared/content/status-change-content';
import type { EntryType, StreamKind } from '../../../shared/schemas/entry-type';
import { partyName } from '../../entries/entry-view';
import type { LoadedStreams } from '../../entries/load-streams';
import { threadSummary } from '../../entries/thread-view';
import { COMMITMENT_STATUS_LABELS } from '../commitments/commitment-labels';
import { STATUS_LABELS } from '../timeline/labels';
import { everyWeek } from './reunified-weeks';

export type StatusGroup = {
  readonly status: CaseStatus | 'unknown';
  readonly label: string;
  readonly cases: readonly { readonly id: string; readonly reference: string }[];
};

export type CommitmentRow = {
  readonly entryHash: string;
  readonly threadId: string;
  readonly threadLabel: string;
  readonly text: string;
  readonly obligor: string;
  readonly obligee: string;
  readonly status: CommitmentStatus;
  readonly statusLabel: string;
  readonly isOverdue: boolean;
  readonly deadline?: string;
  readonly fulfilled: number;
  readonly total: number;
};

export type AwaitedRow = {
  readonly entryHash: string;
  readonly streamId: string;
  readonly streamKind: StreamKind;
  readonly streamLabel: string;
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
    readonly label: string;
    readonly count: number;
  }[];
  /** Overdue first, then by deadline. */
  readonly commitments: readonly CommitmentRow[];
  readonly receiptsAwaited: readonly AwaitedRow[];
  /** Streams left out because a signature or chain link fails. */
  readonly brokenStreams: number;
};

const STATUS_ORDER = [...(Object.keys(STATUS_LABELS) as CaseStatus[]), 'unknown'] as const;
const COMMITMENT_ORDER: readonly CommitmentStatus[] = [
  'overdue',
  ...(Object.keys(COMMITMENT_STATUS_LABELS) as CommitmentStatus[]).filter((status) => status !== 'overdue'),
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
  const labelOf = (id: string): string => {
    const verified = byId.get(id);
    if (!verified) {
      return `stream ${id.slice(0, 8)}`;
    }
    return verified.stream.kind === 'case'
      ? `Case ${verified.stream.reference}`
      : `Thread: ${threadSummary(verified, names).subject ?? 'subject not readable here'}`;
  };
  const casesByStatus = STATUS_ORDER.flatMap((status): StatusGroup[] => {
    const ids = figures.casesByStatus[status] ?? [];
    const label = status === 'unknown' ? 'Status not readable here' : STATUS_LABELS[status];
    const cases = ids.map((id) => ({ id, reference: byId.get(id)?.stream.reference ?? id.slice(0, 8) }));
    return cases.length > 0 ? [{ status, label, cases }] : [];
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
      statusLabel: COMMITMENT_STATUS_LABELS[view.status],
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
      return count > 0 ? [{ status, label: COMMITMENT_STATUS_LABELS[status], count }] : [];
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
