/**
 * When a commitment falls due. A date is due at the end of that UTC day; a time of day in a zone
 * at that instant (local-time.ts). "Within N days of E" is
 * counted from E's `receivedAt`, the time the log server recorded it, not E's `claimedAt`,
 * which its author chooses and so could backdate or postdate (docs/PROTOCOL.md §10).
 */
import type { CommitmentDue } from './commitment-content';
import type { EntryIndex } from './entry-corrections';
import { instantOf } from './local-time';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** A deadline as an instant: the last moment the commitment is still on time. */
export type ResolvedDue =
  | {
      readonly state: 'resolved';
      readonly deadline: string;
      readonly basis: 'end_of_date_utc' | 'local_time' | 'received_at';
    }
  /** "Within N days" of an entry this reader does not have: no deadline, so never overdue. */
  | { readonly state: 'unresolved'; readonly missingEntry: string };

/** Resolves `due` against the entries the reader holds. */
export const resolveDue = (due: CommitmentDue, index: EntryIndex): ResolvedDue => {
  if (due.kind === 'date') {
    return { state: 'resolved', deadline: `${due.date}T23:59:59.999Z`, basis: 'end_of_date_utc' };
  }
  if (due.kind === 'at') {
    return { state: 'resolved', deadline: instantOf(due.at, due.zone), basis: 'local_time' };
  }
  const event = index.byHash.get(due.of);
  if (!event) {
    return { state: 'unresolved', missingEntry: due.of };
  }
  const span = due.kind === 'within_days' ? due.days * DAY_MS : due.hours * HOUR_MS;
  const deadline = new Date(Date.parse(event.receivedAt) + span).toISOString();
  return { state: 'resolved', deadline, basis: 'received_at' };
};

/** Whether `now` is past the deadline. */
export const isPastDue = (due: ResolvedDue, now: Date): boolean =>
  due.state === 'resolved' && now.getTime() > Date.parse(due.deadline);
