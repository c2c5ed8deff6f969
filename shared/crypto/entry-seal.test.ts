import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64url, utf8Bytes, utf8String } from '../encoding/bytes';
import { SignedEntry } from '../schemas/entry';
import { asContentKey, computeKeyCommitment } from './content-key';
import { computeEntryHash } from './entry-bytes';
import { EntrySealError, type EntrySealFailure } from './entry-errors';
import { openEntry } from './entry-open';
import { type SealEntryInput, sealEntry, sealEntryWithRandomness } from './entry-seal';
import { verifyEntrySignature } from './entry-signature';
import { generateIdentityKeys, type IdentityKeys } from './identity-keys';
import { initCrypto } from './sodium';

const PEOPLE = {
  alice: 'a1a1a1a1-0000-4000-8000-000000000001',
  bob: 'b2b2b2b2-0000-4000-8000-000000000002',
  carol: '03c3c3c3-0000-4000-8000-000000000003',
} as const;
const keys: Partial<Record<keyof typeof PEOPLE, IdentityKeys>> = {};
const keysOf = (name: keyof typeof PEOPLE): IdentityKeys => {
  const found = keys[name];
  if (found === undefined) {
    throw new Error(`no keys for ${name}`);
  }
  return found;
};
const recipient = (name: keyof typeof PEOPLE) => ({
  person: PEOPLE[name],
  keyId: keysOf(name).keyId,
  boxPublicKey: keysOf(name).boxPublicKey,
});
const reader = (name: keyof typeof PEOPLE) => ({ ...recipient(name), boxSecretKey: keysOf(name).boxSecretKey });

const input = (overrides: Partial<SealEntryInput> = {}): SealEntryInput => ({
  v: 1,
  type: 'letter',
  id: '5e1d0c0b-7a6f-4e3d-8c2b-1a0f9e8d7c6b',
  stream: '9f8e7d6c-5b4a-4938-a7b6-c5d4e3f2a1b0',
  streamKind: 'thread',
  seq: 2,
  prevHash: 'q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA',
  cases: [],
  author: { person: PEOPLE.alice, party: '7c6b5a49-3827-4161-9504-f3e2d1c0b9a8', keyId: keysOf('alice').keyId },
  claimedAt: '2026-11-28T15:20:56.123Z',
  refs: [],
  meta: {},
  recipients: [recipient('alice'), recipient('bob'), recipient('carol')],
  plaintext: utf8Bytes('Excellency, the delegation confirms the meeting of 3 December.'),
  signSecretKey: keysOf('alice').signSecretKey,
  ...overrides,
});

beforeAll(async () => {
  await initCrypto();
  keys.alice = generateIdentityKeys();
  keys.bob = generateIdentityKeys();
  keys.carol = generateIdentityKeys();
});

