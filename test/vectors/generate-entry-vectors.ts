/**
 * Writes test/vectors/entry-v1.json: known-answer vectors for Parley entries (docs/PROTOCOL.md §4,
 * §11). Run `node --import tsx test/vectors/generate-entry-vectors.ts`; never edit the JSON by hand.
 *
 * Everything is derived from fixed labels, so a re-run writes the same bytes. `crypto_box_seal`
 * draws a random ephemeral key, so the vectors build each sealed box from a fixed ephemeral seed
 * in exactly libsodium's sealed-box format (see `sealDeterministically`); `crypto_box_seal_open`
 * opens them, which checks that format. Before writing, the vectors are checked against
 * node:crypto (Ed25519, SHA-256) and @noble/ciphers (XChaCha20-Poly1305).
 */
import { createPublicKey, verify } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { ATTACHMENT_HASH_TAG } from '../../shared/crypto/attachment-hash';
import { asContentKey, type ContentKey, KEY_COMMITMENT_TAG } from '../../shared/crypto/content-key';
import {
  CIPHERTEXT_HASH_TAG,
  ENTRY_HASH_TAG,
  ENTRY_SIGNATURE_TAG,
  entryAssociatedData,
  entryHeaderBytes,
  entrySigningBytes,
} from '../../shared/crypto/entry-bytes';
import { type SealEntryInput, sealEntryWithRandomness } from '../../shared/crypto/entry-seal';
import { KEY_ID_TAG } from '../../shared/crypto/identity-keys';
import { paddedSize, padToBucket } from '../../shared/crypto/padding';
import { initCrypto, sodium } from '../../shared/crypto/sodium';
import { fromBase64url, utf8Bytes } from '../../shared/encoding/bytes';
import type { SignedEntry } from '../../shared/schemas/entry';
import {
  fixedBytes,
  hex,
  keysOf,
  NAMES,
  type Name,
  PARTY_A,
  PARTY_B,
  PEOPLE,
  sealDeterministically,
  seedsOf,
} from './generate-entry-fixtures';
import { buildNegativeVectors, evaluateNegativeVector, type NegativeVector } from './generate-entry-negatives';

export type IdentityVector = {
  person: string;
  party: string;
  signSeedHex: string;
  boxSeedHex: string;
  signPublicKey: string;
  boxPublicKey: string;
  keyId: string;
};

export type EntryVector = {
  name: string;
  description: string;
  author: Name;
  input: Omit<SealEntryInput, 'recipients' | 'plaintext' | 'signSecretKey'> & { recipients: Name[] };
  plaintextHex: string;
  contentKeyHex: string;
  nonceHex: string;
  sealedKeys: { recipient: Name; ephemeralSeedHex: string; sealedKey: string }[];
  paddedPlaintextHex: string;
  paddedLength: number;
  keyCommitment: string;
  associatedDataHex: string;
  ciphertext: string;
  ciphertextHash: string;
  canonicalHeaderHex: string;
  signingBytesHex: string;
  signature: string;
  entryHash: string;
  entry: SignedEntry;
};

export type EntryVectors = {
  description: string;
  source: string;
  checked_with: string;
  generated_by: string;
  libsodium: string;
  tags: Record<string, string>;
  identities: Record<Name, IdentityVector>;
  padding: { plaintextLength: number; paddedLength: number }[];
  entries: EntryVector[];
  negative: NegativeVector[];
};

const identityVector = (name: Name): IdentityVector => {
  const keys = keysOf(name);
  return {
    ...PEOPLE[name],
    signSeedHex: hex(seedsOf(name).sign),
    boxSeedHex: hex(seedsOf(name).box),
    signPublicKey: Buffer.from(keys.signPublicKey).toString('base64url'),
    boxPublicKey: Buffer.from(keys.boxPublicKey).toString('base64url'),
    keyId: keys.keyId,
  };
};

type EntrySpec = Pick<EntryVector, 'name' | 'description' | 'author' | 'input'> & { plaintext: string };

