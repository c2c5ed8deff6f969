/**
 * Opening an entry: as a recipient (sealed key) or with a disclosed content key. Every check
 * that fails throws an `EntryOpenError` naming it.
 * Spec: docs/PROTOCOL.md#47-opening-and-verifying
 */
import { equalBytes, fromBase64url } from '../encoding/bytes';
import { SignedEntry } from '../schemas/entry';
import { type ContentKey, computeKeyCommitment, openSealedKey } from './content-key';
import { entryAssociatedData } from './entry-bytes';
import { EntryOpenError } from './entry-errors';
import { type CheckedEntry, checkParsedEntryIntegrity } from './entry-integrity';
import type { BoxPublicKey, BoxSecretKey } from './identity-keys';
import { unpadFromBucket } from './padding';
import { sodium } from './sodium';

/** The reader's identity: who they are in `recipients`, and their X25519 key pair. */
export type EntryReader = {
  readonly person: string;
  readonly keyId: string;
  readonly boxPublicKey: BoxPublicKey;
  readonly boxSecretKey: BoxSecretKey;
};

const parseEntry = (entry: unknown): SignedEntry => {
  const parsed = SignedEntry.safeParse(entry);
  if (!parsed.success) {
    throw new EntryOpenError('malformed-entry');
  }
  return parsed.data;
};

// The key must be the committed one before it touches the ciphertext, so a disclosed key can
// only ever open the one plaintext the author signed.
const assertCommitted = (entry: SignedEntry, contentKey: ContentKey): void => {
  if (
    contentKey.length !== 32 ||
    !equalBytes(computeKeyCommitment(contentKey), fromBase64url(entry.header.keyCommitment))
  ) {
    throw new EntryOpenError('key-commitment-mismatch');
  }
};

// AEAD decryption under the header as associated data, then the padding: for an entry whose
// integrity checks passed and whose key is the committed one.
const decryptChecked = ({ entry, ciphertext, associatedData }: CheckedEntry, contentKey: ContentKey): Uint8Array => {
  const { header } = entry;
  let ad: Uint8Array;
  try {
    ad = associatedData ?? entryAssociatedData(header);
  } catch {
    // Only a header holding `undefined` (which JSON cannot carry) has no canonical form.
    throw new EntryOpenError('malformed-entry');
  }
  let padded: Uint8Array;
  try {
    padded = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      ciphertext,
      ad,
      fromBase64url(header.nonce),
      contentKey,
    );
  } catch {
    throw new EntryOpenError('decryption-failed');
  }
  try {
    return unpadFromBucket(padded);
  } catch {
    throw new EntryOpenError('bad-padding');
  }
};

// Shared tail of both ways in: the key commitment, then the integrity checks, then decryption.
const decryptCommitted = (entry: SignedEntry, contentKey: ContentKey): Uint8Array => {
  assertCommitted(entry, contentKey);
  const integrity = checkParsedEntryIntegrity(entry);
  if (!integrity.ok) {
    throw new EntryOpenError(integrity.reason);
  }
  return decryptChecked(integrity, contentKey);
};

const openSealedKeyOf = (entry: SignedEntry, reader: EntryReader): ContentKey => {
  const recipient = entry.header.recipients.find((r) => r.person === reader.person && r.keyId === reader.keyId);
  if (recipient === undefined) {
    throw new EntryOpenError('not-a-recipient');
  }
  try {
    return openSealedKey(fromBase64url(recipient.sealedKey), reader.boxPublicKey, reader.boxSecretKey);
  } catch {
    throw new EntryOpenError('sealed-key-unopenable');
  }
};

/**
 * Decrypts an entry as one of its recipients. Checks, in order: the schema; that (person, keyId)
 * is a recipient; that the sealed key opens; the key commitment; the integrity checks of
 * `checkEntryIntegrity`; AEAD decryption under the header as associated data; the padding.
 * Does not verify the author's signature: call `verifyEntrySignature` with the author's key
 * from the key directory before trusting what it says.
 */
export const openEntry = (entry: SignedEntry, reader: EntryReader): Uint8Array => {
  const parsed = parseEntry(entry);
  return decryptCommitted(parsed, openSealedKeyOf(parsed, reader));
};

/**
 * Decrypts an entry with a content key disclosed to the caller. The key commitment is checked
 * first: a key that is not the committed one is refused before any decryption is tried.
 */
export const openEntryWithContentKey = (entry: SignedEntry, contentKey: ContentKey): Uint8Array =>
  decryptCommitted(parseEntry(entry), contentKey);

/**
 * {@link openEntry} and {@link openEntryWithContentKey} for an entry that `checkEntryIntegrity`
 * has just accepted (its parsed entry and ciphertext bytes): not parsed, decoded or hashed again.
 * Pass a content key to open with it; otherwise the reader's sealed key is opened.
 */
export const openCheckedEntry = (checked: CheckedEntry, key: EntryReader | ContentKey): Uint8Array => {
  const contentKey = key instanceof Uint8Array ? key : openSealedKeyOf(checked.entry, key);
  assertCommitted(checked.entry, contentKey);
  return decryptChecked(checked, contentKey);
};
