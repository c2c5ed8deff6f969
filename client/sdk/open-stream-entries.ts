import { checkContentHeader } from '../../shared/content/check-content-header';
import { ContentError } from '../../shared/content/content-error';
import { decodePlaintext } from '../../shared/content/decode-content';
import type { EntryContent } from '../../shared/content/entry-content';
import { asContentKey, type ContentKey } from '../../shared/crypto/content-key';
import { EntryOpenError } from '../../shared/crypto/entry-errors';
import { type CheckedEntry, checkParsedEntryIntegrity } from '../../shared/crypto/entry-integrity';
import { openCheckedEntry } from '../../shared/crypto/entry-open';
import type { BoxPublicKey } from '../../shared/crypto/identity-keys';
import type { DirectoryState } from '../../shared/directory/index';
import { fromBase64url } from '../../shared/encoding/bytes';
import type { EntryHeader, SignedEntry } from '../../shared/schemas/entry';
import type { StoredEntry } from '../../shared/schemas/stream';
import { type EntryCheck, EntryVerificationError } from './entry-errors';
import type { UnlockedKeyring } from './unlocked-keyring';

/** An entry as `readStream` returns it: verified, and decrypted where this person holds a key. */
export type ReadEntry = {
  readonly header: EntryHeader;
  readonly entryHash: string;
  readonly leafIndex: number;
  readonly receivedAt: string;
  /** Absent where the server sent no ciphertext or no key of this person opens it. */
  readonly content?: EntryContent;
  /**
   * The checkpoint note the author's client trusted when it wrote the entry (gossip, docs/PROTOCOL.md
   * §9.3), carried in the content; `readStream` has already compared it with this reader's.
   */
  readonly seenCheckpoint?: string;
  /** Every check passed (a failure throws instead): signature, hash chain, log inclusion. */
  readonly verified: { readonly signature: true; readonly chain: true; readonly inclusion: true };
};

/** What opening needs: who reads, with which keys, and content keys disclosed to them so far. */
export type EntryReaderKeys = {
  readonly personId: string;
  readonly keyring: UnlockedKeyring;
  readonly directory: DirectoryState;
  /** Entry hash → disclosed content key; grows as disclosures to this person are opened. */
  readonly grants: Map<string, ContentKey>;
};

const VERIFIED = { signature: true, chain: true, inclusion: true } as const;

const refuse = (check: EntryCheck, entry: StoredEntry, reason: string): never => {
  throw new EntryVerificationError(
    check,
    { streamId: entry.header.stream, seq: entry.header.seq, entryHash: entry.entryHash },
    reason,
  );
};

// Every key of the keyring the entry was sealed to, tried in turn (an old key opens old entries).
const openAsRecipient = (checked: CheckedEntry, keys: EntryReaderKeys): Uint8Array | undefined => {
  const mine = checked.entry.header.recipients.filter((recipient) => recipient.person === keys.personId);
  let failure: unknown;
  for (const { keyId } of mine) {
    const held = keys.keyring.key(keyId);
    const record = keys.directory.keyRecord(keyId);
    if (!held || !record) {
      continue;
    }
    const reader = { person: keys.personId, keyId, boxSecretKey: held.boxSecretKey };
    try {
      return openCheckedEntry(checked, { ...reader, boxPublicKey: fromBase64url(record.boxKey) as BoxPublicKey });
    } catch (error) {
      failure = error;
    }
  }
  if (failure !== undefined) {
    throw failure;
  }
  return undefined;
};

const plaintextOf = (
  entry: StoredEntry,
  keys: EntryReaderKeys,
  associatedData: Uint8Array | undefined,
): Uint8Array | undefined => {
  if (entry.ciphertext === undefined) {
    return undefined;
  }
  const signed: SignedEntry = { header: entry.header, signature: entry.signature, ciphertext: entry.ciphertext };
  // The API client parsed the header and ciphertext with the same schemas as `SignedEntry`, and the
  // signature verified before opening; decoded and hashed once here, the openings below reuse it.
  const integrity = checkParsedEntryIntegrity(signed, associatedData);
  if (!integrity.ok) {
    return refuse('integrity', entry, integrity.reason);
  }
  const attempt = (check: EntryCheck, open: () => Uint8Array | undefined): Uint8Array | undefined => {
    try {
      return open();
    } catch (error) {
      return refuse(check, entry, error instanceof EntryOpenError ? error.reason : String(error));
    }
  };
  const own = attempt('open', () => openAsRecipient(integrity, keys));
  const grant = keys.grants.get(entry.entryHash);
  return own ?? (grant ? attempt('disclosure', () => openCheckedEntry(integrity, grant)) : undefined);
};

// A disclosure to this person hands over content keys for the entries its signed header refers to.
const collectGrants = (entry: StoredEntry, content: EntryContent, keys: EntryReaderKeys): void => {
  if (content.type !== 'disclosure' || entry.header.meta.grantee !== keys.personId) {
    return;
  }
  for (const grant of content.grants) {
    if (!entry.header.refs.includes(grant.entryHash)) {
      refuse('content', entry, `it grants a key for ${grant.entryHash}, which its header does not refer to`);
    }
    keys.grants.set(grant.entryHash, asContentKey(fromBase64url(grant.contentKey)));
  }
};

const decodeEntry = (
  entry: StoredEntry,
  keys: EntryReaderKeys,
  associatedData: ReadonlyMap<StoredEntry, Uint8Array> | undefined,
): ReadEntry => {
  const base = {
    header: entry.header,
    entryHash: entry.entryHash,
    leafIndex: entry.leafIndex,
    receivedAt: entry.receivedAt,
  };
  const plaintext = plaintextOf(entry, keys, associatedData?.get(entry));
  if (plaintext === undefined) {
    return { ...base, verified: VERIFIED };
  }
  let content: EntryContent;
  let seenCheckpoint: string | undefined;
  try {
    ({ content, seenCheckpoint } = decodePlaintext(plaintext, entry.header.type));
  } catch (error) {
    return refuse('content', entry, error instanceof ContentError ? error.message : String(error));
  }
  const mismatches = checkContentHeader(content, entry.header);
  if (mismatches.length > 0) {
    return refuse('content', entry, `content and header disagree on ${mismatches.join(', ')}`);
  }
  collectGrants(entry, content, keys);
  return { ...base, content, ...(seenCheckpoint === undefined ? {} : { seenCheckpoint }), verified: VERIFIED };
};

/**
 * Opens what this person can of entries that already passed the signature, chain and inclusion
 * checks: as a recipient (every key of the keyring), or with a content key a disclosure to them
 * granted (commitment checked by `openEntryWithContentKey`). Disclosures come after what they
 * disclose, so entries left closed are tried again once the whole stream has been read.
 *
 * @throws {EntryVerificationError} for an entry sealed to this person that does not open, content
 * that does not decode or disagrees with its header, or a disclosed key that is not the committed one.
 * `associatedData` holds what `extendChain` kept of the entries it checked; the others' is computed.
 */
export const openStreamEntries = (
  entries: readonly StoredEntry[],
  keys: EntryReaderKeys,
  associatedData?: ReadonlyMap<StoredEntry, Uint8Array>,
): ReadEntry[] => {
  const first = entries.map((entry) => decodeEntry(entry, keys, associatedData));
  return first.map((read, index) => {
    const entry = entries[index] as StoredEntry;
    return read.content === undefined && keys.grants.has(entry.entryHash)
      ? decodeEntry(entry, keys, associatedData)
      : read;
  });
};