/** Seals one vector entry from its fixed randomness and records every intermediate value. */
export const buildEntryVector = (spec: EntrySpec): EntryVector & { contentKey: ContentKey } => {
  const contentKey = asContentKey(fixedBytes(`${spec.name}/content-key`));
  const nonce = fixedBytes(`${spec.name}/nonce`, 24);
  const plaintext = utf8Bytes(spec.plaintext);
  const sealedKeys: EntryVector['sealedKeys'] = [];
  const sealKey = (key: ContentKey, boxPublicKey: Uint8Array): Uint8Array => {
    const recipient = NAMES.find((name) => Buffer.from(keysOf(name).boxPublicKey).equals(boxPublicKey));
    if (recipient === undefined) {
      throw new Error('sealing to a key that is not a vector identity');
    }
    const ephemeralSeed = fixedBytes(`${spec.name}/seal/${recipient}`);
    const sealed = sealDeterministically(key, boxPublicKey, ephemeralSeed);
    sealedKeys.push({
      recipient,
      ephemeralSeedHex: hex(ephemeralSeed),
      sealedKey: Buffer.from(sealed).toString('base64url'),
    });
    return sealed;
  };
  const recipients = spec.input.recipients.map((name) => ({
    person: PEOPLE[name].person,
    keyId: keysOf(name).keyId,
    boxPublicKey: keysOf(name).boxPublicKey,
  }));
  const author = keysOf(spec.author);
  const input = { ...spec.input, recipients, plaintext, signSecretKey: author.signSecretKey };
  const { entry, entryHash } = sealEntryWithRandomness(input, { contentKey, nonce, sealKey });
  const { header } = entry;
  return {
    name: spec.name,
    description: spec.description,
    author: spec.author,
    input: spec.input,
    plaintextHex: hex(plaintext),
    contentKeyHex: hex(contentKey),
    nonceHex: hex(nonce),
    sealedKeys,
    paddedPlaintextHex: hex(padToBucket(plaintext)),
    paddedLength: header.paddedLength,
    keyCommitment: header.keyCommitment,
    associatedDataHex: hex(entryAssociatedData(header)),
    ciphertext: entry.ciphertext,
    ciphertextHash: header.ciphertextHash,
    canonicalHeaderHex: hex(entryHeaderBytes(header)),
    signingBytesHex: hex(entrySigningBytes(header)),
    signature: entry.signature,
    entryHash,
    entry,
    contentKey,
  };
};

const STREAM = 'f00dcafe-0000-4000-9000-000000000001';
const CASE = 'ca5e0000-0000-4000-a000-000000000001';
const entryIds = { threadOpen: 'e0000000-0000-4000-8000-000000000001', letter: 'e0000000-0000-4000-8000-000000000002' };
const author = { person: PEOPLE.alice.person, party: PARTY_A };

const threadOpenSpec = (): EntrySpec => ({
  name: 'thread-open',
  description: 'seq 1 of a thread: prevHash is empty; meta names the member parties',
  author: 'alice',
  input: {
    v: 1,
    type: 'thread_open',
    id: entryIds.threadOpen,
    stream: STREAM,
    streamKind: 'thread',
    seq: 1,
    prevHash: '',
    cases: [],
    author: { ...author, keyId: keysOf('alice').keyId },
    claimedAt: '2026-11-28T15:20:56.123Z',
    recipients: ['alice', 'bob', 'carol'],
    refs: [],
    meta: { members: [PARTY_A, PARTY_B] },
  },
  plaintext:
    '{"subject":"Back channel on family reunification — lists","body":"Excellency, we propose to exchange the lists on 3 December. С уважением."}',
});

const letterSpec = (threadOpenHash: string): EntrySpec => ({
  name: 'letter',
  description: 'seq 2 of the same thread: prevHash and refs[0] are the entry hash of seq 1; linked to a case',
  author: 'alice',
  input: {
    ...threadOpenSpec().input,
    type: 'letter',
    id: entryIds.letter,
    seq: 2,
    prevHash: threadOpenHash,
    cases: [CASE],
    claimedAt: '2026-11-28T15:21:07.004Z',
    refs: [threadOpenHash],
    meta: {},
  },
  plaintext:
    '{"subject":"Lists received","body":"We confirm receipt of 41 names. The meeting of 3 December is confirmed; our delegation will bring the certificates."}',
});

