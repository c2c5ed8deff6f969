import { z } from 'zod';
import type { Role } from './role';

/** Every kind of entry. Content is end-to-end encrypted; `meta` holds what the server must see. */
export const EntryType = z.enum([
  'case_open',
  'thread_open',
  'membership',
  'membership_consent',
  'status_change',
  'letter',
  'note_verbale',
  'aide_memoire',
  'non_paper',
  'minutes',
  'evidence',
  'agreed_minutes',
  'countersignature',
  'acknowledgement',
  'commitment',
  'commitment_update',
  'dispute',
  'disclosure',
  'amendment',
  'retraction',
]);
export type EntryType = z.infer<typeof EntryType>;

export type StreamKind = 'case' | 'thread';

type EntryRule = {
  /** Roles that may author it. */
  readonly roles: readonly Role[];
  /** Streams it may appear in. */
  readonly streams: readonly StreamKind[];
  /** Whether it opens a stream (seq 1) rather than extending one. */
  readonly opens?: true;
  /** How many `refs` it must carry (at least). */
  readonly minRefs?: number;
};

const CORRESPONDENTS: readonly Role[] = ['envoy', 'staff'];

/**
 * Who may write which entry where. The server enforces it before storing; clients use it to offer
 * only what will be accepted. Reviewers write receipts and disputes only; admins write nothing to
 * streams (they manage people, not content).
 */
export const ENTRY_RULES: Readonly<Record<EntryType, EntryRule>> = {
  case_open: { roles: ['staff'], streams: ['case'], opens: true },
  thread_open: { roles: ['envoy'], streams: ['thread'], opens: true },
  membership: { roles: CORRESPONDENTS, streams: ['case', 'thread'] },
  membership_consent: { roles: CORRESPONDENTS, streams: ['case', 'thread'], minRefs: 1 },
  status_change: { roles: CORRESPONDENTS, streams: ['case'] },
  letter: { roles: ['envoy'], streams: ['thread'] },
  note_verbale: { roles: ['envoy'], streams: ['thread'] },
  aide_memoire: { roles: ['envoy'], streams: ['thread'] },
  non_paper: { roles: ['envoy'], streams: ['thread'] },
  minutes: { roles: CORRESPONDENTS, streams: ['case', 'thread'] },
  evidence: { roles: CORRESPONDENTS, streams: ['case'] },
  agreed_minutes: { roles: ['envoy'], streams: ['thread'] },
  countersignature: { roles: ['envoy'], streams: ['thread'], minRefs: 1 },
  acknowledgement: { roles: ['envoy', 'staff', 'reviewer'], streams: ['case', 'thread'], minRefs: 1 },
  commitment: { roles: ['envoy'], streams: ['thread'] },
  commitment_update: { roles: CORRESPONDENTS, streams: ['thread'], minRefs: 1 },
  dispute: { roles: ['envoy', 'staff', 'reviewer'], streams: ['case', 'thread'], minRefs: 1 },
  disclosure: { roles: CORRESPONDENTS, streams: ['case', 'thread'] },
  amendment: { roles: CORRESPONDENTS, streams: ['case', 'thread'], minRefs: 1 },
  retraction: { roles: CORRESPONDENTS, streams: ['case', 'thread'], minRefs: 1 },
};
