/**
 * Runs the negative partners of test/vectors/entry-v1.json through every check (schema,
 * signature, keyless integrity, opening) and confirms the refusals with independent code:
 * node:crypto Ed25519 and SHA-256, @noble/hashes BLAKE2b and @noble/ciphers XChaCha20-Poly1305.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { blake2b } from '@noble/hashes/blake2.js';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { asContentKey, type ContentKey } from '../../shared/crypto/content-key';
import { EntryOpenError, type EntryOpenFailure } from '../../shared/crypto/entry-errors';
import { checkEntryIntegrity } from '../../shared/crypto/entry-integrity';
import { openEntry, openEntryWithContentKey } from '../../shared/crypto/entry-open';
import { verifyEntrySignature } from '../../shared/crypto/entry-signature';
import { identityKeysFromSeeds } from '../../shared/crypto/identity-keys';
import { initCrypto, sodium } from '../../shared/crypto/sodium';
import { EntryHeader, SignedEntry } from '../../shared/schemas/entry';
import type { Name } from '../vectors/generate-entry-fixtures';
import type { NegativeVector } from '../vectors/generate-entry-negatives';
import type { EntryVectors } from '../vectors/generate-entry-vectors';

const vectors = JSON.parse(readFileSync(new URL('../vectors/entry-v1.json', import.meta.url), 'utf8')) as EntryVectors;
const bytes = (hex: string): Buffer => Buffer.from(hex, 'hex');
const b64 = (text: string): Buffer => Buffer.from(text, 'base64url');
const jcs = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(jcs).join(',')}]`
    : typeof value === 'object' && value !== null
      ? `{${Object.keys(value)
          .sort()
          .map((key) => `${JSON.stringify(key)}:${jcs((value as Record<string, unknown>)[key])}`)
          .join(',')}}`
      : JSON.stringify(value);
const keysOf = (name: Name) => {
  const identity = vectors.identities[name];
  return { ...identity, ...identityKeysFromSeeds(bytes(identity.signSeedHex), bytes(identity.boxSeedHex)) };
};
const nodeVerifies = (message: string | Uint8Array, signature: string, signer: Name): boolean =>
  verify(
    null,
    Buffer.from(message),
    createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: vectors.identities[signer].signPublicKey },
      format: 'jwk',
    }),
    b64(signature),
  );
const byName = (name: string) => {
  const found = vectors.entries.find((vector) => vector.name === name);
  if (found === undefined) {
    throw new Error(`no entry vector ${name}`);
  }
  return found;
};

const openOutcome = (vector: NegativeVector): 'ok' | EntryOpenFailure => {
  const entry = vector.entry;
  try {
    if ('contentKeyHex' in vector.open) {
      openEntryWithContentKey(entry, asContentKey(bytes(vector.open.contentKeyHex)));
    } else {
      const reader = keysOf(vector.open.as);
      const box = keysOf(vector.open.boxKeysOf ?? vector.open.as);
      openEntry(entry, { ...reader, boxPublicKey: box.boxPublicKey, boxSecretKey: box.boxSecretKey });
    }
    return 'ok';
  } catch (error) {
    if (error instanceof EntryOpenError) {
      return error.reason;
    }
    throw error;
  }
};

beforeAll(async () => {
  await initCrypto();
});

afterEach(() => {
  vi.restoreAllMocks();
});

it('has a negative partner for every kind of tampering the protocol names', () => {
  const names = vectors.negative.map((vector) => vector.name);
  for (const kind of [
    'tampered-',
    'wrong-recipient',
    'non-canonical',
    'extra-header-field',
    'recipient-dropped',
    'recipient-added',
    'swapped-ciphertext',
    'wrong-key-commitment',
  ]) {
    expect(names.some((name) => name.startsWith(kind))).toBe(true);
  }
});

describe.each(vectors.negative.map((vector) => [vector.name, vector] as const))('negative vector %s', (_, vector) => {
  const signer = keysOf(vector.signer);

  it('fails exactly the checks it records', () => {
    const integrity = checkEntryIntegrity(vector.entry);
    expect({
      schema: SignedEntry.safeParse(vector.entry).success ? 'valid' : 'invalid',
      signature: verifyEntrySignature(vector.entry, signer.signPublicKey) ? 'valid' : 'invalid',
      integrity: integrity.ok ? 'ok' : integrity.reason,
      open: openOutcome(vector),
    }).toEqual(vector.expect);
  });

  it('gets the same signature verdict from node:crypto over the canonical header', () => {
    const headerIsValid = EntryHeader.safeParse(vector.entry.header).success;
    const verdict =
      headerIsValid &&
      nodeVerifies(`parley/entry-signature/v1\u0000${jcs(vector.entry.header)}`, vector.entry.signature, vector.signer);
    expect(verdict ? 'valid' : 'invalid').toBe(vector.expect.signature);
  });
});

const undecryptable = vectors.negative.filter((vector) => vector.expect.open === 'decryption-failed');

describe.each(undecryptable.map((vector) => [vector.name, vector] as const))('negative vector %s', (_, vector) => {
  it('cannot be decrypted by @noble/ciphers either, with the real key', () => {
    const key = bytes(byName(vector.basedOn).contentKeyHex);
    expect(key).toHaveLength(32);
    const { ciphertextHash: _omitted, ...covered } = vector.entry.header;
    const cipher = xchacha20poly1305(key, b64(vector.entry.header.nonce), Buffer.from(jcs(covered)));
    expect(() => cipher.decrypt(b64(vector.entry.ciphertext))).toThrow(/invalid tag/);
  });
});

describe('the named refusals', () => {
  const negative = (name: string): NegativeVector => {
    const found = vectors.negative.find((vector) => vector.name === name);
    if (found === undefined) {
      throw new Error(`no negative vector ${name}`);
    }
    return found;
  };

  it('signs canonical bytes only: hand-serialised JSON differs, and its signature is refused', () => {
    const { headerJson = '', entry } = negative('non-canonical-serialisation');
    const positive = byName('thread-open');
    expect(headerJson).not.toBe(jcs(JSON.parse(headerJson)));
    expect(Buffer.from(jcs(JSON.parse(headerJson))).toString('hex')).toBe(positive.canonicalHeaderHex);
    expect(nodeVerifies(`parley/entry-signature/v1\u0000${headerJson}`, entry.signature, 'alice')).toBe(true);
    expect(verifyEntrySignature(entry, keysOf('alice').signPublicKey)).toBe(false);
    expect(nodeVerifies(`parley/entry-signature/v1\u0000${headerJson}`, positive.signature, 'alice')).toBe(false);
  });

  it('rejects an extra header member in the schema', () => {
    expect(EntryHeader.safeParse(negative('extra-header-field').entry.header).success).toBe(false);
  });

  it('detects a swapped ciphertext by its hash (node:crypto)', () => {
    const { entry } = negative('swapped-ciphertext');
    const digest = createHash('sha256')
      .update('parley/ciphertext/v1\u0000')
      .update(b64(entry.ciphertext))
      .digest('base64url');
    expect(digest).not.toBe(entry.header.ciphertextHash);
  });

  it('refuses a disclosed key that is not committed to, before decrypting', () => {
    const vector = negative('wrong-key-commitment');
    const key = 'contentKeyHex' in vector.open ? vector.open.contentKeyHex : '';
    const commitment = blake2b(Buffer.concat([Buffer.from('parley/key-commitment/v1\u0000'), bytes(key)]), {
      dkLen: 32,
    });
    expect(Buffer.from(commitment).toString('base64url')).not.toBe(vector.entry.header.keyCommitment);
    const decrypt = vi.spyOn(sodium, 'crypto_aead_xchacha20poly1305_ietf_decrypt');
    expect(() => openEntryWithContentKey(vector.entry, asContentKey(bytes(key)) as ContentKey)).toThrow(/not the one/);
    expect(decrypt).not.toHaveBeenCalled();
  });
});
