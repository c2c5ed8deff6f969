import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../../shared/crypto/sodium';
import type { StoredEntry } from '../../shared/schemas/stream';
import { PARTIES, trustWorld } from '../trust/trust-fixtures';
import type { EntryDigest } from './entry-checks';
import { checkReaders } from './readers-check';

beforeAll(initCrypto);

/** Just the header facts the readers check reads: who wrote, in which party, to whom, at which leaf. */
const entry = (
  seq: number,
  type: string,
  author: { id: string; party: string },
  recipients: { id: string; keys: { keyId: string } }[],
  meta: Record<string, unknown> = {},
): StoredEntry =>
  ({
    header: {
      seq,
      type,
      refs: [],
      meta,
      author: { person: author.id, party: author.party, keyId: '' },
      recipients: recipients.map((recipient) => ({ person: recipient.id, keyId: recipient.keys.keyId, sealedKey: '' })),
    },
    entryHash: `hash-${seq}`,
    leafIndex: 100 + seq,
  }) as unknown as StoredEntry;

// The readers check reads only the hash of a digest; these unsigned fixtures carry their own.
const digestOf = (entry: StoredEntry): EntryDigest => ({
  headerBytes: new Uint8Array(),
  hash: entry.entryHash,
  associatedData: new Uint8Array(),
});

describe('the readers check of a stream in the browser', () => {
  it('fails an entry sealed to someone outside the member parties, naming them, and checks no further than soundness', () => {
    const { data, people } = trustWorld();
    const { envoyA, envoyB, envoyC } = people;
    const entries = [
      entry(1, 'thread_open', envoyA, [envoyA, envoyB], { members: [PARTIES.a, PARTIES.b] }),
      entry(2, 'letter', envoyB, [envoyA, envoyB, envoyC]),
      entry(3, 'letter', envoyA, [envoyA, envoyB]),
      entry(4, 'letter', envoyA, [envoyA, envoyB]),
    ];
    const digests = entries.map(digestOf);
    const { checks, membership } = checkReaders(entries, digests, [true, true, true, false], data.directory);
    expect(checks.map((check) => check.state)).toEqual(['valid', 'invalid', 'valid', 'unchecked']);
    expect(checks[1]?.detail).toMatch(/^Seq 2: sealed to Envoy C \(.+\) of party .+, which is not a member/);
    expect([...membership.members]).toEqual([PARTIES.a, PARTIES.b]);
  });

  it('takes members from consent: a proposal alone adds no reader', () => {
    const { data, people } = trustWorld();
    const { envoyA, envoyB, envoyC } = people;
    const entries = [
      entry(1, 'thread_open', envoyA, [envoyA, envoyB], { members: [PARTIES.a, PARTIES.b] }),
      entry(2, 'membership', envoyB, [envoyA, envoyB], { add: [PARTIES.c] }),
      entry(3, 'letter', envoyA, [envoyA, envoyB, envoyC]),
    ];
    const { checks, membership } = checkReaders(entries, entries.map(digestOf), [true, true, true], data.directory);
    expect(checks.map((check) => check.state)).toEqual(['valid', 'valid', 'invalid']);
    expect(membership.pending.map((proposal) => proposal.add)).toEqual([[PARTIES.c]]);
  });
});