/** Builds the whole vector file; deterministic. */
export const buildEntryVectors = async (): Promise<EntryVectors> => {
  await initCrypto();
  const threadOpen = buildEntryVector(threadOpenSpec());
  const letter = buildEntryVector(letterSpec(threadOpen.entryHash));
  const strip = ({ contentKey: _key, ...vector }: EntryVector & { contentKey: ContentKey }): EntryVector => vector;
  return {
    description:
      'Parley entry format v1 known-answer vectors: identity keys and key ids from fixed seeds, two chained entries (seq 1 and 2 of one thread) with every intermediate value, padding buckets, and negative partners with the failure each check must report.',
    source:
      'test/vectors/generate-entry-vectors.ts using shared/crypto on libsodium-wrappers-sumo 0.8.4; fixed seeds, content keys, nonces and sealed-box ephemeral seeds derived as SHA-256("parley test vector: " || label)',
    checked_with:
      'node:crypto Ed25519 and SHA-256, @noble/hashes BLAKE2b, @noble/ciphers XChaCha20-Poly1305, libsodium crypto_box_seal_open, and a separate canonical-JSON serialiser; at generation and in test/integration/entry-vectors.test.ts',
    generated_by: 'node --import tsx test/vectors/generate-entry-vectors.ts',
    libsodium: sodium.SODIUM_VERSION_STRING,
    tags: {
      keyId: KEY_ID_TAG,
      entrySignature: ENTRY_SIGNATURE_TAG,
      entryHash: ENTRY_HASH_TAG,
      ciphertextHash: CIPHERTEXT_HASH_TAG,
      keyCommitment: KEY_COMMITMENT_TAG,
      attachment: ATTACHMENT_HASH_TAG,
    },
    identities: Object.fromEntries(NAMES.map((name) => [name, identityVector(name)])) as Record<Name, IdentityVector>,
    padding: [0, 1, 255, 256, 4095, 65_535, 65_536, 131_072, 1_048_575].map((n) => ({
      plaintextLength: n,
      paddedLength: paddedSize(n),
    })),
    entries: [strip(threadOpen), strip(letter)],
    negative: buildNegativeVectors({ threadOpen, letter }),
  };
};

const crossCheck = (vectors: EntryVectors): void => {
  for (const vector of vectors.entries) {
    const signer = vectors.identities[vector.author];
    const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: signer.signPublicKey }, format: 'jwk' });
    if (!verify(null, Buffer.from(vector.signingBytesHex, 'hex'), publicKey, fromBase64url(vector.signature))) {
      throw new Error(`${vector.name}: node:crypto does not verify the signature`);
    }
    const cipher = xchacha20poly1305(
      Buffer.from(vector.contentKeyHex, 'hex'),
      Buffer.from(vector.nonceHex, 'hex'),
      Buffer.from(vector.associatedDataHex, 'hex'),
    );
    if (hex(cipher.decrypt(fromBase64url(vector.ciphertext))) !== vector.paddedPlaintextHex) {
      throw new Error(`${vector.name}: @noble/ciphers does not decrypt to the padded plaintext`);
    }
    const ephemeralSeeds = vector.sealedKeys.map(({ recipient, ephemeralSeedHex, sealedKey }) => {
      const keys = keysOf(recipient);
      const opened = sodium.crypto_box_seal_open(fromBase64url(sealedKey), keys.boxPublicKey, keys.boxSecretKey);
      if (hex(opened) !== vector.contentKeyHex) {
        throw new Error(`${vector.name}: the sealed key of ${recipient} does not open to the content key`);
      }
      return ephemeralSeedHex;
    });
    if (new Set(ephemeralSeeds).size !== ephemeralSeeds.length) {
      throw new Error(`${vector.name}: an ephemeral seed is reused`);
    }
  }
  for (const vector of vectors.negative) {
    const actual = JSON.stringify(evaluateNegativeVector(vector));
    if (actual !== JSON.stringify(vector.expect)) {
      throw new Error(`${vector.name}: expected ${JSON.stringify(vector.expect)}, got ${actual}`);
    }
  }
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const vectors = await buildEntryVectors();
  crossCheck(vectors);
  const path = new URL('./entry-v1.json', import.meta.url);
  writeFileSync(path, `${JSON.stringify(vectors, null, 2)}\n`);
  console.warn(
    `wrote ${vectors.entries.length} entries and ${vectors.negative.length} negative vectors to ${path.pathname}`,
  );
}
