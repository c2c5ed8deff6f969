/**
 * A verified stream as the local store keeps it: the entries as fetched (ciphertext dropped where
 * the content was opened), what verifying them produced (checks, decrypted content), the
 * membership they add up to, and the checkpoint they were proven under, with the log it belongs to.
 * Only a stream every check of which holds and every entry of which this person opened is kept:
 * content withheld or not sealed to them may later be disclosed to them, and only a full read
 * fetches the ciphertext of entries already held.
 */
import { z } from 'zod';
import { attachmentsOf } from '../../shared/content/check-content-header';
import type { MembershipProposal, StreamMembership } from '../../shared/membership/stream-membership';
import { type StoredEntry, StreamView } from '../../shared/schemas/stream';
import type { AcceptedCheckpoint } from '../crypto/directory';
import { rememberAttachments } from '../entries/attachment-registry';
import type { EntryChecks, VerifiedEntry, VerifiedPrefix, VerifiedStream } from '../entries/read-stream';

const RECORD_VERSION = 1;

type StoredProposal = Omit<MembershipProposal, 'consents'> & { readonly consents: readonly string[] };

type EntryRecord = {
  readonly stored: StoredEntry;
  readonly content: VerifiedEntry['content'];
  readonly checks: EntryChecks;
  readonly disclosure?: VerifiedEntry['disclosure'];
};

// The outer shape is checked; entries are this browser's own output, authenticated by the seal.
const StreamRecordShape = z.object({
  v: z.literal(RECORD_VERSION),
  log: z.string(),
  checkpoint: z.object({ treeSize: z.number().int().nonnegative(), rootHash: z.string(), note: z.string() }),
  stream: StreamView,
  entries: z.array(z.custom<EntryRecord>((value) => typeof value === 'object' && value !== null)),
  members: z.array(z.string()),
  pending: z.array(z.custom<StoredProposal>((value) => typeof value === 'object' && value !== null)),
});

/** A stream read back from the store: what to show, and what the next read extends. */
export type StoredStream = {
  readonly log: string;
  readonly checkpoint: AcceptedCheckpoint;
  readonly view: VerifiedStream;
  readonly prefix: VerifiedPrefix;
};

/** The record name of a stream. */
export const streamRecordName = (streamId: string): string => `stream/v${RECORD_VERSION}/${streamId}`;

const isFullyVerified = ({ checks, content }: VerifiedEntry): boolean =>
  checks.signature.state === 'valid' &&
  checks.chain.state === 'valid' &&
  checks.inclusion.state === 'valid' &&
  checks.readers.state === 'valid' &&
  content.state === 'decrypted';

/**
 * The record of `verified` (aligned with `fetched`), or null when it is not worth keeping: a check
 * that fails or was left unchecked, or content not opened here (locked, withheld, not sealed to
 * this person, unreadable), must be done again on the next read.
 */
export const streamRecord = (
  verified: VerifiedStream,
  fetched: readonly StoredEntry[],
  checkpoint: AcceptedCheckpoint,
  log: string,
): z.infer<typeof StreamRecordShape> | null => {
  if (verified.entries.length === 0 || verified.entries.length !== fetched.length) {
    return null;
  }
  if (!verified.isIntact || !verified.entries.every(isFullyVerified)) {
    return null;
  }
  const entries = verified.entries.map(({ content, checks, disclosure }, index): EntryRecord => {
    const stored = fetched[index] as StoredEntry;
    const kept = content.state === 'decrypted' ? { ...stored, ciphertext: undefined } : stored;
    return { stored: kept, content, checks, ...(disclosure ? { disclosure } : {}) };
  });
  return {
    v: RECORD_VERSION,
    log,
    checkpoint,
    stream: verified.stream,
    entries,
    members: [...verified.members],
    pending: verified.pending.map((proposal) => ({ ...proposal, consents: [...proposal.consents] })),
  };
};

/** Reads a record back; null for one of another version or shape (then discarded). */
export const fromStreamRecord = (value: unknown): StoredStream | null => {
  const parsed = StreamRecordShape.safeParse(value);
  if (!parsed.success) {
    return null;
  }
  const record = parsed.data;
  const verified = record.entries.map(
    ({ stored, content, checks, disclosure }): VerifiedEntry => ({
      entry: {
        header: stored.header,
        entryHash: stored.entryHash,
        leafIndex: stored.leafIndex,
        receivedAt: stored.receivedAt,
        ...(content.state === 'decrypted' ? { content: content.content } : {}),
      },
      content,
      checks,
      ...(disclosure ? { disclosure } : {}),
    }),
  );
  const last = record.entries.at(-1)?.stored;
  if (!last) {
    return null;
  }
  for (const { entry, content } of verified) {
    if (content.state === 'decrypted') {
      rememberAttachments(entry.entryHash, attachmentsOf(content.content));
    }
  }
  const pending: MembershipProposal[] = record.pending.map((proposal) => ({
    ...proposal,
    consents: new Set(proposal.consents),
  }));
  const membership: StreamMembership = { members: new Set(record.members), pending };
  return {
    log: record.log,
    checkpoint: record.checkpoint,
    view: {
      stream: record.stream,
      entries: verified,
      members: record.members,
      pending,
      isIntact: true,
      head: { seq: last.header.seq, hash: last.entryHash },
    },
    prefix: {
      stored: record.entries.map(({ stored }) => stored),
      verified,
      membership,
      link: { seq: last.header.seq, hash: last.entryHash, leafIndex: last.leafIndex },
    },
  };
};
