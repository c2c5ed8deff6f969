/**
 * The negative partners of test/vectors/entry-v1.json (docs/PROTOCOL.md §4.7): each is a
 * positive entry with one thing changed, the keys to open it with, and what every check must
 * report. Used by generate-entry-vectors.ts; run that script, never this one.
 */

import { asContentKey, type ContentKey, computeKeyCommitment } from '../../shared/crypto/content-key';
import { computeCiphertextHash, ENTRY_SIGNATURE_TAG } from '../../shared/crypto/entry-bytes';
import { type EntryIntegrityFailure, EntryOpenError, type EntryOpenFailure } from '../../shared/crypto/entry-errors';
import { checkEntryIntegrity } from '../../shared/crypto/entry-integrity';
import { openEntry, openEntryWithContentKey } from '../../shared/crypto/entry-open';
import { compareRecipients } from '../../shared/crypto/entry-recipients';
import { signEntryHeader, verifyEntrySignature } from '../../shared/crypto/entry-signature';
import { signTagged } from '../../shared/crypto/sign';
import { toBase64url, utf8Bytes } from '../../shared/encoding/bytes';
import { type CanonicalValue, canonicalBytes } from '../../shared/encoding/canonical';
import { type EntryHeader, SignedEntry } from '../../shared/schemas/entry';
import { fixedBytes, hex, keysOf, type Name, PEOPLE, sealDeterministically } from './generate-entry-fixtures';

export type NegativeExpectation = {
  schema: 'valid' | 'invalid';
  signature: 'valid' | 'invalid';
  integrity: 'ok' | EntryIntegrityFailure;
  open: 'ok' | EntryOpenFailure;
};

export type NegativeVector = {
  name: string;
  description: string;
  basedOn: string;
  /** Whose signing key the signature is checked against. */
  signer: Name;
  /** Typed as a SignedEntry, though some (extra-header-field) are deliberately not one. */
  entry: SignedEntry;
  /** Open as a recipient (optionally holding another person's box keys), or with a disclosed key. */
  open: { as: Name; boxKeysOf?: Name } | { contentKeyHex: string };
  /** Only for the non-canonical case: the hand-serialised header the signature covers. */
  headerJson?: string;
  expect: NegativeExpectation;
};

type Base = { name: string; entry: SignedEntry; contentKey: ContentKey };
type Sources = { threadOpen: Base; letter: Base };

const fail = (integrity: NegativeExpectation['integrity'], open: NegativeExpectation['open']) =>
  ({ schema: 'valid', signature: 'invalid', integrity, open }) as const;
const asBob = { as: 'bob' } as const;

