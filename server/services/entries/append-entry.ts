import type { Tx } from '../../../db/client';
import { entries, streamMemberships, streams } from '../../../db/schema/index';
import { CIPHERTEXT_HASH_TAG, ENTRY_HASH_TAG, entrySigningBytes } from '../../../shared/crypto/entry-bytes';
import { areRecipientsCanonical } from '../../../shared/crypto/entry-recipients';
import { isBucketSize } from '../../../shared/crypto/padding';
import { canonicalBytes } from '../../../shared/encoding/canonical';
import { applyMembership, NO_MEMBERSHIP } from '../../../shared/membership/stream-membership';
import type { SignedEntry } from '../../../shared/schemas/entry';
import { ENTRY_RULES } from '../../../shared/schemas/entry-type';
import type { AppendReceipt } from '../../../shared/schemas/log';
import type { Caller } from '../../auth/caller';
import type { ServerContext } from '../../context';
import { verifyEd25519 } from '../../crypto/ed25519';
import { taggedSha256 } from '../../crypto/hashes';
import type { TransparencyLog } from '../../log/transparency-log';
import { ProblemError } from '../../problems';
import { readLegacyBefore } from '../deployment-trust';
import { listPeople } from '../people';
import { currentKeyOf } from '../person-keys';
import type { EntryNotices } from './entry-notices';
import { membershipOf } from './membership-state';
import { checkHeaderShape } from './meta-rules';
import { checkRelations } from './relation-rules';
import { storedReceipt } from './stored-receipt';
import { headOf, lockStream, streamsOfParty } from './stream-state';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

/** The stateless checks: who may write this kind, sizes, ciphertext hash, signature by the current key. */
const checkStateless = async (context: ServerContext, caller: Caller, entry: SignedEntry, ciphertext: Uint8Array) => {
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
  if (b64(taggedSha256(CIPHERTEXT_HASH_TAG, ciphertext)) !== header.ciphertextHash) {
    throw new ProblemError('entryInvalid', 'The ciphertext does not match its hash in the header');
  }
  const key = await currentKeyOf(context.database.db, caller.personId);
  if (!key || caller.status !== 'active' || key.keyId !== header.author.keyId) {
    throw new ProblemError('entryKeyNotCurrent', 'Sign with your current key (it may have been rotated or revoked)');
  }
  const signed = verifyEd25519(
    entrySigningBytes(header),
    Buffer.from(entry.signature, 'base64url'),
    Buffer.from(key.signKey, 'base64url'),
  );
  if (!signed) {
    throw new ProblemError('entrySignatureInvalid');
  }
};

/** Every recipient is an active person of a member party at their current key; the author is one. */
const checkRecipients = async (tx: Tx, entry: SignedEntry, members: ReadonlySet<string>) => {
  const { header } = entry;
  const ids = header.recipients.map((recipient) => recipient.person);
  if (new Set(ids).size !== ids.length || !ids.includes(header.author.person)) {
    throw new ProblemError('recipientNotAllowed', 'Each recipient once, the author included');
  }
  const people = new Map((await listPeople(tx, ids)).map((person) => [person.id, person]));
  for (const recipient of header.recipients) {
    const person = people.get(recipient.person);
    const isGrantee = header.type === 'disclosure' && header.meta.grantee === recipient.person;
    if (person?.role === 'admin') {
      throw new ProblemError(
        'recipientNotAllowed',
        `Recipient ${recipient.person} is an admin: admins never read content`,
      );
    }
    if (person?.status !== 'active' || !(members.has(person.party.id) || isGrantee)) {
      throw new ProblemError(
        'recipientNotAllowed',
        `Recipient ${recipient.person} is not a current member of this stream`,
      );
    }
    if (person.keyId !== recipient.keyId) {
      throw new ProblemError('recipientNotAllowed', `Recipient ${recipient.person} has another current key: re-seal`);
    }
  }
  if (header.meta.grantee && !ids.includes(header.meta.grantee)) {
    throw new ProblemError('entryInvalid', 'The grantee of a disclosure is one of its recipients');
  }
};

/**
 * Verifies and appends one entry: schema (by the router), role, signature by the author's current
 * key, membership, recipients, chain position under the stream's row lock, then the log. Answers
 * with the leaf index, the inclusion proof and the checkpoint that includes it.
 */
