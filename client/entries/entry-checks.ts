/**
 * What a reader checks about each entry before trusting it (docs/PROTOCOL.md §4.4, §4.6, §7.4):
 * the author's signature with the key the verified directory binds to them at the entry's log
 * position, and the stream's hash chain. Pure: no I/O, the directory is an argument.
 */
import { entryHashOfHeaderBytes, entryHeaderEncodings } from '../../shared/crypto/entry-bytes';
import { verifyEntrySignatureOverBytes } from '../../shared/crypto/entry-signature';
import type { SignPublicKey } from '../../shared/crypto/identity-keys';
import type { DirectoryState } from '../../shared/directory/index';
import { fromBase64url } from '../../shared/encoding/bytes';
import { ENTRY_RULES } from '../../shared/schemas/entry-type';
import type { StoredEntry, StreamView } from '../../shared/schemas/stream';

/** One check's outcome, with a sentence for people (why it holds, or what broke). */
export type EntryCheck = { readonly state: 'valid' | 'invalid' | 'unchecked'; readonly detail: string };

const valid = (detail: string): EntryCheck => ({ state: 'valid', detail });
const invalid = (detail: string): EntryCheck => ({ state: 'invalid', detail });

/**
 * What the checks recompute from an entry, once per read: the header's canonical bytes (what the
 * signature covers), the entry hash (never the one the server reports) and the associated data
 * its content is opened with.
 */
export type EntryDigest = {
  readonly headerBytes: Uint8Array;
  readonly hash: string;
  readonly associatedData: Uint8Array;
};

/**
 * The digest of an entry the API client parsed with the `StoredEntry` schema (strict: a header
 * with a member the schema lacks never gets here), so the header is not parsed again.
 */
export const digestEntry = (entry: StoredEntry): EntryDigest => {
  const { headerBytes, associatedData } = entryHeaderEncodings(entry.header);
  return { headerBytes, hash: entryHashOfHeaderBytes(headerBytes, entry.signature), associatedData };
};

/**
 * Whether the author signed this header: their key is in the verified directory, belongs to the
 * person and party the header names, was valid at the entry's leaf, may write this type, and the
 * signature verifies over the canonical header.
 */
export const checkSignature = (
  entry: StoredEntry,
  directory: DirectoryState,
  digest: EntryDigest = digestEntry(entry),
): EntryCheck => {
  const { header, leafIndex } = entry;
  const { keyId, person, party } = header.author;
  const key = directory.keyRecord(keyId);
  if (!key) {
    return invalid(`The author's key ${keyId} is not in the verified key directory`);
  }
  if (key.person !== person || key.party !== party) {
    return invalid(`Key ${keyId} belongs to someone else than the stated author`);
  }
  if (!directory.isKeyValidAt(keyId, leafIndex)) {
    return invalid(`Key ${keyId} was not valid at log position ${leafIndex}`);
  }
  if (!ENTRY_RULES[header.type].roles.includes(key.role)) {
    return invalid(`A ${key.role} may not write a ${header.type}`);
  }
  if (
    !verifyEntrySignatureOverBytes(digest.headerBytes, entry.signature, fromBase64url(key.signKey) as SignPublicKey)
  ) {
    return invalid(`The signature does not verify under ${key.name}'s key ${keyId}`);
  }
  return valid(`Signed by ${key.name} with key ${keyId}, valid at log position ${leafIndex}`);
};

/** The verified entry a chain check continues from: its seq, recomputed hash and log position. */
export type ChainLink = { readonly seq: number; readonly hash: string; readonly leafIndex: number };

/**
 * Chain continuity of a whole stream (§4.6): seq 1, 2, … without gaps; the first entry opens the
 * stream; each `prevHash` is the recomputed hash of the entry before; every entry names this
 * stream and its kind; log positions increase; the last hash is the head the server reports.
 * Once a link breaks, every later entry is reported broken too. With `from`, `entries` are the
 * ones after that already verified entry (a stream read again from the local store).
 */
export const checkChain = (
  stream: StreamView,
  entries: readonly StoredEntry[],
  digests: readonly EntryDigest[] = entries.map(digestEntry),
  from: ChainLink | null = null,
): EntryCheck[] => {
  const checks: EntryCheck[] = [];
  let broken: string | null = null;
  let previousHash = from?.hash ?? '';
  let previousLeaf = from?.leafIndex ?? -1;
  const offset = from?.seq ?? 0;
  entries.forEach((entry, position) => {
    const { header } = entry;
    const index = position + offset;
    const hash = (digests[position] ?? digestEntry(entry)).hash;
    const problem =
      hash !== entry.entryHash
        ? 'The server reports another hash than the header and signature give'
        : header.stream !== stream.id || header.streamKind !== stream.kind
          ? 'The entry names another stream'
          : header.seq !== index + 1
            ? `Expected seq ${index + 1}, found ${header.seq}: an entry is missing or out of order`
            : header.prevHash !== previousHash
              ? `prevHash is not the hash of seq ${index}`
              : index === 0 && !ENTRY_RULES[header.type].opens
                ? 'The first entry does not open the stream'
                : entry.leafIndex <= previousLeaf
                  ? 'The entry is logged before the one it follows'
                  : null;
    broken ??= problem === null ? null : `Seq ${header.seq}: ${problem}`;
    checks.push(
      broken === null
        ? valid(index === 0 ? 'Opens the stream' : `Follows seq ${index} (${previousHash.slice(0, 10)}…)`)
        : invalid(broken),
    );
    previousHash = hash;
    previousLeaf = entry.leafIndex;
  });
  const last = checks.at(-1);
  // A head further on is an entry appended since this page was read, not a contradiction.
  if (last?.state === 'valid' && stream.head?.seq === entries.length + offset && stream.head.hash !== previousHash) {
    checks[checks.length - 1] = invalid('The server reports another head for this stream than its last entry');
  }
  return checks;
};
