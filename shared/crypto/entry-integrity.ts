/**
 * Checks of an entry that need no key: what the server runs before storing and what a reviewer
 * runs on entries they cannot read.
 * Spec: docs/PROTOCOL.md#48-integrity-without-keys
 */
import { fromBase64url } from '../encoding/bytes';
import { SignedEntry } from '../schemas/entry';
import { computeCiphertextHash } from './entry-bytes';
import type { EntryIntegrityFailure } from './entry-errors';
import { areRecipientsCanonical, hasRecipient } from './entry-recipients';
import { isBucketSize } from './padding';

/** AEAD tag length of XChaCha20-Poly1305. */
export const ENTRY_AEAD_TAG_BYTES = 16;

/**
 * An entry that passed every check that needs no key: parsed, with its ciphertext bytes, and the
 * header's associated data when the caller had it from `entryHeaderEncodings` of this header.
 */
export type CheckedEntry = {
  readonly entry: SignedEntry;
  readonly ciphertext: Uint8Array;
  readonly associatedData?: Uint8Array;
};

/** The outcome of `checkEntryIntegrity`: the parsed entry and its ciphertext bytes, or the first failure. */
export type EntryIntegrityResult =
  | ({ readonly ok: true } & CheckedEntry)
  | { readonly ok: false; readonly reason: EntryIntegrityFailure };

/**
 * `checkEntryIntegrity` for an entry that has already passed the `SignedEntry` schema: every
 * check after the schema, without parsing a second time. `associatedData`, when given, must be
 * `entryHeaderEncodings(entry.header).associatedData`: opening then uses it instead of
 * canonicalising the header again.
 */
export const checkParsedEntryIntegrity = (entry: SignedEntry, associatedData?: Uint8Array): EntryIntegrityResult => {
  const { header } = entry;
  if (!areRecipientsCanonical(header.recipients)) {
    return { ok: false, reason: 'recipients-not-canonical' };
  }
  if (!hasRecipient(header.recipients, header.author)) {
    return { ok: false, reason: 'author-not-recipient' };
  }
  if (!isBucketSize(header.paddedLength)) {
    return { ok: false, reason: 'padded-length-not-a-bucket' };
  }
  const ciphertext = fromBase64url(entry.ciphertext);
  if (ciphertext.length !== header.paddedLength + ENTRY_AEAD_TAG_BYTES) {
    return { ok: false, reason: 'ciphertext-length-mismatch' };
  }
  if (computeCiphertextHash(ciphertext) !== header.ciphertextHash) {
    return { ok: false, reason: 'ciphertext-hash-mismatch' };
  }
  return associatedData === undefined
    ? { ok: true, entry, ciphertext }
    : { ok: true, entry, ciphertext, associatedData };
};

/**
 * Checks, in order: the `SignedEntry` schema; recipients strictly ascending by (person, keyId);
 * the author among them; `paddedLength` a bucket size; the ciphertext exactly `paddedLength` + 16
 * bytes; its hash equal to `ciphertextHash`. It does not check the signature
 * (`verifyEntrySignature`) nor that the ciphertext decrypts (that needs the content key).
 */
export const checkEntryIntegrity = (entry: unknown): EntryIntegrityResult => {
  const parsed = SignedEntry.safeParse(entry);
  return parsed.success ? checkParsedEntryIntegrity(parsed.data) : { ok: false, reason: 'malformed-entry' };
};
