import { entryHashOfHeaderBytes, entryHeaderEncodings } from '../../shared/crypto/entry-bytes';
import { verifyEntrySignatureOverBytes } from '../../shared/crypto/entry-signature';
import type { SignPublicKey } from '../../shared/crypto/identity-keys';
import type { DirectoryState } from '../../shared/directory/index';
import { fromBase64url } from '../../shared/encoding/bytes';
import { NO_MEMBERSHIP, type StreamMembership } from '../../shared/membership/stream-membership';
import { ENTRY_RULES, type StreamKind } from '../../shared/schemas/entry-type';
import type { StoredEntry } from '../../shared/schemas/stream';
import { checkStreamReaders } from '../core/stream-readers-check';
import { type EntryCheck, EntryVerificationError } from './entry-errors';

/**
 * A stream as far as this client has verified it: its head (`seq` 0 and hash `""` before the
 * first entry), the membership its signed headers add up to (shared/membership), and who each
 * author last sealed to.
 */
export type StreamChain = {
  readonly streamId: string;
  readonly kind: StreamKind | undefined;
  readonly seq: number;
  readonly hash: string;
  readonly membership: StreamMembership;
  /** Leaf index of the head entry, -1 before the first. */
  readonly lastLeaf: number;
  /** Per author, the recipients (`person keyId`) of their last entry in the stream. */
  readonly lastSealedBy: ReadonlyMap<string, ReadonlySet<string>>;
};

/** A stream before its first entry. */
export const emptyChain = (streamId: string): StreamChain => ({
  streamId,
  kind: undefined,
  seq: 0,
  hash: '',
  membership: NO_MEMBERSHIP,
  lastLeaf: -1,
  lastSealedBy: new Map(),
});

// The author's key must be the one the directory bound to this person and party, valid at the
// entry's leaf (§7.4), and of a role that may write this kind of entry. The header was parsed with
// the `EntryHeader` schema when the API client read the page, so it is not parsed again here.
const authorProblem = (
  entry: StoredEntry,
  headerBytes: Uint8Array,
  directory: DirectoryState,
): [EntryCheck, string] | null => {
  const { author, type } = entry.header;
  const record = directory.keyRecord(author.keyId);
  if (!record || record.person !== author.person || record.party !== author.party) {
    return ['author', `key ${author.keyId} is not a key of ${author.person} in party ${author.party}`];
  }
  if (!ENTRY_RULES[type].roles.includes(record.role)) {
    return ['author', `a ${record.role} may not write a ${type}`];
  }
  if (!directory.isKeyValidAt(author.keyId, entry.leafIndex)) {
    return ['signature', `key ${author.keyId} was not valid at leaf ${entry.leafIndex}`];
  }
  const signKey = fromBase64url(record.signKey) as SignPublicKey;
  if (!verifyEntrySignatureOverBytes(headerBytes, entry.signature, signKey)) {
    return ['signature', 'the signature does not verify under the author key'];
  }
  return null;
};

const chainProblem = (chain: StreamChain, entry: StoredEntry): string | null => {
  const { header } = entry;
  const rule = ENTRY_RULES[header.type];
  if (header.stream !== chain.streamId) {
    return `it belongs to stream ${header.stream}`;
  }
  if (header.seq !== chain.seq + 1 || header.prevHash !== chain.hash) {
    return `expected seq ${chain.seq + 1} after ${chain.hash || 'the start'}, got seq ${header.seq} after ${header.prevHash || 'the start'}`;
  }
  if (Boolean(rule.opens) !== (header.seq === 1) || (chain.kind !== undefined && chain.kind !== header.streamKind)) {
    return `a ${header.type} cannot be entry ${header.seq} of a ${chain.kind ?? header.streamKind}`;
  }
  if (!rule.streams.includes(header.streamKind)) {
    return `a ${header.type} cannot be written in a ${header.streamKind}`;
  }
  if (entry.leafIndex <= chain.lastLeaf) {
    return `leaf ${entry.leafIndex} does not follow the previous entry's leaf ${chain.lastLeaf}`;
  }
  return null;
};

/**
 * Verifies `entries` as the continuation of `chain`, in order: each entry's hash is the one the
 * client computes itself, it extends the head (seq, prevHash, stream, kind, log order), its
 * signature verifies under the author's key valid at its leaf in the verified directory, it keeps
 * the stream's membership rules, and it was sealed only to the stream's readers at its position
 * (client/core/stream-readers-check). The directory must be proven under a tree that holds the
 * entries, so that it holds every statement before their leaves. Returns the chain after them.
 * `associatedData`, when given, receives each entry's associated data, canonicalised with the bytes
 * its signature covers, for `openStreamEntries` to open it with.
 *
 * @throws {EntryVerificationError} naming the first entry that fails.
 */
export const extendChain = (
  chain: StreamChain,
  entries: readonly StoredEntry[],
  directory: DirectoryState,
  associatedData?: Map<StoredEntry, Uint8Array>,
): StreamChain => {
  let current = chain;
  for (const entry of entries) {
    const { header } = entry;
    const place = { streamId: chain.streamId, seq: header.seq, entryHash: entry.entryHash };
    // Canonicalised once for the hash, the signature and the associated data.
    const { headerBytes, associatedData: entryData } = entryHeaderEncodings(header);
    const computed = entryHashOfHeaderBytes(headerBytes, entry.signature);
    if (computed !== entry.entryHash) {
      throw new EntryVerificationError('hash', place, `the header and signature hash to ${computed}`);
    }
    const broken = chainProblem(current, entry);
    if (broken) {
      throw new EntryVerificationError('chain', place, broken);
    }
    const unsigned = authorProblem(entry, headerBytes, directory);
    if (unsigned) {
      throw new EntryVerificationError(unsigned[0], place, unsigned[1]);
    }
    const readers = checkStreamReaders(
      [{ header, entryHash: computed, leafIndex: entry.leafIndex }],
      directory,
      current.membership,
    );
    const [problem] = readers.problems[0] ?? [];
    if (problem !== undefined) {
      throw new EntryVerificationError('readers', place, problem);
    }
    associatedData?.set(entry, entryData);
    const lastSealedBy = new Map(current.lastSealedBy);
    lastSealedBy.set(header.author.person, new Set(header.recipients.map((r) => `${r.person} ${r.keyId}`)));
    current = {
      streamId: chain.streamId,
      kind: header.streamKind,
      seq: header.seq,
      hash: computed,
      membership: readers.membership,
      lastLeaf: entry.leafIndex,
      lastSealedBy,
    };
  }
  return current;
};
