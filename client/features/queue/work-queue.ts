/**
 * What waits for this person, derived in the browser from the verified streams (the server cannot
 * tell): entries not yet seen, agreed minutes awaiting the party's countersignature, letters
 * awaiting its receipt, commitments overdue or due within 7 days, and disputes against the party.
 */
import { agreedMinutesState } from '../../../shared/content/agreed-minutes-state';
import { commitmentState } from '../../../shared/content/commitment-state';
import { RECEIPT_EXPECTED } from '../../../shared/content/dashboard';
import type { DecryptedEntry } from '../../../shared/content/decrypted-entry';
import { indexEntries, retractionOf } from '../../../shared/content/entry-corrections';
import { type PersonParty, receiptsFor } from '../../../shared/content/receipts-for';
import type { LoadedStreams } from '../../entries/load-streams';

/** Each kind of pending item, in the order Home lists them. */
export const QUEUE_KINDS = ['countersign', 'receipt', 'commitment', 'dispute', 'unread'] as const;
export type QueueKind = (typeof QUEUE_KINDS)[number];

/** One pending item and where to act on it. */
export type QueueItem = {
  readonly kind: QueueKind;
  readonly entryHash: string;
  readonly streamId: string;
  readonly streamKind: 'case' | 'thread';
  readonly type: DecryptedEntry['header']['type'];
  /** An instant that orders the items: a deadline, or when the log received the entry. */
  readonly at: string;
};

const DUE_SOON_MS = 7 * 86_400_000;
const LETTERS = new Set(['letter', 'note_verbale', 'aide_memoire', 'non_paper']);

/** Who the queue is for, and the last seq of each stream they have seen. */
export type QueueReader = {
  readonly personId: string;
  readonly partyId: string;
  readonly seen: ReadonlyMap<string, number>;
};

/** The work queue of `reader` at `now`, oldest first within each kind. */
export const workQueue = (
  loaded: LoadedStreams,
  people: readonly PersonParty[],
  reader: QueueReader,
  now: Date,
): QueueItem[] => {
  const intact = loaded.streams.filter((stream) => stream.isIntact);
  const all = intact.flatMap(({ entries }) => entries.map(({ entry }) => entry));
  const index = indexEntries(all);
  const mine = reader.partyId;
  const item = (kind: QueueKind, entry: DecryptedEntry, at = entry.receivedAt): QueueItem => ({
    kind,
    entryHash: entry.entryHash,
    streamId: entry.header.stream,
    streamKind: entry.header.streamKind,
    type: entry.header.type,
    at,
  });
  const live = all.filter((entry) => !retractionOf(entry, index));
  const countersign = live
    .filter((entry) => entry.header.type === 'agreed_minutes')
    .flatMap((entry) => {
      const state = agreedMinutesState(all, entry.entryHash, index);
      const latest = state?.latest;
      return latest?.entryHash === entry.entryHash && latest.awaiting.includes(mine)
        ? [item('countersign', entry)]
        : [];
    });
  const receipt = live
    .filter((entry) => LETTERS.has(entry.header.type) && RECEIPT_EXPECTED.has(entry.header.type))
    .filter((entry) => entry.header.recipients.some((recipient) => recipient.person === reader.personId))
    .filter((entry) => receiptsFor(entry, all, people, index).awaited.includes(mine))
    .map((entry) => item('receipt', entry));
  const commitment = live
    .filter((entry) => entry.content?.type === 'commitment')
    .flatMap((entry) => {
      const view = commitmentState(all, entry.entryHash, now, index);
      if (!view || ![view.commitment.obligor, view.commitment.obligee].includes(mine)) {
        return [];
      }
      const closed = ['fulfilled', 'withdrawn', 'superseded'].includes(view.status);
      const dueSoon = view.due.state === 'resolved' && Date.parse(view.due.deadline) - now.getTime() <= DUE_SOON_MS;
      return !closed && (view.isOverdue || dueSoon) && view.due.state === 'resolved'
        ? [item('commitment', entry, view.due.deadline)]
        : [];
    });
  const dispute = live
    .filter((entry) => entry.header.type === 'dispute' && entry.header.author.party !== mine)
    .filter((entry) => index.byHash.get(entry.header.refs[0] ?? '')?.header.author.party === mine)
    .map((entry) => item('dispute', entry));
  const unread = all
    .filter((entry) => entry.header.author.person !== reader.personId)
    .filter((entry) => entry.header.seq > (reader.seen.get(entry.header.stream) ?? 0))
    .map((entry) => item('unread', entry));
  const byTime = (a: QueueItem, b: QueueItem) => a.at.localeCompare(b.at);
  return [countersign, receipt, commitment, dispute, unread].flatMap((items) => [...items].sort(byTime));
};
