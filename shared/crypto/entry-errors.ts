/**
 * Why sealing or opening an entry failed: one reason per check, so client, server and reviewer
 * report the same thing.
 * Spec: docs/PROTOCOL.md#47-opening-and-verifying
 */

/** Checks anyone can run without keys (`checkEntryIntegrity`). */
export type EntryIntegrityFailure =
  | 'malformed-entry'
  | 'recipients-not-canonical'
  | 'author-not-recipient'
  | 'padded-length-not-a-bucket'
  | 'ciphertext-length-mismatch'
  | 'ciphertext-hash-mismatch';

/** Everything `openEntry` and `openEntryWithContentKey` can refuse. */
export type EntryOpenFailure =
  | EntryIntegrityFailure
  | 'not-a-recipient'
  | 'sealed-key-unopenable'
  | 'key-commitment-mismatch'
  | 'decryption-failed'
  | 'bad-padding';

/** Why `sealEntry` refused its input. */
export type EntrySealFailure =
  | 'plaintext-too-large'
  | 'duplicate-recipient'
  | 'author-not-recipient'
  | 'author-key-mismatch'
  | 'invalid-randomness'
  | 'invalid-header';

const OPEN_MESSAGES: Readonly<Record<EntryOpenFailure, string>> = {
  'malformed-entry': 'the entry does not match the SignedEntry schema',
  'recipients-not-canonical': 'recipients are not strictly ascending by (person, keyId)',
  'author-not-recipient': "the author's key is not among the recipients",
  'padded-length-not-a-bucket': 'paddedLength is not a padding bucket size',
  'ciphertext-length-mismatch': 'the ciphertext is not paddedLength + 16 bytes long',
  'ciphertext-hash-mismatch': 'the ciphertext does not hash to the header’s ciphertextHash',
  'not-a-recipient': 'this key is not among the recipients',
  'sealed-key-unopenable': 'the sealed content key does not open with this key pair',
  'key-commitment-mismatch': 'the content key is not the one the header commits to',
  'decryption-failed': 'the ciphertext does not decrypt under this key, nonce and header',
  'bad-padding': 'the decrypted plaintext is not correctly padded',
};

/** An entry could not be opened or failed an integrity check; `reason` says which check. */
export class EntryOpenError extends Error {
  override readonly name = 'EntryOpenError';
  /** The check that failed. */
  readonly reason: EntryOpenFailure;

  constructor(reason: EntryOpenFailure) {
    super(OPEN_MESSAGES[reason]);
    this.reason = reason;
  }
}

/** `sealEntry` refused its input; `reason` says why and the message names expected and actual. */
export class EntrySealError extends Error {
  override readonly name = 'EntrySealError';
  /** What was wrong with the input. */
  readonly reason: EntrySealFailure;

  constructor(reason: EntrySealFailure, message: string) {
    super(message);
    this.reason = reason;
  }
}
