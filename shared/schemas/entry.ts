import { z } from 'zod';
import { Base64url, FixedBase64url, Hash32, KeyId, Text, Timestamp, UniqueList, Uuid } from './common';
import { EntryType } from './entry-type';

/** Largest padded plaintext an entry carries inline; files travel as attachments. */
export const MAX_ENTRY_CIPHERTEXT_BYTES = 1024 * 1024;

/** A recipient of an entry's content key: `crypto_box_seal` of the 32-byte key to their X25519 key. */
export const Recipient = z.strictObject({
  person: Uuid,
  keyId: KeyId,
  sealedKey: FixedBase64url(80),
});
export type Recipient = z.infer<typeof Recipient>;

/** Countersignature intents (VCLT art. 10 and 12). */
export const CountersignIntent = z.enum(['authenticate', 'ad_referendum', 'approve']);
export type CountersignIntent = z.infer<typeof CountersignIntent>;

/**
 * The few facts the server must read to route, order and authorise an entry. Everything else is
 * inside the ciphertext. Which member is allowed for which type is checked by the server.
 */
export const EntryMeta = z.strictObject({
  /** `case_open`, `thread_open`: the parties whose people receive the stream's content. */
  members: UniqueList(Uuid, 32).min(1).optional(),
  /** `case_open`: the case code the opening client drew (`case-code.ts`); older logs hold staff labels. */
  reference: Text(1, 64).optional(),
  /** `membership`: parties added to and removed from the stream. */
  add: UniqueList(Uuid, 32).optional(),
  remove: UniqueList(Uuid, 32).optional(),
  /** `agreed_minutes`: the parties whose envoys must all countersign. */
  parties: UniqueList(Uuid, 32).min(2).optional(),
  /** `countersignature`: what the signer means by it; `refs[0]` is the minutes' entry hash. */
  intent: CountersignIntent.optional(),
  /** `disclosure`: the person (reviewer or new member) the content keys are re-sealed to. */
  grantee: Uuid.optional(),
  /** Encrypted attachments this entry carries (their keys are inside the ciphertext). */
  attachments: UniqueList(Uuid, 32).optional(),
});
export type EntryMeta = z.infer<typeof EntryMeta>;

/** The signed part of an entry. Only strings, integers, and objects or arrays of those. */
export const EntryHeader = z.strictObject({
  v: z.literal(1),
  type: EntryType,
  id: Uuid,
  stream: Uuid,
  streamKind: z.enum(['case', 'thread']),
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  prevHash: z.union([Hash32, z.literal('')]),
  cases: UniqueList(Uuid, 64),
  author: z.strictObject({ person: Uuid, party: Uuid, keyId: KeyId }),
  claimedAt: Timestamp,
  recipients: z.array(Recipient).min(1).max(256),
  nonce: FixedBase64url(24),
  ciphertextHash: Hash32,
  paddedLength: z.number().int().min(1).max(MAX_ENTRY_CIPHERTEXT_BYTES),
  keyCommitment: Hash32,
  // A disclosure of a whole case references every entry it grants.
  refs: UniqueList(Hash32, 512),
  meta: EntryMeta,
});
export type EntryHeader = z.infer<typeof EntryHeader>;

/** An entry as it travels and is stored: header, the author's signature, and the ciphertext. */
export const SignedEntry = z.strictObject({
  header: EntryHeader,
  signature: FixedBase64url(64),
  ciphertext: Base64url(MAX_ENTRY_CIPHERTEXT_BYTES + 16),
});
export type SignedEntry = z.infer<typeof SignedEntry>;
