import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { utf8String } from '../encoding/bytes';
import { type CanonicalValue, canonicalBytes } from '../encoding/canonical';
import type { EntryHeader } from '../schemas/entry';
import {
  computeCiphertextHash,
  computeEntryHash,
  entryAssociatedData,
  entryHashOfHeaderBytes,
  entryHeaderBytes,
  entryHeaderEncodings,
  entrySigningBytes,
} from './entry-bytes';

const HASH = 'q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA';
const header: EntryHeader = {
  v: 1,
  type: 'letter',
  id: '5e1d0c0b-7a6f-4e3d-8c2b-1a0f9e8d7c6b',
  stream: '9f8e7d6c-5b4a-4938-a7b6-c5d4e3f2a1b0',
  streamKind: 'thread',
  seq: 2,
  prevHash: HASH,
  cases: [],
  author: {
    person: 'a1a1a1a1-0000-4000-8000-000000000001',
    party: '7c6b5a49-3827-4161-9504-f3e2d1c0b9a8',
    keyId: 'AAAAAAAAAAAAAAAAAAAAAA',
  },
  claimedAt: '2026-11-28T15:20:56.123Z',
  recipients: [],
  nonce: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  ciphertextHash: 'ciphertextHashciphertextHashciphertextHash_',
  paddedLength: 256,
  keyCommitment: HASH,
  refs: [HASH],
  meta: {},
};
const sha256 = (...parts: (string | Uint8Array)[]): string => {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(part);
  }
  return hash.digest('base64url');
};

describe('entry bytes', () => {
  it('covers every header member but ciphertextHash in the associated data', () => {
    const ad = JSON.parse(utf8String(entryAssociatedData(header))) as Record<string, unknown>;
    expect(Object.keys(ad).sort()).toEqual(
      Object.keys(header)
        .filter((key) => key !== 'ciphertextHash')
        .sort(),
    );
    const { ciphertextHash: _, ...rest } = header;
    expect(entryAssociatedData(header)).toEqual(canonicalBytes(rest as CanonicalValue));
    expect(entryAssociatedData(rest)).toEqual(canonicalBytes(rest as CanonicalValue));
  });

  it('gives the signed bytes and the associated data of one header from one canonicalisation', () => {
    expect(entryHeaderEncodings(header)).toEqual({
      headerBytes: entryHeaderBytes(header),
      associatedData: entryAssociatedData(header),
    });
    const withMeta = { ...header, meta: { ciphertextHash: 'kept: not the top-level member' } } as EntryHeader;
    expect(entryHeaderEncodings(withMeta).associatedData).toEqual(entryAssociatedData(withMeta));
  });

  it('prefixes the signed bytes with the entry-signature tag and a zero byte', () => {
    expect(utf8String(entrySigningBytes(header))).toBe(
      `parley/entry-signature/v1\u0000${utf8String(canonicalBytes(header as CanonicalValue))}`,
    );
  });

  it('hashes the ciphertext and the signed header with their tags (checked with node:crypto)', () => {
    const ciphertext = new Uint8Array([1, 2, 3]);
    expect(computeCiphertextHash(ciphertext)).toBe(sha256('parley/ciphertext/v1\u0000', ciphertext));
    const signed = canonicalBytes({ header: header as CanonicalValue, signature: 'sig' });
    expect(computeEntryHash(header, 'sig')).toBe(sha256('parley/entry-hash/v1\u0000', signed));
    expect(computeEntryHash(header, 'sig2')).not.toBe(computeEntryHash(header, 'sig'));
  });

  it('gives the hash of canonical { header, signature } when built from the header bytes, escapes included', () => {
    const unusual = {
      ...header,
      meta: { reference: 'Å\u2028"quoted"\\ 😀', subject: '\u0001' },
    } as unknown as EntryHeader;
    for (const [each, signature] of [
      [header, 'sig'],
      [unusual, 'sig'],
      [header, 'a"b\\c\u2028😀\u0000'],
      [unusual, ''],
    ] as const) {
      const signed = canonicalBytes({ header: each as CanonicalValue, signature });
      expect(computeEntryHash(each, signature)).toBe(sha256('parley/entry-hash/v1\u0000', signed));
      expect(entryHashOfHeaderBytes(entryHeaderBytes(each), signature)).toBe(computeEntryHash(each, signature));
    }
  });

  it('refuses a header holding undefined (no canonical form)', () => {
    const broken = { ...header, meta: { reference: undefined } } as unknown as EntryHeader;
    expect(() => entrySigningBytes(broken)).toThrow(TypeError);
  });
});
