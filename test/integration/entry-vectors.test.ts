/**
 * Re-derives every value of test/vectors/entry-v1.json from its inputs through shared/crypto,
 * and cross-checks it with implementations that share no code with libsodium or with
 * shared/encoding: node:crypto (Ed25519, X25519, SHA-256), @noble/hashes (BLAKE2b),
 * @noble/ciphers (XChaCha20-Poly1305) and a canonical-JSON serialiser written here.
 */
import { createHash, createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { blake2b } from '@noble/hashes/blake2.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { asContentKey } from '../../shared/crypto/content-key';
import { entryAssociatedData, entryHeaderBytes, entrySigningBytes } from '../../shared/crypto/entry-bytes';
import { checkEntryIntegrity } from '../../shared/crypto/entry-integrity';
import { openEntry } from '../../shared/crypto/entry-open';
import { sealEntryWithRandomness } from '../../shared/crypto/entry-seal';
import { verifyEntrySignature } from '../../shared/crypto/entry-signature';
import { identityKeysFromSeeds } from '../../shared/crypto/identity-keys';
import { paddedSize } from '../../shared/crypto/padding';
import { initCrypto, sodium } from '../../shared/crypto/sodium';
import { type CanonicalValue, canonicalBytes } from '../../shared/encoding/canonical';
import { SignedEntry } from '../../shared/schemas/entry';
import { buildEntryVectors, type EntryVector, type EntryVectors } from '../vectors/generate-entry-vectors';

const vectors = JSON.parse(readFileSync(new URL('../vectors/entry-v1.json', import.meta.url), 'utf8')) as EntryVectors;
const bytes = (hex: string): Buffer => Buffer.from(hex, 'hex');
const b64 = (text: string): Buffer => Buffer.from(text, 'base64url');
const sha256 = (...parts: (string | Uint8Array)[]): Buffer =>
  parts.reduce((hash, part) => hash.update(part), createHash('sha256')).digest();
// RFC 8785 for the values entries hold (ASCII keys, strings, safe integers): sorted keys, no spaces.
const jcs = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(jcs).join(',')}]`
    : typeof value === 'object' && value !== null
      ? `{${Object.keys(value)
          .sort()
          .map((key) => `${JSON.stringify(key)}:${jcs((value as Record<string, unknown>)[key])}`)
          .join(',')}}`
      : JSON.stringify(value);
// Raw 32-byte keys as node:crypto key objects: the fixed DER prefixes of RFC 8410.
const ed25519Private = (seed: Uint8Array): KeyObject =>
  createPrivateKey({
    key: Buffer.concat([bytes('302e020100300506032b657004220420'), seed]),
    format: 'der',
    type: 'pkcs8',
  });
const x25519Private = (secret: Uint8Array): KeyObject =>
  createPrivateKey({
    key: Buffer.concat([bytes('302e020100300506032b656e04220420'), secret]),
    format: 'der',
    type: 'pkcs8',
  });
const ed25519Public = (x: string): KeyObject =>
  createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
const rawPublic = (key: KeyObject): string => key.export({ format: 'jwk' }).x ?? '';

beforeAll(async () => {
  await initCrypto();
});

describe('entry-v1.json', () => {
  it('records its description, source and how it was checked', () => {
    expect(vectors.description).toMatch(/known-answer/);
    expect(vectors.source).toMatch(/generate-entry-vectors\.ts/);
    expect(vectors.checked_with).toMatch(/node:crypto/);
  });

  it('is exactly what the generator writes (never edited by hand)', async () => {
    expect(await buildEntryVectors()).toEqual(vectors);
  });

  it('puts plaintext lengths in the recorded buckets', () => {
    for (const { plaintextLength, paddedLength } of vectors.padding) {
      expect(paddedSize(plaintextLength)).toBe(paddedLength);
    }
  });
});

describe.each(Object.entries(vectors.identities))('identity %s', (_, identity) => {
  it('derives both public keys from the seeds, as node:crypto does', () => {
    const keys = identityKeysFromSeeds(bytes(identity.signSeedHex), bytes(identity.boxSeedHex));
    expect(Buffer.from(keys.signPublicKey).toString('base64url')).toBe(identity.signPublicKey);
    expect(Buffer.from(keys.boxPublicKey).toString('base64url')).toBe(identity.boxPublicKey);
    expect(rawPublic(createPublicKey(ed25519Private(bytes(identity.signSeedHex))))).toBe(identity.signPublicKey);
    // crypto_box_seed_keypair: the secret key is the first 32 bytes of SHA-512(seed).
    const boxSecret = createHash('sha512').update(bytes(identity.boxSeedHex)).digest().subarray(0, 32);
    expect(rawPublic(createPublicKey(x25519Private(boxSecret)))).toBe(identity.boxPublicKey);
  });

  it('derives the key id with node:crypto SHA-256', () => {
    const digest = sha256('parley/key-id/v1\u0000', b64(identity.signPublicKey), b64(identity.boxPublicKey));
    expect(digest.subarray(0, 16).toString('base64url')).toBe(identity.keyId);
  });
});

describe.each(vectors.entries.map((vector) => [vector.name, vector] as const))('entry %s', (_, vector: EntryVector) => {
  const { header } = vector.entry;
  const signer = vectors.identities[vector.author];

  it('re-seals byte for byte from its inputs and recorded randomness', () => {
    const recorded = new Map(
      vector.sealedKeys.map((s) => [vectors.identities[s.recipient].boxPublicKey, b64(s.sealedKey)]),
    );
    const recipients = vector.input.recipients.map((name) => {
      const { person, keyId, boxPublicKey } = vectors.identities[name];
      return { person, keyId, boxPublicKey: b64(boxPublicKey) as Uint8Array as never };
    });
    const author = identityKeysFromSeeds(bytes(signer.signSeedHex), bytes(signer.boxSeedHex));
    const sealed = sealEntryWithRandomness(
      { ...vector.input, recipients, plaintext: bytes(vector.plaintextHex), signSecretKey: author.signSecretKey },
      {
        contentKey: asContentKey(bytes(vector.contentKeyHex)),
        nonce: bytes(vector.nonceHex),
        sealKey: (_key, boxPublicKey) =>
          recorded.get(Buffer.from(boxPublicKey).toString('base64url')) ?? new Uint8Array(),
      },
    );
    expect(sealed.entry).toEqual(vector.entry);
    expect(sealed.entryHash).toBe(vector.entryHash);
    expect(SignedEntry.parse(vector.entry)).toEqual(vector.entry);
    expect(checkEntryIntegrity(vector.entry).ok).toBe(true);
  });

  it('serialises the header and the associated data canonically (checked by a second serialiser)', () => {
    const { ciphertextHash: _omitted, ...covered } = header;
    expect(Buffer.from(jcs(header)).toString('hex')).toBe(vector.canonicalHeaderHex);
    expect(Buffer.from(entryHeaderBytes(header)).toString('hex')).toBe(vector.canonicalHeaderHex);
    expect(Buffer.from(jcs(covered)).toString('hex')).toBe(vector.associatedDataHex);
    expect(Buffer.from(entryAssociatedData(header)).toString('hex')).toBe(vector.associatedDataHex);
    expect(vector.signingBytesHex).toBe(Buffer.from(`parley/entry-signature/v1\u0000${jcs(header)}`).toString('hex'));
    expect(Buffer.from(entrySigningBytes(header)).toString('hex')).toBe(vector.signingBytesHex);
  });

  it('carries an Ed25519 signature that node:crypto verifies and reproduces', () => {
    const message = bytes(vector.signingBytesHex);
    expect(verify(null, message, ed25519Public(signer.signPublicKey), b64(vector.signature))).toBe(true);
    const nodeSignature = sign(null, message, ed25519Private(bytes(signer.signSeedHex)));
    expect(nodeSignature.toString('base64url')).toBe(vector.signature);
    expect(sodium.crypto_sign_verify_detached(nodeSignature, message, b64(signer.signPublicKey))).toBe(true);
    expect(verifyEntrySignature(vector.entry, b64(signer.signPublicKey) as Uint8Array as never)).toBe(true);
  });

  it('has the hashes and key commitment that node:crypto and @noble/hashes compute', () => {
    const ciphertext = b64(vector.ciphertext);
    expect(sha256('parley/ciphertext/v1\u0000', ciphertext).toString('base64url')).toBe(header.ciphertextHash);
    const signed = jcs({ header, signature: vector.signature });
    expect(sha256('parley/entry-hash/v1\u0000', signed).toString('base64url')).toBe(vector.entryHash);
    expect(
      Buffer.from(canonicalBytes({ header: header as CanonicalValue, signature: vector.signature })).toString(),
    ).toBe(signed);
    const committed = blake2b(
      Buffer.concat([Buffer.from('parley/key-commitment/v1\u0000'), bytes(vector.contentKeyHex)]),
      { dkLen: 32 },
    );
    expect(Buffer.from(committed).toString('base64url')).toBe(header.keyCommitment);
  });

  it('decrypts and re-encrypts identically with @noble/ciphers under the header as associated data', () => {
    const plaintext = bytes(vector.plaintextHex);
    const padded = Buffer.concat([
      plaintext,
      Buffer.from([0x80]),
      Buffer.alloc(header.paddedLength - plaintext.length - 1),
    ]);
    expect(header.paddedLength).toBe(vector.paddedLength);
    expect(padded.toString('hex')).toBe(vector.paddedPlaintextHex);
    const cipher = () =>
      xchacha20poly1305(bytes(vector.contentKeyHex), bytes(vector.nonceHex), bytes(vector.associatedDataHex));
    expect(Buffer.from(cipher().decrypt(b64(vector.ciphertext))).equals(padded)).toBe(true);
    expect(Buffer.from(cipher().encrypt(padded)).toString('base64url')).toBe(vector.ciphertext);
    expect(header.nonce).toBe(bytes(vector.nonceHex).toString('base64url'));
  });

  it('seals the content key to every recipient, each of whom opens the entry', () => {
    expect(header.recipients.map((r) => r.sealedKey)).toEqual(vector.sealedKeys.map((s) => s.sealedKey));
    for (const { recipient } of vector.sealedKeys) {
      const identity = vectors.identities[recipient];
      const keys = identityKeysFromSeeds(bytes(identity.signSeedHex), bytes(identity.boxSeedHex));
      const sealed = b64(header.recipients.find((r) => r.person === identity.person)?.sealedKey ?? '');
      expect(
        Buffer.from(sodium.crypto_box_seal_open(sealed, keys.boxPublicKey, keys.boxSecretKey)).toString('hex'),
      ).toBe(vector.contentKeyHex);
      const reader = {
        person: identity.person,
        keyId: keys.keyId,
        boxPublicKey: keys.boxPublicKey,
        boxSecretKey: keys.boxSecretKey,
      };
      expect(Buffer.from(openEntry(vector.entry, reader)).toString('hex')).toBe(vector.plaintextHex);
    }
  });
});

describe('the stream hash chain', () => {
  it('starts at seq 1 with an empty prevHash and links each entry to the hash of the one before', () => {
    const [first, second] = vectors.entries;
    expect(first?.entry.header).toMatchObject({ seq: 1, prevHash: '' });
    expect(second?.entry.header.seq).toBe(2);
    expect(second?.entry.header.stream).toBe(first?.entry.header.stream);
    expect(second?.entry.header.prevHash).toBe(first?.entryHash);
    expect(second?.entry.header.refs).toEqual([first?.entryHash]);
  });
});
