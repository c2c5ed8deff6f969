import { beforeAll, describe, expect, it } from 'vitest';
import { utf8Bytes } from '../encoding/bytes';
import type { SignedEntry } from '../schemas/entry';
import type { EntryIntegrityFailure } from './entry-errors';
import { checkEntryIntegrity } from './entry-integrity';
import { sealEntry } from './entry-seal';
import { generateIdentityKeys, type IdentityKeys } from './identity-keys';
import { initCrypto } from './sodium';

const AUTHOR = 'a1a1a1a1-0000-4000-8000-000000000001';
const READER = 'b2b2b2b2-0000-4000-8000-000000000002';
let entry: SignedEntry;

const recipient = (person: string, keys: IdentityKeys) => ({
  person,
  keyId: keys.keyId,
  boxPublicKey: keys.boxPublicKey,
});

beforeAll(async () => {
  await initCrypto();
  const [author, reader] = [generateIdentityKeys(), generateIdentityKeys()];
  entry = sealEntry({
    v: 1,
    type: 'minutes',
    id: '5e1d0c0b-7a6f-4e3d-8c2b-1a0f9e8d7c6b',
    stream: '9f8e7d6c-5b4a-4938-a7b6-c5d4e3f2a1b0',
    streamKind: 'case',
    seq: 4,
    prevHash: 'q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA',
    cases: ['9f8e7d6c-5b4a-4938-a7b6-c5d4e3f2a1b0'],
    author: { person: AUTHOR, party: '7c6b5a49-3827-4161-9504-f3e2d1c0b9a8', keyId: author.keyId },
    claimedAt: '2026-11-28T15:20:56.123Z',
    refs: [],
    meta: {},
    recipients: [recipient(AUTHOR, author), recipient(READER, reader)],
    plaintext: utf8Bytes('Minutes of the call.'),
    signSecretKey: author.signSecretKey,
  }).entry;
});

const withHeader = (changes: Partial<SignedEntry['header']>): SignedEntry => ({
  ...entry,
  header: { ...entry.header, ...changes },
});

describe('checkEntryIntegrity', () => {
  it('accepts a sealed entry and returns its ciphertext bytes', () => {
    const result = checkEntryIntegrity(entry);
    expect(result.ok).toBe(true);
    expect(result.ok && result.ciphertext.length).toBe(entry.header.paddedLength + 16);
  });

  it.each<[EntryIntegrityFailure, () => unknown]>([
    ['malformed-entry', () => null],
    ['malformed-entry', () => ({ ...entry, extra: 1 })],
    ['malformed-entry', () => withHeader({ seq: 0 })],
    ['recipients-not-canonical', () => withHeader({ recipients: [...entry.header.recipients].reverse() })],
    [
      'recipients-not-canonical',
      () => withHeader({ recipients: [...entry.header.recipients, ...entry.header.recipients.slice(-1)] }),
    ],
    [
      'author-not-recipient',
      () => withHeader({ recipients: entry.header.recipients.filter((r) => r.person !== AUTHOR) }),
    ],
    ['padded-length-not-a-bucket', () => withHeader({ paddedLength: 300 })],
    ['ciphertext-length-mismatch', () => withHeader({ paddedLength: 512 })],
    ['ciphertext-length-mismatch', () => ({ ...entry, ciphertext: entry.ciphertext.slice(0, -3) })],
    ['ciphertext-hash-mismatch', () => withHeader({ ciphertextHash: entry.header.keyCommitment })],
  ])('reports %s', (reason, make) => {
    expect(checkEntryIntegrity(make())).toEqual({ ok: false, reason });
  });
});
