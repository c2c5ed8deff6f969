import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fromBase64url, toBase64url, utf8Bytes, utf8String } from '../encoding/bytes';
import * as canonical from '../encoding/canonical';
import { type EntryHeader, SignedEntry } from '../schemas/entry';
import { type ContentKey, computeKeyCommitment, generateContentKey } from './content-key';
import { computeCiphertextHash, entryAssociatedData, entryHeaderEncodings } from './entry-bytes';
import { EntryOpenError, type EntryOpenFailure } from './entry-errors';
import { checkEntryIntegrity, checkParsedEntryIntegrity } from './entry-integrity';
import { type EntryReader, openCheckedEntry, openEntry, openEntryWithContentKey } from './entry-open';
import { sealEntry } from './entry-seal';
import { generateIdentityKeys, type IdentityKeys } from './identity-keys';
import { initCrypto, sodium } from './sodium';

const AUTHOR = 'a1a1a1a1-0000-4000-8000-000000000001';
const READER = 'b2b2b2b2-0000-4000-8000-000000000002';
const OUTSIDER = 'c3c3c3c3-0000-4000-8000-000000000003';
const PLAINTEXT = 'The commitment stands as recorded on 28 November.';

let author: IdentityKeys;
let readerKeys: IdentityKeys;
let outsiderKeys: IdentityKeys;
let entry: SignedEntry;
let contentKey: ContentKey;

const as = (person: string, keys: IdentityKeys, boxKeys: IdentityKeys = keys): EntryReader => ({
  person,
  keyId: keys.keyId,
  boxPublicKey: boxKeys.boxPublicKey,
  boxSecretKey: boxKeys.boxSecretKey,
});

const failure = (open: () => unknown): EntryOpenFailure | undefined => {
  try {
    open();
  } catch (error) {
    if (error instanceof EntryOpenError) {
      return error.reason;
    }
    throw error;
  }
  return undefined;
};

const flipFirstChar = (text: string): string => `${text.startsWith('A') ? 'B' : 'A'}${text.slice(1)}`;

// Re-encrypts `padded` under the real key with a consistent ciphertext hash (the signature is
// left stale: opening does not check it), to reach the checks behind the AEAD.
const reencrypt = (padded: Uint8Array, changes: Partial<EntryHeader> = {}): SignedEntry => {
  const header = { ...entry.header, ...changes, paddedLength: padded.length };
  const nonce = fromBase64url(header.nonce);
  const ciphertext = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
    padded,
    entryAssociatedData(header),
    null,
    nonce,
    contentKey,
  );
  return {
    ...entry,
    header: { ...header, ciphertextHash: computeCiphertextHash(ciphertext) },
    ciphertext: toBase64url(ciphertext),
  };
};