describe('sealEntry', () => {
  it('produces a schema-valid entry that every recipient opens', () => {
    const { entry } = sealEntry(input());
    expect(SignedEntry.safeParse(entry).success).toBe(true);
    for (const name of ['alice', 'bob', 'carol'] as const) {
      expect(utf8String(openEntry(entry, reader(name)))).toMatch(/^Excellency/);
    }
  });

  it('signs the header with the author key and returns its entry hash and committed key', () => {
    const { entry, entryHash, contentKey } = sealEntry(input());
    expect(verifyEntrySignature(entry, keysOf('alice').signPublicKey)).toBe(true);
    expect(entryHash).toBe(computeEntryHash(entry.header, entry.signature));
    expect(fromBase64url(entry.header.keyCommitment)).toEqual(computeKeyCommitment(contentKey));
  });

  it('pads to the bucket and adds the 16-byte tag', () => {
    const { entry } = sealEntry(input({ plaintext: new Uint8Array(256) }));
    expect(entry.header.paddedLength).toBe(512);
    expect(fromBase64url(entry.ciphertext)).toHaveLength(528);
  });

  it('sorts recipients by person, then key id, whatever order they were given in', () => {
    const { entry } = sealEntry(input({ recipients: [recipient('bob'), recipient('alice'), recipient('carol')] }));
    expect(entry.header.recipients.map((r) => r.person)).toEqual([PEOPLE.carol, PEOPLE.alice, PEOPLE.bob]);
  });

  it('draws a fresh content key and nonce each time', () => {
    const first = sealEntry(input());
    const second = sealEntry(input());
    expect(first.contentKey).not.toEqual(second.contentKey);
    expect(first.entry.header.nonce).not.toBe(second.entry.header.nonce);
  });

  it('is a pure function of its randomness', () => {
    const randomness = {
      contentKey: asContentKey(new Uint8Array(32).fill(1)),
      nonce: new Uint8Array(24).fill(2),
      sealKey: () => new Uint8Array(80).fill(3),
    };
    expect(sealEntryWithRandomness(input(), randomness)).toEqual(sealEntryWithRandomness(input(), randomness));
  });

  it('seals the largest plaintext whose bucket fits the schema', () => {
    const { entry } = sealEntry(input({ plaintext: new Uint8Array(1024 * 1024 - 1) }));
    expect(entry.header.paddedLength).toBe(1024 * 1024);
    expect(openEntry(entry, reader('bob'))).toHaveLength(1024 * 1024 - 1);
  });
});

describe('sealEntry refuses', () => {
  const refusal = (make: () => unknown): EntrySealFailure | undefined => {
    try {
      make();
    } catch (error) {
      if (error instanceof EntrySealError) {
        return error.reason;
      }
      throw error;
    }
    return undefined;
  };
  const goodRandomness = () => ({
    contentKey: asContentKey(new Uint8Array(32)),
    nonce: new Uint8Array(24),
    sealKey: () => new Uint8Array(80),
  });

  it('a plaintext whose bucket exceeds 1 MiB', () => {
    expect(refusal(() => sealEntry(input({ plaintext: new Uint8Array(1024 * 1024) })))).toBe('plaintext-too-large');
  });

  it('a recipient listed twice', () => {
    const recipients = [recipient('alice'), recipient('bob'), recipient('bob')];
    expect(refusal(() => sealEntry(input({ recipients })))).toBe('duplicate-recipient');
  });

  it('an author who is not a recipient', () => {
    const recipients = [recipient('bob'), recipient('carol')];
    expect(refusal(() => sealEntry(input({ recipients })))).toBe('author-not-recipient');
  });

  it('a signing key that is not the author key named by author.keyId', () => {
    expect(refusal(() => sealEntry(input({ signSecretKey: keysOf('bob').signSecretKey })))).toBe('author-key-mismatch');
    expect(refusal(() => sealEntry(input({ signSecretKey: new Uint8Array(32) as never })))).toBe('author-key-mismatch');
  });

  it('randomness of the wrong size', () => {
    expect(refusal(() => sealEntryWithRandomness(input(), { ...goodRandomness(), nonce: new Uint8Array(12) }))).toBe(
      'invalid-randomness',
    );
    const sealKey = () => new Uint8Array(79);
    expect(refusal(() => sealEntryWithRandomness(input(), { ...goodRandomness(), sealKey }))).toBe(
      'invalid-randomness',
    );
  });

  it('header fields the schema rejects, including an extra field', () => {
    expect(refusal(() => sealEntry(input({ claimedAt: '2026-11-28T15:20:56Z' })))).toBe('invalid-header');
    expect(refusal(() => sealEntry(input({ cases: ['not-a-uuid'] })))).toBe('invalid-header');
    expect(refusal(() => sealEntry({ ...input(), extra: 'x' } as SealEntryInput))).toBe('invalid-header');
    expect(refusal(() => sealEntry(input({ meta: { members: undefined } })))).toBe('invalid-header');
  });
});