/** Every negative vector, derived from the two positive entries. */
export const buildNegativeVectors = ({ threadOpen, letter }: Sources): NegativeVector[] => {
  const base = threadOpen.entry;
  const withHeader = (changes: Partial<EntryHeader>, from: SignedEntry = base) => ({
    ...from,
    header: { ...from.header, ...changes },
  });
  const ciphertext = Buffer.from(base.ciphertext, 'base64url');
  const flipped = Uint8Array.from(ciphertext);
  flipped[0] = (flipped[0] ?? 0) ^ 0x01;
  const mallory = keysOf('mallory');
  const malloryRecipient = {
    person: PEOPLE.mallory.person,
    keyId: mallory.keyId,
    sealedKey: toBase64url(
      sealDeterministically(threadOpen.contentKey, mallory.boxPublicKey, fixedBytes('negative/recipient-added/seal')),
    ),
  };
  const headerJson = JSON.stringify(base.header);
  const extraHeader = { ...base.header, comment: 'not in the schema' };
  const alice = keysOf('alice');

  const vectors: (Omit<NegativeVector, 'basedOn' | 'signer'> & { basedOn?: string })[] = [
    {
      name: 'tampered-claimed-at',
      description: 'claimedAt changed: it is in the signed header and the associated data',
      entry: withHeader({ claimedAt: '2026-11-28T15:20:57.123Z' }),
      open: asBob,
      expect: fail('ok', 'decryption-failed'),
    },
    {
      name: 'tampered-seq',
      description: 'seq changed',
      entry: withHeader({ seq: 2 }),
      open: asBob,
      expect: fail('ok', 'decryption-failed'),
    },
    {
      name: 'tampered-type',
      description: 'type changed',
      entry: withHeader({ type: 'note_verbale' }),
      open: asBob,
      expect: fail('ok', 'decryption-failed'),
    },
    {
      name: 'tampered-meta',
      description: 'a member party dropped from meta',
      entry: withHeader({ meta: { members: base.header.meta.members?.slice(0, 1) ?? [] } }),
      open: asBob,
      expect: fail('ok', 'decryption-failed'),
    },
    {
      name: 'tampered-nonce',
      description: 'nonce changed: the AEAD fails under any other nonce',
      entry: withHeader({ nonce: toBase64url(fixedBytes('negative/nonce', 24)) }),
      open: asBob,
      expect: fail('ok', 'decryption-failed'),
    },
    {
      name: 'tampered-prev-hash',
      description: 'seq 2 re-linked to another hash: the chain link is signed and in the associated data',
      basedOn: letter.name,
      entry: withHeader({ prevHash: base.header.ciphertextHash }, letter.entry),
      open: asBob,
      expect: fail('ok', 'decryption-failed'),
    },
    {
      name: 'tampered-refs',
      description: 'refs emptied',
      basedOn: letter.name,
      entry: withHeader({ refs: [] }, letter.entry),
      open: asBob,
      expect: fail('ok', 'decryption-failed'),
    },
    {
      name: 'tampered-padded-length',
      description: 'paddedLength changed to another bucket',
      entry: withHeader({ paddedLength: 512 }),
      open: asBob,
      expect: fail('ciphertext-length-mismatch', 'ciphertext-length-mismatch'),
    },
    {
      name: 'tampered-key-commitment',
      description: "keyCommitment replaced by the commitment of the letter's key",
      entry: withHeader({ keyCommitment: toBase64url(computeKeyCommitment(letter.contentKey)) }),
      open: asBob,
      expect: fail('ok', 'key-commitment-mismatch'),
    },
    {
      name: 'tampered-ciphertext-rehashed',
      description: 'one ciphertext bit flipped and ciphertextHash recomputed: the signature and the AEAD tag fail',
      entry: { ...withHeader({ ciphertextHash: computeCiphertextHash(flipped) }), ciphertext: toBase64url(flipped) },
      open: asBob,
      expect: fail('ok', 'decryption-failed'),
    },
    {
      name: 'recipient-dropped',
      description: 'carol removed from recipients',
      entry: withHeader({ recipients: base.header.recipients.filter((r) => r.person !== PEOPLE.carol.person) }),
      open: asBob,
      expect: fail('ok', 'decryption-failed'),
    },
    {
      name: 'recipient-added',
      description:
        'mallory added with a valid sealed copy of the real key: she opens the key, it matches the commitment, and the AEAD still fails because recipients are associated data',
      entry: withHeader({ recipients: [...base.header.recipients, malloryRecipient].sort(compareRecipients) }),
      open: { as: 'mallory' },
      expect: fail('ok', 'decryption-failed'),
    },
    {
      name: 'recipients-reordered',
      description: 'recipients not in (person, keyId) order',
      entry: withHeader({ recipients: [...base.header.recipients].reverse() }),
      open: asBob,
      expect: fail('recipients-not-canonical', 'recipients-not-canonical'),
    },
    {
      name: 'extra-header-field',
      description:
        'a header member the schema does not know, signed by the author over its canonical bytes: the schema rejects it and so does signature verification',
      entry: {
        ...base,
        header: extraHeader,
        signature: toBase64url(
          signTagged(ENTRY_SIGNATURE_TAG, canonicalBytes(extraHeader as CanonicalValue), alice.signSecretKey),
        ),
      },
      open: asBob,
      expect: { schema: 'invalid', signature: 'invalid', integrity: 'malformed-entry', open: 'malformed-entry' },
    },
    {
      name: 'non-canonical-serialisation',
      description:
        'the author signed JSON.stringify of the header (schema member order) instead of its canonical bytes: verifiers re-canonicalise, so the signature does not verify; the content still opens',
      entry: {
        ...base,
        header: JSON.parse(headerJson) as EntryHeader,
        signature: toBase64url(signTagged(ENTRY_SIGNATURE_TAG, utf8Bytes(headerJson), alice.signSecretKey)),
      },
      headerJson,
      open: asBob,
      expect: fail('ok', 'ok'),
    },
    {
      name: 'forged-signature',
      description: "mallory's signature over alice's header",
      entry: { ...base, signature: signEntryHeader(base.header, mallory.signSecretKey) },
      open: asBob,
      expect: fail('ok', 'ok'),
    },
    {
      name: 'wrong-recipient',
      description: 'mallory is not a recipient',
      entry: base,
      open: { as: 'mallory' },
      expect: { schema: 'valid', signature: 'valid', integrity: 'ok', open: 'not-a-recipient' },
    },
    {
      name: 'wrong-recipient-key',
      description: "bob's recipient slot opened with mallory's box keys",
      entry: base,
      open: { as: 'bob', boxKeysOf: 'mallory' },
      expect: { schema: 'valid', signature: 'valid', integrity: 'ok', open: 'sealed-key-unopenable' },
    },
    {
      name: 'swapped-ciphertext',
      description:
        "the letter's ciphertext (same length) under the thread-open header: the signature still verifies, the ciphertext hash does not",
      entry: { ...base, ciphertext: letter.entry.ciphertext },
      open: asBob,
      expect: {
        schema: 'valid',
        signature: 'valid',
        integrity: 'ciphertext-hash-mismatch',
        open: 'ciphertext-hash-mismatch',
      },
    },
    {
      name: 'truncated-ciphertext',
      description: 'the last 16 bytes (the AEAD tag) cut off',
      entry: { ...base, ciphertext: toBase64url(ciphertext.subarray(0, -16)) },
      open: asBob,
      expect: {
        schema: 'valid',
        signature: 'valid',
        integrity: 'ciphertext-length-mismatch',
        open: 'ciphertext-length-mismatch',
      },
    },
    {
      name: 'wrong-key-commitment',
      description: "a disclosed key that is not the committed one (the letter's key): refused before decrypting",
      entry: base,
      open: { contentKeyHex: hex(letter.contentKey) },
      expect: { schema: 'valid', signature: 'valid', integrity: 'ok', open: 'key-commitment-mismatch' },
    },
  ];
  return vectors.map((vector) => ({ ...vector, basedOn: vector.basedOn ?? threadOpen.name, signer: 'alice' }));
};

