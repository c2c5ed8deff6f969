import { beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../shared/api/index';
import { sealEntry } from '../../shared/crypto/entry-seal';
import { generateIdentityKeys } from '../../shared/crypto/identity-keys';
import { initCrypto } from '../../shared/crypto/sodium';
import type { EntryType } from '../../shared/schemas/entry-type';
import type { StoredEntry, StreamView } from '../../shared/schemas/stream';
import { checkChain, digestEntry } from './entry-checks';

beforeAll(initCrypto);

const STREAM = '22222222-2222-4222-8222-222222222222';
const PERSON = '33333333-3333-4333-8333-333333333333';
const PARTY = '44444444-4444-4444-8444-444444444444';

/** A chain of three signed entries of one case, as the server would store them. */
const chain = (): StoredEntry[] => {
  const keys = generateIdentityKeys();
  const entries: StoredEntry[] = [];
  let prevHash = '';
  (['case_open', 'status_change', 'minutes'] as EntryType[]).forEach((type, index) => {
    const { entry, entryHash } = sealEntry({
      v: 1,
      type,
      id: `55555555-5555-4555-8555-55555555555${index}`,
      stream: STREAM,
      streamKind: 'case',
      seq: index + 1,
      prevHash,
      cases: [],
      author: { person: PERSON, party: PARTY, keyId: keys.keyId },
      claimedAt: '2026-11-28T15:00:00.000Z',
      refs: [],
      meta: index === 0 ? { members: [PARTY], reference: 'REF' } : {},
      recipients: [{ person: PERSON, keyId: keys.keyId, boxPublicKey: keys.boxPublicKey }],
      plaintext: new Uint8Array([1, 2, 3]),
      signSecretKey: keys.signSecretKey,
    });
    entries.push({ ...entry, entryHash, leafIndex: 10 + index, receivedAt: '2026-11-28T15:00:01.000Z' });
    prevHash = entryHash;
  });
  return entries;
};

const streamOf = (entries: readonly StoredEntry[]): StreamView => ({
  id: STREAM,
  kind: 'case',
  reference: 'REF',
  members: [PARTY],
  head: { seq: entries.length, hash: entries.at(-1)?.entryHash ?? '' },
  lastActivity: null,
  isMember: true,
});

describe('checkChain', () => {
  it('accepts an unbroken chain', () => {
    const entries = chain();
    expect(checkChain(streamOf(entries), entries).map((check) => check.state)).toEqual(['valid', 'valid', 'valid']);
  });

  it('marks everything from a removed entry on as broken', () => {
    const [first, , third] = chain();
    const entries = [first, third] as StoredEntry[];
    const checks = checkChain({ ...streamOf(entries), head: null }, entries);
    expect(checks.map((check) => check.state)).toEqual(['valid', 'invalid']);
    expect(checks[1]?.detail).toContain('Expected seq 2');
  });

  it('refuses an entry hash the header and signature do not give', () => {
    const entries = chain();
    const altered = entries.map((entry, index) =>
      index === 1 ? { ...entry, entryHash: entries[0]?.entryHash ?? '' } : entry,
    );
    const checks = checkChain(streamOf(entries), altered);
    expect(checks.map((check) => check.state)).toEqual(['valid', 'invalid', 'invalid']);
  });

  it('refuses a head the server reports for another last entry', () => {
    const entries = chain();
    const checks = checkChain({ ...streamOf(entries), head: { seq: 3, hash: entries[0]?.entryHash ?? '' } }, entries);
    expect(checks.at(-1)?.state).toBe('invalid');
  });
});

describe('checkChain from a stored head', () => {
  const linkOf = (entry: StoredEntry) => ({
    seq: entry.header.seq,
    hash: entry.entryHash,
    leafIndex: entry.leafIndex,
  });

  it('accepts entries that extend the stored head, as the whole chain does', () => {
    const entries = chain();
    const [first, ...rest] = entries;
    const checks = checkChain(streamOf(entries), rest, undefined, linkOf(first as StoredEntry));
    expect(checks.map((check) => check.state)).toEqual(['valid', 'valid']);
    expect(checks).toEqual(checkChain(streamOf(entries), entries).slice(1));
  });

  it('refuses entries that do not link onto the stored head', () => {
    const entries = chain();
    const [first, second, third] = entries as [StoredEntry, StoredEntry, StoredEntry];
    // A stored head the server's entries do not follow (another chain's entry at seq 1).
    const other = { ...linkOf(first), hash: second.entryHash };
    expect(checkChain(streamOf(entries), [second, third], undefined, other).map((check) => check.state)).toEqual([
      'invalid',
      'invalid',
    ]);
    // An entry skipped after the stored head.
    expect(checkChain(streamOf(entries), [third], undefined, linkOf(first))[0]?.detail).toMatch(/Expected seq 2/);
    // Logged before the stored head.
    const later = { ...linkOf(first), leafIndex: 50 };
    expect(checkChain(streamOf(entries), [second, third], undefined, later)[0]?.detail).toMatch(/logged before/);
  });
});

describe('digestEntry', () => {
  it('recomputes the hash the entry was sealed with; a header the schema refuses never reaches it', () => {
    const [first] = chain() as [StoredEntry];
    expect(digestEntry(first)?.hash).toBe(first.entryHash);
    // The API client parses every entry list with this schema, strictly, before any check runs.
    const unparsable = { ...first, header: { ...first.header, note: 'not in the schema' } };
    expect(API.listEntries.response.safeParse({ stream: streamOf([first]), entries: [unparsable] }).success).toBe(
      false,
    );
    expect(API.listEntries.response.safeParse({ stream: streamOf([first]), entries: [first] }).success).toBe(true);
  });
});
