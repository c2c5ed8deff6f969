import type { Tx } from '../../../db/client';
import { entries, streamMemberships, streams } from '../../../db/schema/index';
import { applyMembership } from '../../../shared/membership/stream-membership';
import type { SignedEntry } from '../../../shared/schemas/entry';
import type { AppendReceipt } from '../../../shared/schemas/log';
import type { Caller } from '../../auth/caller';
import type { ServerContext } from '../../context';
import type { Appended, TransparencyLog } from '../../log/transparency-log';
import { ProblemError } from '../../problems';
import { readLegacyBefore } from '../deployment-trust';
import { BatchLookups } from './batch-lookups';
import { loadStreamViews, type StreamView, UNKNOWN_STREAM } from './batch-streams';
import { checkRecipients } from './check-recipients';
import { GroupCommit, type GroupCommitLimits, type ItemOutcome } from './group-commit';
import { checkRelations } from './relation-rules';
import { streamsOfParty } from './stream-state';

/** An entry whose stateless checks passed, waiting for its place in the log. */
export type QueuedEntry = {
  readonly caller: Caller;
  readonly entry: SignedEntry;
  readonly entryHash: Uint8Array;
  readonly ciphertext: Uint8Array;
};

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

export const chainConflict = (head: { seq: number; hash: Uint8Array } | undefined, detail: string) =>
  new ProblemError('entryChainConflict', detail, {
    members: { head: head ? { seq: head.seq, hash: b64(head.hash) } : null },
  });

/** What one batch has read or changed, so that entries after the first of a stream cost no queries for it. */
type BatchState = {
  readonly streams: Map<string, StreamView>;
  readonly lookups: BatchLookups;
};

/**
 * The checks that depend on the stream's state, then the entry's rows, at log position `leafIndex`.
 * Runs inside the batch's transaction after the entries placed before it, and sees their effect:
 * a second entry for the same head gets its 409 here, and the membership fold includes the first.
 * Answers the stream as this entry leaves it.
 */
