import type { CaseStatus } from '../../../shared/content/status-change-content';
import type { EntryType } from '../../../shared/schemas/entry-type';

/** What each entry type is called on screen. */
export const ENTRY_TYPE_LABELS: Readonly<Record<EntryType, string>> = {
  case_open: 'Case opened',
  thread_open: 'Thread opened',
  membership: 'Membership change',
  membership_consent: 'Consent to a membership change',
  status_change: 'Status change',
  letter: 'Letter',
  note_verbale: 'Note verbale',
  aide_memoire: 'Aide-mémoire',
  non_paper: 'Non-paper',
  minutes: 'Minutes',
  evidence: 'Evidence',
  agreed_minutes: 'Agreed minutes',
  countersignature: 'Countersignature',
  acknowledgement: 'Acknowledgement',
  commitment: 'Commitment',
  commitment_update: 'Commitment update',
  dispute: 'Dispute',
  disclosure: 'Disclosure',
  amendment: 'Amendment',
  retraction: 'Retraction',
};

/** The domain statuses (domain.md §3), main path first, then the side states. */
export const STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  reported: 'Reported',
  identity_verified: 'Identity verified',
  located: 'Located',
  on_list: 'On list',
  return_agreed: 'Return agreed',
  in_transit: 'In transit',
  returned: 'Returned',
  reunified: 'Reunified',
  follow_up: 'Follow-up',
  closed: 'Closed',
  disputed: 'Disputed',
  no_longer_sought: 'No longer sought',
  deceased: 'Deceased',
  declined_return: 'Declined return',
  withdrawn: 'Withdrawn',
};

// Built once: `toLocaleString` would build a formatter at every call.
const INSTANT_FORMAT = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** An instant as people read it, in UTC so that every party sees the same time. */
export const formatInstant = (iso: string): string => `${INSTANT_FORMAT.format(new Date(iso))} UTC`;

/** A byte count in B, KiB or MiB. */
export const formatBytes = (bytes: number): string =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(1)} KiB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** A hash shortened for display. */
export const shortHash = (hash: string): string => `${hash.slice(0, 10)}…`;
