import type { Tx } from '../../../db/client';
import type { AppendReceipt } from '../../../shared/schemas/log';
import type { ServerContext } from '../../context';
import { base64url } from '../../encoding/base64url';
import type { Appended, TransparencyLog } from '../../log/transparency-log';
import { sqlStateOf } from '../../problems';
import { readLegacyBefore } from '../deployment-trust';
import { BatchLookups } from './batch-lookups';
import { loadStreamViews } from './batch-streams';
import { GroupCommit, type GroupCommitLimits, type ItemOutcome } from './group-commit';
import { type BatchState, placeEntry, type QueuedEntry, RedoWithSavepoints } from './place-entry';

/** The refusal of a batch's only entry: the whole transaction rolls back instead of a savepoint. */
class RefusedAlone {
  constructor(readonly error: unknown) {}
}

/**
 * Integrates one batch in one transaction under the log's lock (held in the database, so several
 * server processes share one log). A refused entry (a lost race, a bad recipient) answers its own
 * problem and changes nothing: its checks only read. An entry the database refuses (a re-used id)
 * loses the transaction, and the batch is integrated again with each entry in a savepoint, where
 * that refusal rolls back alone (a batch of one needs no savepoint: its refusal rolls the whole
 * transaction back). The accepted entries become leaves in one Merkle update under one signed
 * checkpoint, and each gets its inclusion proof in that checkpoint.
 */
const integrateBatch = async (
  context: ServerContext,
  log: TransparencyLog,
  legacyBefore: (tx: Tx) => Promise<number>,
  batch: readonly QueuedEntry[],
  savepoints = false,
): Promise<ItemOutcome<AppendReceipt>[]> => {
  const alone = batch.length === 1;
  const mode = alone ? 'alone' : savepoints ? 'savepoints' : 'shared';
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
    // Every author and recipient of the batch in one lookup, rather than one per entry.
    await state.lookups.people(
      batch.flatMap(({ caller, entry }) => [caller.personId, ...entry.header.recipients.map(({ person }) => person)]),
    );
    const placed: (ItemOutcome<AppendReceipt> | { ok: 'placed'; leafIndex: number })[] = [];
    const accepted: QueuedEntry[] = [];
    for (const queued of batch) {
      const leafIndex = firstIndex + accepted.length;
      try {
        const after = await placeEntry(context, tx, state, queued, leafIndex, mode);
        // Only now: a refused entry changed nothing.
        state.streams.set(queued.entry.header.stream, after);
        accepted.push(queued);
        placed.push({ ok: 'placed', leafIndex });
      } catch (error) {
        if (alone) {
          throw new RefusedAlone(error);
        }
        if (error instanceof RedoWithSavepoints) {
          throw error;
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
  const settled = await integrated.catch((error: unknown) => {
    if (error instanceof RefusedAlone) {
      return { outcomes: [{ ok: false as const, error: error.error }], appended: undefined };
    }
    if (error instanceof RedoWithSavepoints) {
      // The SQLSTATE only: the error's text quotes the statement's parameters.
      context.logger.debug(
        { entries: batch.length, sqlState: sqlStateOf(error.error) },
        'batch redone with savepoints',
      );
      return undefined;
    }
    throw error;
  });
  if (settled === undefined) {
    return integrateBatch(context, log, legacyBefore, batch, true);
  }
  const { outcomes, appended } = settled;
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
  const signed = { note: checkpoint.note, treeSize: checkpoint.treeSize, rootHash: base64url(checkpoint.rootHash) };
  return placed.map((outcome) => {
    if (outcome.ok !== 'placed') {
      return outcome;
    }
    const proof = proofs[outcome.leafIndex - appended.firstIndex] ?? [];
    return {
      ok: true as const,
      value: {
        leafIndex: outcome.leafIndex,
        inclusion: { leafIndex: outcome.leafIndex, treeSize: checkpoint.treeSize, proof: proof.map(base64url) },
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