const placeEntry = async (
  context: ServerContext,
  tx: Tx,
  state: BatchState,
  queued: QueuedEntry,
  leafIndex: number,
): Promise<StreamView> => {
  const { caller, entry, entryHash, ciphertext } = queued;
  const { header } = entry;
  const stream = state.streams.get(header.stream) ?? UNKNOWN_STREAM;
  if (header.seq === 1) {
    if (stream.kind !== undefined) {
      throw chainConflict(stream.head, 'This stream already exists');
    }
  } else if (stream.kind !== header.streamKind) {
    throw new ProblemError('notFound', 'No such stream');
  }
  if ((await state.lookups.currentKey(caller.personId))?.keyId !== header.author.keyId) {
    throw new ProblemError('entryKeyNotCurrent', 'Your key changed while this entry was being checked');
  }
  const before = stream.membership;
  // Membership first: a 409 names the head, which only members may learn.
  if (header.seq > 1 && !before.members.has(caller.partyId)) {
    throw new ProblemError('notStreamMember');
  }
  const membership = applyMembership(before, header, b64(entryHash));
  if (!membership.ok) {
    throw new ProblemError('entryInvalid', membership.reason);
  }
  const members = header.seq === 1 ? membership.state.members : before.members;
  const head = stream.head;
  if ((head?.seq ?? 0) + 1 !== header.seq || (head ? b64(head.hash) : '') !== header.prevHash) {
    throw chainConflict(head, `Expected seq ${(head?.seq ?? 0) + 1} after the current head`);
  }
  await checkRecipients(state.lookups, entry, members);
  await checkRelations(tx, header, async () => new Set(await streamsOfParty(tx, caller.partyId)));
  if (header.seq === 1) {
    await tx
      .insert(streams)
      .values({ id: header.stream, kind: header.streamKind, reference: header.meta.reference ?? '' });
  }
  await tx.insert(entries).values({
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
    await tx.insert(streamMemberships).values(
      membership.changes.map(({ party, change }) => ({
        partyId: party,
        change,
        streamId: header.stream,
        seq: header.seq,
      })),
    );
  }
  return { kind: header.streamKind, head: { seq: header.seq, hash: entryHash }, membership: membership.state };
};

/**
 * Integrates one batch in one transaction under the log's lock (held in the database, so several
 * server processes share one log): each entry is placed in its own savepoint, so a refused entry
 * (a lost race, a re-used id, a bad recipient) rolls back alone and answers its own problem (a
 * batch of one needs no savepoint: its refusal rolls the whole transaction back); the
 * accepted ones become leaves in one Merkle update under one signed checkpoint, and each gets its
 * inclusion proof in that checkpoint.
 */
/** The refusal of a batch's only entry: the whole transaction rolls back instead of a savepoint. */
class RefusedAlone {
  constructor(readonly error: unknown) {}
}

const integrateBatch = async (
  context: ServerContext,
  log: TransparencyLog,
  legacyBefore: (tx: Tx) => Promise<number>,
  batch: readonly QueuedEntry[],
): Promise<ItemOutcome<AppendReceipt>[]> => {
  const alone = batch.length === 1;
  const integrated = context.database.transaction(async (tx) => {
    const lock = await log.lockForAppend(tx);
    const firstIndex = lock.previous?.treeSize ?? 0;
    const state: BatchState = {
      streams: await loadStreamViews(
        tx,
        batch.map((queued) => queued.entry.header.stream),
        await legacyBefore(tx),
      ),
      lookups: new BatchLookups(tx),
    };
    const placed: (ItemOutcome<AppendReceipt> | { ok: 'placed'; leafIndex: number })[] = [];
    const accepted: QueuedEntry[] = [];
    for (const queued of batch) {
      const leafIndex = firstIndex + accepted.length;
      try {
        const after = alone
          ? await placeEntry(context, tx, state, queued, leafIndex)
          : await tx.transaction((savepoint) => placeEntry(context, savepoint, state, queued, leafIndex));
        // Only now: a refused entry's savepoint rolled back, and it changed nothing.
        state.streams.set(queued.entry.header.stream, after);
        accepted.push(queued);
        placed.push({ ok: 'placed', leafIndex });
      } catch (error) {
        if (alone) {
          throw new RefusedAlone(error);
        }
        placed.push({ ok: false, error });
      }
    }
    if (accepted.length === 0) {
      return { outcomes: placed as ItemOutcome<AppendReceipt>[], appended: undefined };
    }
    const appended = await log.append(
      tx,
      accepted.map((queued) => ({ kind: 'entry' as const, hash: queued.entryHash })),
      lock,
    );
    if (appended.firstIndex !== firstIndex) {
      throw new Error(`the log moved under its lock: expected leaf ${firstIndex}, got ${appended.firstIndex}`);
    }
    return {
      outcomes: receiptsOf(placed, appended, await log.proofsOfAppended(tx, appended, indexesOf(placed))),
      appended,
    };
  });
  const { outcomes, appended } = await integrated.catch((error: unknown) => {
    if (error instanceof RefusedAlone) {
      return { outcomes: [{ ok: false as const, error: error.error }], appended: undefined };
    }
    throw error;
  });
  // Committed: the batch's nodes may now serve the next batch and readers.
  if (appended) {
    log.rememberCommitted(appended);
  }
  return outcomes;
};

const indexesOf = (placed: readonly ({ ok: 'placed'; leafIndex: number } | ItemOutcome<AppendReceipt>)[]) =>
  placed.flatMap((outcome) => (outcome.ok === 'placed' ? [outcome.leafIndex] : []));

/** Each placed entry's receipt in the batch's checkpoint; refusals stay as they were. */
const receiptsOf = (
  placed: readonly ({ ok: 'placed'; leafIndex: number } | ItemOutcome<AppendReceipt>)[],
  appended: Appended,
  proofs: readonly Uint8Array[][],
): ItemOutcome<AppendReceipt>[] => {
  const { checkpoint } = appended;
  const signed = { note: checkpoint.note, treeSize: checkpoint.treeSize, rootHash: b64(checkpoint.rootHash) };
  return placed.map((outcome) => {
    if (outcome.ok !== 'placed') {
      return outcome;
    }
    const proof = proofs[outcome.leafIndex - appended.firstIndex] ?? [];
    return {
      ok: true as const,
      value: {
        leafIndex: outcome.leafIndex,
        inclusion: { leafIndex: outcome.leafIndex, treeSize: checkpoint.treeSize, proof: proof.map(b64) },
        checkpoint: signed,
      },
    };
  });
};

/**
 * The log sequencer for entries: checked entries are queued and integrated in batches (group
 * commit), one transaction, one Merkle update and one signed checkpoint per batch. A caller's
 * promise resolves with its receipt only once the batch is durable.
 */
export class EntrySequencer {
  readonly #commit: GroupCommit<QueuedEntry, AppendReceipt>;

  constructor(context: ServerContext, log: TransparencyLog, limits: GroupCommitLimits) {
    // Written once by a migration and never changed (a trigger forbids it): read once.
    let legacyBefore: number | undefined;
    const readOnce = async (tx: Tx) => {
      legacyBefore ??= await readLegacyBefore(tx);
      return legacyBefore;
    };
    this.#commit = new GroupCommit((batch) => integrateBatch(context, log, readOnce, batch), limits);
  }

  append(queued: QueuedEntry): Promise<AppendReceipt> {
    return this.#commit.submit(queued);
  }
}