const openOutcome = (vector: NegativeVector): NegativeExpectation['open'] => {
  const { entry } = vector;
  try {
    if ('contentKeyHex' in vector.open) {
      openEntryWithContentKey(entry, asContentKey(Buffer.from(vector.open.contentKeyHex, 'hex')));
    } else {
      const boxKeys = keysOf(vector.open.boxKeysOf ?? vector.open.as);
      const { person } = PEOPLE[vector.open.as];
      const { keyId } = keysOf(vector.open.as);
      openEntry(entry, { person, keyId, boxPublicKey: boxKeys.boxPublicKey, boxSecretKey: boxKeys.boxSecretKey });
    }
    return 'ok';
  } catch (error) {
    if (error instanceof EntryOpenError) {
      return error.reason;
    }
    throw error;
  }
};

/** What Parley's own checks say about a negative vector, in the shape of its `expect`. */
export const evaluateNegativeVector = (vector: NegativeVector): NegativeExpectation => {
  const integrity = checkEntryIntegrity(vector.entry);
  return {
    schema: SignedEntry.safeParse(vector.entry).success ? 'valid' : 'invalid',
    signature: verifyEntrySignature(vector.entry, keysOf(vector.signer).signPublicKey) ? 'valid' : 'invalid',
    integrity: integrity.ok ? 'ok' : integrity.reason,
    open: openOutcome(vector),
  };
};
