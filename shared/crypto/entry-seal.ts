/**
 * Sealing an entry: pad, encrypt under a fresh content key, seal the key to every recipient,
 * commit to it, hash the ciphertext, sign the header, hash the signed header.
 * Spec: docs/PROTOCOL.md#42-sealing
 */
import { toBase64url } from '../encoding/bytes';
import { EntryHeader, MAX_ENTRY_CIPHERTEXT_BYTES, type SignedEntry } from '../schemas/entry';
import {
  type ContentKey,
  computeKeyCommitment,
  generateContentKey,
  resealContentKey,
  SEALED_KEY_BYTES,
} from './content-key';
import { computeCiphertextHash, computeEntryHash, entryAssociatedData } from './entry-bytes';
import { EntrySealError } from './entry-errors';
import { compareRecipients, type RecipientKey } from './entry-recipients';
import { signEntryHeader } from './entry-signature';
import { type BoxPublicKey, deriveKeyId, type SignPublicKey, type SignSecretKey } from './identity-keys';
import { padToBucket } from './padding';
import { randomBytes } from './random';
import { sodium } from './sodium';

/** Length of an entry's XChaCha20-Poly1305 nonce. */
export const ENTRY_NONCE_BYTES = 24;

/** Largest plaintext an entry carries: its bucket must not exceed `MAX_ENTRY_CIPHERTEXT_BYTES`. */
export const MAX_ENTRY_PLAINTEXT_BYTES = MAX_ENTRY_CIPHERTEXT_BYTES - 1;

/** What the author supplies: the header fields sealing does not compute, recipients' keys, the plaintext. */
export type SealEntryInput = Omit<
  EntryHeader,
  'nonce' | 'ciphertextHash' | 'paddedLength' | 'keyCommitment' | 'recipients'
> & {
  readonly recipients: readonly RecipientKey[];
  readonly plaintext: Uint8Array;
  readonly signSecretKey: SignSecretKey;
};

/** The randomness sealing consumes; `sealKey` is `crypto_box_seal` except in test vectors. */
export type EntryRandomness = {
  readonly contentKey: ContentKey;
  readonly nonce: Uint8Array;
  readonly sealKey: (contentKey: ContentKey, boxPublicKey: BoxPublicKey) => Uint8Array;
};

/** A sealed entry, its hash (the next entry's `prevHash`), and the content key (for later disclosure). */
export type SealedEntry = { readonly entry: SignedEntry; readonly entryHash: string; readonly contentKey: ContentKey };

const HeaderWithoutHash = EntryHeader.omit({ ciphertextHash: true });

const sortRecipients = (recipients: readonly RecipientKey[]): RecipientKey[] => {
  const sorted = [...recipients].sort(compareRecipients);
  sorted.forEach((recipient, index) => {
    const next = sorted[index + 1];
    if (next !== undefined && compareRecipients(recipient, next) === 0) {
      throw new EntrySealError(
        'duplicate-recipient',
        `recipient ${recipient.person}/${recipient.keyId} is listed twice`,
      );
    }
  });
  return sorted;
};

const checkAuthor = (input: SealEntryInput, recipients: readonly RecipientKey[]): void => {
  const own = recipients.find((r) => r.person === input.author.person && r.keyId === input.author.keyId);
  if (own === undefined) {
    throw new EntrySealError('author-not-recipient', `the author ${input.author.person} must be a recipient`);
  }
  // The signing key and the author's box key must be the key set `author.keyId` names.
  if (input.signSecretKey.length !== sodium.crypto_sign_SECRETKEYBYTES) {
    throw new EntrySealError('author-key-mismatch', `a signing key is 64 bytes, got ${input.signSecretKey.length}`);
  }
  const signPublicKey = sodium.crypto_sign_ed25519_sk_to_pk(input.signSecretKey) as SignPublicKey;
  const keyId = deriveKeyId(signPublicKey, own.boxPublicKey);
  if (keyId !== input.author.keyId) {
    throw new EntrySealError('author-key-mismatch', `author.keyId is ${input.author.keyId}, the keys give ${keyId}`);
  }
};

/** `sealEntry` with its randomness supplied: for test vectors only. */
export const sealEntryWithRandomness = (input: SealEntryInput, randomness: EntryRandomness): SealedEntry => {
  const { recipients, plaintext, signSecretKey, ...fields } = input;
  const { contentKey, nonce } = randomness;
  if (plaintext.length > MAX_ENTRY_PLAINTEXT_BYTES) {
    throw new EntrySealError(
      'plaintext-too-large',
      `at most ${MAX_ENTRY_PLAINTEXT_BYTES} bytes, got ${plaintext.length}`,
    );
  }
  if (contentKey.length !== 32 || nonce.length !== ENTRY_NONCE_BYTES) {
    throw new EntrySealError(
      'invalid-randomness',
      `key 32 and nonce 24 bytes, got ${contentKey.length}, ${nonce.length}`,
    );
  }
  const sorted = sortRecipients(recipients);
  checkAuthor(input, sorted);
  const sealedRecipients = sorted.map(({ person, keyId, boxPublicKey }) => {
    const sealed = randomness.sealKey(contentKey, boxPublicKey);
    if (sealed.length !== SEALED_KEY_BYTES) {
      throw new EntrySealError('invalid-randomness', `a sealed key is ${SEALED_KEY_BYTES} bytes, got ${sealed.length}`);
    }
    return { person, keyId, sealedKey: toBase64url(sealed) };
  });
  const padded = padToBucket(plaintext);
  const covered = HeaderWithoutHash.safeParse({
    ...fields,
    recipients: sealedRecipients,
    nonce: toBase64url(nonce),
    paddedLength: padded.length,
    keyCommitment: toBase64url(computeKeyCommitment(contentKey)),
  });
  if (!covered.success) {
    throw new EntrySealError('invalid-header', `the header does not match EntryHeader: ${covered.error.message}`);
  }
  let ad: Uint8Array;
  try {
    ad = entryAssociatedData(covered.data);
  } catch (error) {
    // zod lets `undefined` through for optional members; canonical JSON refuses it.
    throw new EntrySealError('invalid-header', `the header has no canonical form: ${(error as Error).message}`);
  }
  const ciphertext = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(padded, ad, null, nonce, contentKey);
  const header = EntryHeader.parse({ ...covered.data, ciphertextHash: computeCiphertextHash(ciphertext) });
  const signature = signEntryHeader(header, signSecretKey);
  const entry: SignedEntry = { header, signature, ciphertext: toBase64url(ciphertext) };
  return { entry, entryHash: computeEntryHash(header, signature), contentKey };
};

/**
 * Seals an entry for its recipients: fresh content key and nonce, `crypto_box_seal` per recipient.
 * Recipients are sorted by (person, keyId); throws `EntrySealError` if one is listed twice, if the
 * author is not among them, if the signing key is not the author's, or if the header is invalid.
 */
export const sealEntry = (input: SealEntryInput): SealedEntry =>
  sealEntryWithRandomness(input, {
    contentKey: generateContentKey(),
    nonce: randomBytes(ENTRY_NONCE_BYTES),
    sealKey: resealContentKey,
  });
