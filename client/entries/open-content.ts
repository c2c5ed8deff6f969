/**
 * Opening an entry's content with the reader's own keys (docs/PROTOCOL.md §4.7): the sealed key,
 * the key commitment, the AEAD, the padding; then the content schema and what it must agree on
 * with the signed header (shared/content).
 */
import { attachmentsOf, checkContentHeader } from '../../shared/content/check-content-header';
import { ContentError } from '../../shared/content/content-error';
import { decodePlaintext } from '../../shared/content/decode-content';
import type { EntryContent } from '../../shared/content/entry-content';
import { EntryOpenError } from '../../shared/crypto/entry-errors';
import { checkParsedEntryIntegrity } from '../../shared/crypto/entry-integrity';
import { openCheckedEntry } from '../../shared/crypto/entry-open';
import type { BoxPublicKey } from '../../shared/crypto/identity-keys';
import type { DirectoryState } from '../../shared/directory/index';
import { fromBase64url } from '../../shared/encoding/bytes';
import type { EntryHeader, SignedEntry } from '../../shared/schemas/entry';
import type { StoredEntry } from '../../shared/schemas/stream';
import { getKeyStatus, withKeys } from '../crypto/keyring-store';
import { rememberAttachments } from './attachment-registry';

/** What a reader gets out of an entry's ciphertext. */
export type ContentOutcome =
  /** `seenCheckpoint`: the checkpoint the author's client trusted, carried as gossip (PROTOCOL.md §9.3). */
  | { readonly state: 'decrypted'; readonly content: EntryContent; readonly seenCheckpoint?: string }
  /** Not sealed to this reader (a reviewer, or a member who joined later) or no ciphertext sent. */
  | { readonly state: 'no-access' }
  | { readonly state: 'locked' }
  | { readonly state: 'unreadable'; readonly reason: string };

/**
 * The content of a decrypted entry, once its schema and the signed header agree; attachment keys
 * are kept in the registry under `entryHash`. Throws a `ContentError` for content that does not decode.
 */
export const decodeOpened = (plaintext: Uint8Array, header: EntryHeader, entryHash: string): ContentOutcome => {
  const { content, seenCheckpoint } = decodePlaintext(plaintext, header.type);
  const mismatches = checkContentHeader(content, header);
  if (mismatches.length > 0) {
    return { state: 'unreadable', reason: `The content disagrees with its signed header: ${mismatches.join(', ')}` };
  }
  rememberAttachments(entryHash, attachmentsOf(content));
  return { state: 'decrypted', content, ...(seenCheckpoint === undefined ? {} : { seenCheckpoint }) };
};

/** Why an entry did not open, in a sentence. */
export const reasonOf = (error: unknown): string =>
  error instanceof EntryOpenError || error instanceof ContentError
    ? error.message
    : error instanceof Error
      ? error.message
      : String(error);

/**
 * Opens `entry` as `personId` with whichever of their unlocked keys it was sealed to. Attachment
 * keys of an opened entry are kept in the registry under the entry's hash (`entryHash`).
 * `associatedData`, when given, is the header's from `entryHeaderEncodings` (the read's digest).
 */
export const openContent = (
  entry: StoredEntry,
  entryHash: string,
  personId: string,
  directory: DirectoryState,
  associatedData?: Uint8Array,
): ContentOutcome => {
  const { header, ciphertext } = entry;
  const mine = header.recipients.filter((recipient) => recipient.person === personId);
  if (ciphertext === undefined || mine.length === 0) {
    return { state: 'no-access' };
  }
  const keys = getKeyStatus();
  if (keys.state !== 'unlocked' || keys.personId !== personId) {
    return { state: 'locked' };
  }
  const signed: SignedEntry = { header, signature: entry.signature, ciphertext };
  try {
    // The API client parsed the header and ciphertext with the schemas of `SignedEntry`, and the
    // signature verified before opening: decoded and hashed once here, not parsed again.
    const checked = checkParsedEntryIntegrity(signed, associatedData);
    if (!checked.ok) {
      throw new EntryOpenError(checked.reason);
    }
    const plaintext = withKeys(personId, (ring) => {
      const key = ring.find((candidate) => mine.some((recipient) => recipient.keyId === candidate.keyId));
      const record = key && directory.keyRecord(key.keyId);
      if (!key || !record) {
        throw new Error('None of your unlocked keys is one this entry was sealed to');
      }
      return openCheckedEntry(checked, {
        person: personId,
        keyId: key.keyId,
        boxPublicKey: fromBase64url(record.boxKey) as BoxPublicKey,
        boxSecretKey: key.boxSecretKey,
      });
    });
    return decodeOpened(plaintext, header, entryHash);
  } catch (error) {
    return { state: 'unreadable', reason: reasonOf(error) };
  }
};
