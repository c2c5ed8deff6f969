/**
 * What the diplomatic workflows add to a timeline row, derived in the browser from the verified,
 * decrypted entries of every stream this reader holds: receipts, the versions and
 * countersignatures of agreed minutes, a commitment's state (deadline and overdue computed here
 * for `now`: the server cannot read them), the disputes standing beside an entry, and which of
 * these the reader may answer. The derivations themselves are the shared ones (shared/content).
 */
import { type AgreedMinutesView, agreedMinutesState } from '../../shared/content/agreed-minutes-state';
import { type CommitmentView, commitmentState } from '../../shared/content/commitment-state';
import type { DecryptedEntry } from '../../shared/content/decrypted-entry';
import { correctionsOf, indexEntries } from '../../shared/content/entry-corrections';
import { type PersonParty, type Receipts, receiptsFor } from '../../shared/content/receipts-for';
import { ENTRY_RULES, type EntryType } from '../../shared/schemas/entry-type';
import type { Role } from '../../shared/schemas/role';

/** Who is reading: the answers offered depend on their party and role. */
export type WorkflowReader = { readonly personId: string; readonly partyId: string; readonly role: Role };

/** One dispute of an entry, as it stands beside it. */
export type DisputeView = {
  readonly entryHash: string;
  readonly seq: number;
  readonly party: string;
  readonly person: string;
  readonly receivedAt: string;
  /** Absent where this reader cannot open the dispute. */
  readonly reasons?: readonly string[];
  readonly counterClaim?: string;
  /** Entries the dispute cites as evidence. */
  readonly evidence: readonly string[];
  /** The names of the evidence files the dispute carries (opened on the dispute's own entry). */
  readonly evidenceFiles: readonly string[];
};

/** The workflow facts of one entry, and what this reader may do about it. */
export type EntryWorkflow = {
  readonly receipts?: Receipts;
  readonly canAcknowledge: boolean;
  /** For agreed minutes: their versions; for a countersignature: the minutes it signs. */
  readonly minutes?: AgreedMinutesView;
  readonly canCountersign: boolean;
  readonly canSupersede: boolean;
  readonly commitment?: CommitmentView;
  readonly disputes: readonly DisputeView[];
  readonly canDispute: boolean;
};

// Openings, membership and disclosures are routing facts; receipts and countersignatures are
// themselves answers. None of them is acknowledged or contested as a statement.
const NOT_A_STATEMENT: ReadonlySet<EntryType> = new Set([
  'thread_open',
  'membership',
  'disclosure',
  'acknowledgement',
  'countersignature',
]);

const mayWrite = (type: EntryType, entry: DecryptedEntry, reader: WorkflowReader): boolean =>
  ENTRY_RULES[type].roles.includes(reader.role) && ENTRY_RULES[type].streams.includes(entry.header.streamKind);

const disputeView = (dispute: DecryptedEntry): DisputeView => {
  const content = dispute.content?.type === 'dispute' ? dispute.content : undefined;
  return {
    entryHash: dispute.entryHash,
    seq: dispute.header.seq,
    party: dispute.header.author.party,
    person: dispute.header.author.person,
    receivedAt: dispute.receivedAt,
    ...(content ? { reasons: content.reasons } : {}),
    ...(content?.counterClaim === undefined ? {} : { counterClaim: content.counterClaim }),
    evidence: content?.evidence.entries ?? [],
    evidenceFiles: content?.evidence.attachments.map((file) => file.name) ?? [],
  };
};

const minutesOf = (entry: DecryptedEntry, all: readonly DecryptedEntry[], index: ReturnType<typeof indexEntries>) => {
  if (entry.header.type === 'agreed_minutes') {
    return agreedMinutesState(all, entry.entryHash, index);
  }
  const signed = entry.header.refs[0];
  return entry.header.type === 'countersignature' && signed !== undefined
    ? agreedMinutesState(all, signed, index)
    : undefined;
};

/**
 * The workflow of each entry of `stream` (by entry hash), from `all` the entries this reader
 * holds (every stream: a return is confirmed in its case, its commitment lives in a thread).
 */
export const entryWorkflows = (
  stream: readonly DecryptedEntry[],
  all: readonly DecryptedEntry[],
  people: readonly PersonParty[],
  reader: WorkflowReader,
  now: Date,
): ReadonlyMap<string, EntryWorkflow> => {
  const index = indexEntries(all);
  const workflows = new Map<string, EntryWorkflow>();
  for (const entry of stream) {
    const { type, author } = entry.header;
    const isStatement = !NOT_A_STATEMENT.has(type);
    const isOthers = author.party !== reader.partyId;
    const receipts = isStatement ? receiptsFor(entry, all, people, index) : undefined;
    const isRecipient = entry.header.recipients.some((recipient) => recipient.person === reader.personId);
    const minutes = minutesOf(entry, all, index);
    const version = type === 'agreed_minutes' ? minutes?.requested : undefined;
    const isOpenVersion = version !== undefined && !version.supersededBy && !version.retractedBy;
    const isListed = version?.parties.includes(reader.partyId) === true;
    const commitment = type === 'commitment' ? commitmentState(all, entry.entryHash, now, index) : undefined;
    workflows.set(entry.entryHash, {
      ...(receipts ? { receipts } : {}),
      canAcknowledge:
        receipts !== undefined &&
        isOthers &&
        isRecipient &&
        mayWrite('acknowledgement', entry, reader) &&
        !receipts.acknowledged.some((receipt) => receipt.party === reader.partyId),
      ...(minutes ? { minutes } : {}),
      canCountersign:
        isOpenVersion &&
        isListed &&
        mayWrite('countersignature', entry, reader) &&
        !version.countersignatures.some((signature) => signature.party === reader.partyId),
      canSupersede: isOpenVersion && isListed && mayWrite('agreed_minutes', entry, reader),
      ...(commitment ? { commitment } : {}),
      disputes: correctionsOf(entry, index).disputes.map(disputeView),
      canDispute: isStatement && isOthers && mayWrite('dispute', entry, reader),
    });
  }
  return workflows;
};
