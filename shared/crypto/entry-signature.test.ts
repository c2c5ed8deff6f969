import { beforeAll, describe, expect, it } from 'vitest';
import { toBase64url, utf8Bytes } from '../encoding/bytes';
import { type CanonicalValue, canonicalBytes } from '../encoding/canonical';
import type { EntryHeader, SignedEntry } from '../schemas/entry';
import { ENTRY_SIGNATURE_TAG, entryHeaderBytes, entrySigningBytes } from './entry-bytes';
import { sealEntry } from './entry-seal';
import { signEntryHeader, verifyEntrySignature, verifyEntrySignatureOverBytes } from './entry-signature';
import { generateIdentityKeys, type IdentityKeys } from './identity-keys';
import { signTagged } from './sign';
import { initCrypto, sodium } from './sodium';

const AUTHOR = 'a1a1a1a1-0000-4000-8000-000000000001';
let author: IdentityKeys;
let entry: SignedEntry;

beforeAll(async () => {
  await initCrypto();
  author = generateIdentityKeys();
  entry = sealEntry({
    v: 1,
    type: 'countersignature',
    id: '5e1d0c0b-7a6f-4e3d-8c2b-1a0f9e8d7c6b',
    stream: '9f8e7d6c-5b4a-4938-a7b6-c5d4e3f2a1b0',
    streamKind: 'thread',
    seq: 7,
    prevHash: 'q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA',
    cases: [],
    author: { person: AUTHOR, party: '7c6b5a49-3827-4161-9504-f3e2d1c0b9a8', keyId: author.keyId },
    claimedAt: '2026-11-28T15:20:56.123Z',
    refs: ['q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA'],
    meta: { intent: 'ad_referendum' },
    recipients: [{ person: AUTHOR, keyId: author.keyId, boxPublicKey: author.boxPublicKey }],
    plaintext: utf8Bytes('Signed ad referendum.'),
    signSecretKey: author.signSecretKey,
  }).entry;
});

const withHeader = (changes: Partial<EntryHeader>): SignedEntry => ({
  ...entry,
  header: { ...entry.header, ...changes },
});

describe('verifyEntrySignature', () => {
  it("accepts the author's signature", () => {
    expect(verifyEntrySignature(entry, author.signPublicKey)).toBe(true);
  });

  it('signs exactly tag || 0x00 || canonical header bytes', () => {
    const expected = new Uint8Array([
      ...utf8Bytes(ENTRY_SIGNATURE_TAG),
      0,
      ...canonicalBytes(entry.header as CanonicalValue),
    ]);
    expect(entrySigningBytes(entry.header)).toEqual(expected);
    expect(signEntryHeader(entry.header, author.signSecretKey)).toBe(entry.signature);
  });

  it.each<[string, Partial<EntryHeader>]>([
    ['seq', { seq: 8 }],
    ['claimedAt', { claimedAt: '2026-11-28T15:20:56.124Z' }],
    ['meta', { meta: { intent: 'approve' } }],
    ['refs', { refs: [] }],
    ['recipients', { recipients: [] }],
    ['paddedLength', { paddedLength: 512 }],
    ['ciphertextHash', { ciphertextHash: 'q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA' }],
  ])('rejects a header whose %s changed', (_, changes) => {
    expect(verifyEntrySignature(withHeader(changes), author.signPublicKey)).toBe(false);
  });

  it('rejects a header with an extra field even when the author signed it', () => {
    const header = { ...entry.header, note: 'unsigned by the schema' };
    const signature = toBase64url(
      signTagged(ENTRY_SIGNATURE_TAG, canonicalBytes(header as CanonicalValue), author.signSecretKey),
    );
    expect(verifyEntrySignature({ header: header as EntryHeader, signature }, author.signPublicKey)).toBe(false);
  });

  it('rejects another key, a malformed signature and a key of the wrong length without throwing', () => {
    expect(verifyEntrySignature(entry, generateIdentityKeys().signPublicKey)).toBe(false);
    expect(verifyEntrySignature({ ...entry, signature: 'not base64url!' }, author.signPublicKey)).toBe(false);
    expect(verifyEntrySignature({ ...entry, signature: entry.signature.slice(0, 20) }, author.signPublicKey)).toBe(
      false,
    );
    expect(verifyEntrySignature(entry, author.signPublicKey.subarray(0, 16) as never)).toBe(false);
  });

  it('rejects, without throwing, a header holding undefined (it has no canonical form)', () => {
    const header = { ...entry.header, meta: { ...entry.header.meta, grantee: undefined } };
    expect(verifyEntrySignature({ ...entry, header }, author.signPublicKey)).toBe(false);
  });

  it('rejects a signature over the bare canonical bytes (no tag)', () => {
    const bare = toBase64url(
      sodium.crypto_sign_detached(canonicalBytes(entry.header as CanonicalValue), author.signSecretKey),
    );
    expect(verifyEntrySignature({ ...entry, signature: bare }, author.signPublicKey)).toBe(false);
  });

  it('gives the same answers over the canonical header bytes computed once for the hash', () => {
    const bytes = entryHeaderBytes(entry.header);
    expect(verifyEntrySignatureOverBytes(bytes, entry.signature, author.signPublicKey)).toBe(true);
    const changed = entryHeaderBytes(withHeader({ seq: 8 }).header);
    expect(verifyEntrySignatureOverBytes(changed, entry.signature, author.signPublicKey)).toBe(false);
    expect(verifyEntrySignatureOverBytes(bytes, 'not base64url!', author.signPublicKey)).toBe(false);
    expect(verifyEntrySignatureOverBytes(bytes, entry.signature, generateIdentityKeys().signPublicKey)).toBe(false);
  });
});