export const appendEntry = async (
  context: ServerContext,
  log: TransparencyLog,
  notices: EntryNotices,
  caller: Caller,
  entry: SignedEntry,
): Promise<AppendReceipt & { entryHash: string }> => {
  const { header } = entry;
  const ciphertext = new Uint8Array(Buffer.from(entry.ciphertext, 'base64url'));
  const entryHash = taggedSha256(
    ENTRY_HASH_TAG,
    canonicalBytes({ header: header as never, signature: entry.signature }),
  );
  // Issue 15: a retry of an append that committed gets its receipt, not a conflict.
  const replayed = await storedReceipt(context.database.db, log, caller, entryHash);
  if (replayed) {
    return replayed;
  }
  await checkStateless(context, caller, entry, ciphertext);
  const appending = context.database.transaction(async (tx) => {
    const stream = await lockStream(tx, header.stream);
    if (header.seq === 1) {
      if (stream) {
        throw conflict(await headOf(tx, header.stream), 'This stream already exists');
      }
      await tx
        .insert(streams)
        .values({ id: header.stream, kind: header.streamKind, reference: header.meta.reference ?? '' });
    } else if (!stream || stream.kind !== header.streamKind) {
      throw new ProblemError('notFound', 'No such stream');
    }
    if ((await currentKeyOf(tx, caller.personId))?.keyId !== header.author.keyId) {
      throw new ProblemError('entryKeyNotCurrent', 'Your key changed while this entry was being checked');
    }
    const before = header.seq === 1 ? NO_MEMBERSHIP : await membershipOf(tx, header.stream, await readLegacyBefore(tx));
    if (header.seq > 1 && !before.members.has(caller.partyId)) {
      throw new ProblemError('notStreamMember');
    }
    const membership = applyMembership(before, header, b64(entryHash));
    if (!membership.ok) {
      throw new ProblemError('entryInvalid', membership.reason);
    }
    const members = header.seq === 1 ? membership.state.members : before.members;
    const head = await headOf(tx, header.stream);
    if ((head?.seq ?? 0) + 1 !== header.seq || (head ? b64(head.hash) : '') !== header.prevHash) {
      throw conflict(head, `Expected seq ${(head?.seq ?? 0) + 1} after the current head`);
    }
    await checkRecipients(tx, entry, members);
    await checkRelations(tx, header, new Set(await streamsOfParty(tx, caller.partyId)));
    const { firstIndex, checkpoint } = await log.append(tx, [{ kind: 'entry', hash: entryHash }]);
    await tx.insert(entries).values({
      hash: entryHash,
      id: header.id,
      streamId: header.stream,
      seq: header.seq,
      type: header.type,
      authorId: caller.personId,
      authorParty: caller.partyId,
      keyId: header.author.keyId,
      leafIndex: firstIndex,
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
    const proof = await log.inclusionProof(tx, firstIndex, checkpoint.treeSize);
    return {
      leafIndex: firstIndex,
      inclusion: { leafIndex: firstIndex, treeSize: checkpoint.treeSize, proof: proof.map(b64) },
      checkpoint: { note: checkpoint.note, treeSize: checkpoint.treeSize, rootHash: b64(checkpoint.rootHash) },
    };
  });
  const receipt = await appending.catch(async (error: unknown) => {
    // The same entry sent twice at once: the second waited on the stream lock and lost the head
    // to the first. It is the same entry, so it gets the same answer (and no second notice).
    const first =
      error instanceof ProblemError && error.code === 'entryChainConflict'
        ? await storedReceipt(context.database.db, log, caller, entryHash)
        : undefined;
    if (!first) {
      throw error;
    }
    return first;
  });
  if ('entryHash' in receipt) {
    return receipt;
  }
  notices.publish({
    streamId: header.stream,
    seq: header.seq,
    entryHash: b64(entryHash),
    leafIndex: receipt.leafIndex,
    changesMembers: header.type === 'membership' || header.seq === 1,
  });
  return { ...receipt, entryHash: b64(entryHash) };
};

const conflict = (head: { seq: number; hash: Uint8Array } | undefined, detail: string) =>
  new ProblemError('entryChainConflict', detail, {
    members: { head: head ? { seq: head.seq, hash: b64(head.hash) } : null },
  });
