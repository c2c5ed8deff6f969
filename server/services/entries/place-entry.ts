import type { Tx } from '../../../db/client';
import { entries, streamMemberships, streams } from '../../../db/schema/index';
import { applyMembership } from '../../../shared/membership/stream-membership';
import type { SignedEntry } from '../../../shared/schemas/entry';
import type { Caller } from '../../auth/caller';
import type { ServerContext } from '../../context';
import { base64url } from '../../encoding/base64url';
import { ProblemError } from '../../problems';
import type { BatchLookups } from './batch-lookups';
import { type StreamView, UNKNOWN_STREAM } from './batch-streams';
import { checkRecipients } from './check-recipients';
import { checkRelations } from './relation-rules';
import { streamsOfParty } from './stream-state';

/** An entry whose stateless checks passed, waiting for its place in the log. */
export type QueuedEntry = {
  readonly caller: Caller;
  readonly entry: SignedEntry;
  readonly entryHash: Uint8Array;
  readonly ciphertext: Uint8Array;
};

/** A 409 for an entry that does not extend the stream's head, naming the head so the writer can re-seal at once. */
export const chainConflictAt = (head: { seq: number; hash: string } | null, detail: string) =>
  new ProblemError('entryChainConflict', detail, { members: { head } });

const chainConflict = (head: { seq: number; hash: Uint8Array } | undefined, detail: string) =>
  chainConflictAt(head ? { seq: head.seq, hash: base64url(head.hash) } : null, detail);

/** What one batch has read or changed, so that entries after the first of a stream cost no queries for it. */
export type BatchState = {
  readonly streams: Map<string, StreamView>;
  readonly lookups: BatchLookups;
};

/** An entry of a batch failed in the database, which lost the transaction: the batch is redone. */
export class RedoWithSavepoints {
  constructor(readonly error: unknown) {}
}

/** An entry's checks passed: its rows, written only once every check is done. */
type Placement = {
  readonly write: (tx: Tx) => Promise<void>;
  readonly after: StreamView;
};

/**
 * The checks that depend on the stream's state, at log position `leafIndex`; they only read.
 * Runs inside the batch's transaction after the entries placed before it, and sees their effect:
 * a second entry for the same head gets its 409 here, and the membership fold includes the first.
 * Answers the entry's rows and the stream as this entry leaves it.
 */
const checkPlacement = async (
  context: ServerContext,
  tx: Tx,
  state: BatchState,
  queued: QueuedEntry,
  leafIndex: number,
): Promise<Placement> => {
  const { caller, entry, entryHash, ciphertext } = queued;
  const { header } = entry;
  const stream = state.streams.get(header.stream) ?? UNKNOWN_STREAM;
  if (header.seq === 1) {
    if (stream.kind !== undefined) {
      // A 409 names the head, which only members may learn: anyone else learns that the id is taken.
      throw stream.membership.members.has(caller.partyId)
        ? chainConflict(stream.head, 'This stream already exists')
        : new ProblemError('notStreamMember');
    }
  } else if (stream.kind !== header.streamKind) {
    throw new ProblemError('notFound', 'No such stream');
  }
  // The signature was checked against a remembered key (AuthorKeys): whether that key is still the
  // author's current one is decided here, under the lock, read with the recipients in one lookup.
  const people = await state.lookups.people([caller.personId, ...header.recipients.map(({ person }) => person)]);
  if (people.get(caller.personId)?.keyId !== header.author.keyId) {
    throw new ProblemError('entryKeyNotCurrent', 'Sign with your current key (it may have been rotated or revoked)');
  }
  const before = stream.membership;
  // Membership first: a 409 names the head, which only members may learn.
  if (header.seq > 1 && !before.members.has(caller.partyId)) {
    throw new ProblemError('notStreamMember');
  }
  const membership = applyMembership(before, header, base64url(entryHash));
  if (!membership.ok) {
    throw new ProblemError('entryInvalid', membership.reason);
  }
  const members = header.seq === 1 ? membership.state.members : before.members;
  const head = stream.head;
  if ((head?.seq ?? 0) + 1 !== header.seq || (head ? base64url(head.hash) : '') !== header.prevHash) {
    throw chainConflict(head, `Expected seq ${(head?.seq ?? 0) + 1} after the current head`);
  }
  await checkRecipients(state.lookups, entry, members);
  await checkRelations(tx, header, async () => new Set(await streamsOfParty(tx, caller.partyId)));
  const write = async (writer: Tx) => {
    if (header.seq === 1) {
      await writer
        .insert(streams)
        .values({ id: header.stream, kind: header.streamKind, reference: header.meta.reference ?? '' });
    }
    await writer.insert(entries).values({
      hash: entryHash,
      id: header.id,
      streamId: header.stream,
      seq: header.seq,
      type: header.type,
      authorId: caller.personId,
      authorParty: caller.partyId,
      keyId: header.author.keyId,
      leafIndex,
      header,
      signature: entry.signature,
      ciphertext,
      receivedAt: context.now(),
    });
    // Only the changes that took effect here: a proposal awaiting consent changes nothing yet.
    if (membership.changes.length > 0) {
      await writer.insert(streamMemberships).values(
        membership.changes.map(({ party, change }) => ({
          partyId: party,
          change,
          streamId: header.stream,
          seq: header.seq,
        })),
      );
    }
  };
  return {
    write,
    after: { kind: header.streamKind, head: { seq: header.seq, hash: entryHash }, membership: membership.state },
  };
};

/**
 * Places one entry of a batch. Its checks only read, so a refusal there (a ProblemError) leaves the
 * transaction as it was and needs no savepoint. Anything else (the database refusing a row: a
 * re-used id, a character it cannot store) leaves the transaction unusable: the batch is redone
 * with each entry in a savepoint, where such a failure rolls back alone.
 */
export const placeEntry = async (
  context: ServerContext,
  tx: Tx,
  state: BatchState,
  queued: QueuedEntry,
  leafIndex: number,
  mode: 'alone' | 'shared' | 'savepoints',
): Promise<StreamView> => {
  if (mode === 'savepoints') {
    return tx.transaction(async (savepoint) => {
      const { write, after } = await checkPlacement(context, savepoint, state, queued, leafIndex);
      await write(savepoint);
      return after;
    });
  }
  let placement: Placement;
  try {
    placement = await checkPlacement(context, tx, state, queued, leafIndex);
  } catch (error) {
    throw mode === 'shared' && !(error instanceof ProblemError) ? new RedoWithSavepoints(error) : error;
  }
  try {
    await placement.write(tx);
  } catch (error) {
    throw mode === 'shared' ? new RedoWithSavepoints(error) : error;
  }
  return placement.after;
};
