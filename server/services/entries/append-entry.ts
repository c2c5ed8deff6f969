import { CIPHERTEXT_HASH_TAG, ENTRY_HASH_TAG, entrySigningBytes } from '../../../shared/crypto/entry-bytes';
import { areRecipientsCanonical } from '../../../shared/crypto/entry-recipients';
import { isBucketSize } from '../../../shared/crypto/padding';
import { canonicalBytes } from '../../../shared/encoding/canonical';
import type { SignedEntry } from '../../../shared/schemas/entry';
import { ENTRY_RULES } from '../../../shared/schemas/entry-type';
import type { AppendReceipt } from '../../../shared/schemas/log';
import { PROBLEMS } from '../../../shared/schemas/problem';
import type { Caller } from '../../auth/caller';
import type { ServerContext } from '../../context';
import { verifyEd25519 } from '../../crypto/ed25519';
import { taggedSha256 } from '../../crypto/hashes';
import { base64url } from '../../encoding/base64url';
import type { TransparencyLog } from '../../log/transparency-log';
import { ProblemError } from '../../problems';
import type { AuthorKeys } from './author-keys';
import type { EntryNotices } from './entry-notices';
import type { EntrySequencer } from './entry-sequencer';
import { mayChangeMembers } from './membership-state';
import { checkHeaderShape } from './meta-rules';
import { chainConflictAt, type QueuedEntry } from './place-entry';
import { storedReceipt } from './stored-receipt';
import type { StreamTurns } from './stream-turns';

/**
 * The checks that need no stream state: who may write this kind, sizes, ciphertext hash, and the
 * signature by the author's key (whether that key is still current, the sequencer checks again).
 */
const checkStateless = async (
  context: ServerContext,
  authorKeys: AuthorKeys,
  caller: Caller,
  entry: SignedEntry,
  ciphertext: Uint8Array,
) => {
  const { header } = entry;
  if (!ENTRY_RULES[header.type].roles.includes(caller.role)) {
    throw new ProblemError('roleNotAllowed', `A ${caller.role} may not write a ${header.type}`);
  }
  checkHeaderShape(header);
  if (!isBucketSize(header.paddedLength)) {
    throw new ProblemError('entryInvalid', 'paddedLength is not a padding bucket size');
  }
  if (!areRecipientsCanonical(header.recipients)) {
    throw new ProblemError('entryInvalid', 'Recipients are sorted by person and key id, each once');
  }
  if (ciphertext.length !== header.paddedLength + 16) {
    throw new ProblemError('entryInvalid', 'The ciphertext length does not match paddedLength + 16');
  }
  if (base64url(taggedSha256(CIPHERTEXT_HASH_TAG, ciphertext)) !== header.ciphertextHash) {
    throw new ProblemError('entryInvalid', 'The ciphertext does not match its hash in the header');
  }
  const signKey =
    caller.status === 'active'
      ? await authorKeys.signKeyOf(context.database.db, caller.personId, header.author.keyId)
      : undefined;
  if (signKey === undefined) {
    throw new ProblemError('entryKeyNotCurrent', 'Sign with your current key (it may have been rotated or revoked)');
  }
  const signed = verifyEd25519(
    entrySigningBytes(header),
    Buffer.from(entry.signature, 'base64url'),
    Buffer.from(signKey, 'base64url'),
  );
  if (!signed) {
    throw new ProblemError('entrySignatureInvalid');
  }
};

/** What appending holds across requests: the log, its sequencer, the turns on streams, live notices, known keys. */
export type Appending = {
  readonly log: TransparencyLog;
  readonly sequencer: EntrySequencer;
  readonly turns: StreamTurns;
  readonly notices: EntryNotices;
  readonly authorKeys: AuthorKeys;
};

/**
 * Places a checked entry through the sequencer in its writer's turn on the stream. An entry sealed
 * at a head this process has placed past while it waited is answered 409 without a sequencer pass.
 */
const sequenced = async (
  sequencer: EntrySequencer,
  turns: StreamTurns,
  queued: QueuedEntry,
): Promise<AppendReceipt> => {
  const { header } = queued.entry;
  const turn = await turns.take(header.stream, queued.caller.personId);
  const last = turn.lastPlaced;
  const placed =
    last !== undefined && header.seq <= last.seq
      ? Promise.reject(chainConflictAt(last, `Expected seq ${last.seq + 1} after the current head`))
      : sequencer.append(queued);
  placed.then(
    () =>
      turn.end('done', {
        head: { seq: header.seq, hash: base64url(queued.entryHash) },
        changesMembers: mayChangeMembers(header),
      }),
    (error: unknown) =>
      turn.end(error instanceof ProblemError && error.code === 'entryChainConflict' ? 'conflict' : 'done'),
  );
  return placed;
};

/**
 * Verifies and appends one entry: schema (by the router), role, signature by the author's current
 * key here; then the sequencer checks membership, recipients and chain position against the
 * stream's state and integrates it with the other entries of its batch. Answers with the leaf
 * index, the inclusion proof and the checkpoint that includes it, once that checkpoint is durable.
 */
export const appendEntry = async (
  context: ServerContext,
  { log, sequencer, turns, notices, authorKeys }: Appending,
  caller: Caller,
  entry: SignedEntry,
): Promise<AppendReceipt & { entryHash: string }> => {
  const { header } = entry;
  const ciphertext = new Uint8Array(Buffer.from(entry.ciphertext, 'base64url'));
  const entryHash = taggedSha256(
    ENTRY_HASH_TAG,
    canonicalBytes({ header: header as never, signature: entry.signature }),
  );
  let receipt: AppendReceipt;
  try {
    await checkStateless(context, authorKeys, caller, entry, ciphertext);
    receipt = await sequenced(sequencer, turns, { caller, entry, entryHash, ciphertext });
  } catch (error) {
    // Issue 15: an entry its author already stored is refused on its way in again (its seq is
    // taken, or its key was rotated since): a retry whose first answer was lost, or the same entry
    // sent twice at once. The same entry gets the same answer, and no second notice. Looked up
    // only on a refusal, so an append that goes in costs no query for it.
    const stored =
      error instanceof ProblemError && PROBLEMS[error.code].status < 500
        ? await storedReceipt(context.database.db, log, caller, entryHash)
        : undefined;
    if (!stored) {
      throw error;
    }
    return stored;
  }
  notices.publish({
    streamId: header.stream,
    seq: header.seq,
    entryHash: base64url(entryHash),
    leafIndex: receipt.leafIndex,
    changesMembers: mayChangeMembers(header),
  });
  return { ...receipt, entryHash: base64url(entryHash) };
};