beforeAll(async () => {
  await initCrypto();
  [author, readerKeys, outsiderKeys] = [generateIdentityKeys(), generateIdentityKeys(), generateIdentityKeys()];
  const sealed = sealEntry({
    v: 1,
    type: 'commitment',
    id: '5e1d0c0b-7a6f-4e3d-8c2b-1a0f9e8d7c6b',
    stream: '9f8e7d6c-5b4a-4938-a7b6-c5d4e3f2a1b0',
    streamKind: 'thread',
    seq: 1,
    prevHash: '',
    cases: [],
    author: { person: AUTHOR, party: '7c6b5a49-3827-4161-9504-f3e2d1c0b9a8', keyId: author.keyId },
    claimedAt: '2026-11-28T15:20:56.123Z',
    refs: [],
    meta: {},
    recipients: [as(AUTHOR, author), as(READER, readerKeys)],
    plaintext: utf8Bytes(PLAINTEXT),
    signSecretKey: author.signSecretKey,
  });
  entry = sealed.entry;
  contentKey = sealed.contentKey;
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('openEntry', () => {
  it('opens for the author and for the reader', () => {
    expect(utf8String(openEntry(entry, as(AUTHOR, author)))).toBe(PLAINTEXT);
    expect(utf8String(openEntry(entry, as(READER, readerKeys)))).toBe(PLAINTEXT);
  });

  it('refuses someone who is not a recipient', () => {
    expect(failure(() => openEntry(entry, as(OUTSIDER, outsiderKeys)))).toBe('not-a-recipient');
  });

  it("refuses a recipient's name with another box key pair", () => {
    expect(failure(() => openEntry(entry, as(READER, readerKeys, outsiderKeys)))).toBe('sealed-key-unopenable');
  });

  it('refuses a header that commits to another key', () => {
    const keyCommitment = toBase64url(computeKeyCommitment(generateContentKey()));
    const altered = { ...entry, header: { ...entry.header, keyCommitment } };
    expect(failure(() => openEntry(altered, as(READER, readerKeys)))).toBe('key-commitment-mismatch');
  });

  it('refuses a header changed after encryption: the header is the associated data', () => {
    const altered = { ...entry, header: { ...entry.header, claimedAt: '2026-11-29T15:20:56.123Z' } };
    expect(failure(() => openEntry(altered, as(READER, readerKeys)))).toBe('decryption-failed');
  });

  it('refuses a ciphertext that decrypts but is not bucket-padded', () => {
    expect(failure(() => openEntry(reencrypt(new Uint8Array(256)), as(READER, readerKeys)))).toBe('bad-padding');
  });

  it.each<[EntryOpenFailure, () => SignedEntry]>([
    ['malformed-entry', () => ({ ...entry, ciphertext: '!' })],
    [
      'recipients-not-canonical',
      () => ({ ...entry, header: { ...entry.header, recipients: [...entry.header.recipients].reverse() } }),
    ],
    ['padded-length-not-a-bucket', () => reencrypt(new Uint8Array(300))],
    ['ciphertext-length-mismatch', () => ({ ...entry, ciphertext: entry.ciphertext.slice(0, -3) })],
    ['ciphertext-hash-mismatch', () => ({ ...entry, ciphertext: flipFirstChar(entry.ciphertext) })],
  ])('reports the integrity failure %s', (reason, make) => {
    expect(failure(() => openEntry(make(), as(READER, readerKeys)))).toBe(reason);
  });

  it('reports an author missing from the recipients', () => {
    const recipients = entry.header.recipients.filter((r) => r.person !== AUTHOR);
    const altered = { ...entry, header: { ...entry.header, recipients } };
    expect(failure(() => openEntry(altered, as(READER, readerKeys)))).toBe('author-not-recipient');
  });
});

describe('openEntryWithContentKey', () => {
  it('opens with the committed key', () => {
    const decrypt = vi.spyOn(sodium, 'crypto_aead_xchacha20poly1305_ietf_decrypt');
    expect(utf8String(openEntryWithContentKey(entry, contentKey))).toBe(PLAINTEXT);
    expect(decrypt).toHaveBeenCalledOnce();
  });

  it('refuses another key before trying to decrypt', () => {
    const decrypt = vi.spyOn(sodium, 'crypto_aead_xchacha20poly1305_ietf_decrypt');
    expect(failure(() => openEntryWithContentKey(entry, generateContentKey()))).toBe('key-commitment-mismatch');
    expect(failure(() => openEntryWithContentKey(entry, new Uint8Array(16) as ContentKey))).toBe(
      'key-commitment-mismatch',
    );
    expect(decrypt).not.toHaveBeenCalled();
  });

  it('refuses an entry that is not a SignedEntry, or that has no canonical form', () => {
    expect(failure(() => openEntryWithContentKey({ ...entry, signature: 'x' }, contentKey))).toBe('malformed-entry');
    const header = { ...entry.header, meta: { reference: undefined } };
    expect(failure(() => openEntryWithContentKey({ ...entry, header }, contentKey))).toBe('malformed-entry');
  });
});

describe('openCheckedEntry', () => {
  const checked = (signed: SignedEntry = entry) => {
    const result = checkEntryIntegrity(signed);
    if (!result.ok) {
      throw new Error(`the fixture fails integrity: ${result.reason}`);
    }
    return result;
  };

  it('opens what openEntry and openEntryWithContentKey open, without parsing or hashing again', () => {
    const once = checked();
    const parse = vi.spyOn(SignedEntry, 'safeParse');
    expect(utf8String(openCheckedEntry(once, as(READER, readerKeys)))).toBe(PLAINTEXT);
    expect(utf8String(openCheckedEntry(once, contentKey))).toBe(PLAINTEXT);
    expect(parse).not.toHaveBeenCalled();
  });

  it('refuses as openEntry does: not a recipient, another key pair, another key, a changed header', () => {
    expect(failure(() => openCheckedEntry(checked(), as(OUTSIDER, outsiderKeys)))).toBe('not-a-recipient');
    expect(failure(() => openCheckedEntry(checked(), as(READER, readerKeys, outsiderKeys)))).toBe(
      'sealed-key-unopenable',
    );
    const decrypt = vi.spyOn(sodium, 'crypto_aead_xchacha20poly1305_ietf_decrypt');
    expect(failure(() => openCheckedEntry(checked(), generateContentKey()))).toBe('key-commitment-mismatch');
    expect(decrypt).not.toHaveBeenCalled();
    const altered = { ...entry, header: { ...entry.header, claimedAt: '2026-11-29T15:20:56.123Z' } };
    expect(failure(() => openCheckedEntry(checked(altered), as(READER, readerKeys)))).toBe('decryption-failed');
    expect(failure(() => openCheckedEntry(checked(reencrypt(new Uint8Array(256))), contentKey))).toBe('bad-padding');
  });

  it('opens under the associated data the caller canonicalised with the signed bytes, and under no other', () => {
    const { associatedData } = entryHeaderEncodings(entry.header);
    const given = checkParsedEntryIntegrity(entry, associatedData);
    if (!given.ok) {
      throw new Error(`the fixture fails integrity: ${given.reason}`);
    }
    const canonicalize = vi.spyOn(canonical, 'canonicalBytes');
    expect(utf8String(openCheckedEntry(given, as(READER, readerKeys)))).toBe(PLAINTEXT);
    expect(canonicalize).not.toHaveBeenCalled();
    // Another header's associated data: what a caller pairing a digest with the wrong entry would pass.
    const other = entryHeaderEncodings({ ...entry.header, claimedAt: '2026-11-29T15:20:56.123Z' }).associatedData;
    const mismatched = checkParsedEntryIntegrity(entry, other);
    if (!mismatched.ok) {
      throw new Error(`the fixture fails integrity: ${mismatched.reason}`);
    }
    expect(failure(() => openCheckedEntry(mismatched, as(READER, readerKeys)))).toBe('decryption-failed');
  });
});
