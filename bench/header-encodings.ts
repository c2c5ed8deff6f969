// `npx tsx bench/header-encodings.ts`: what a reader spends on a header's canonical forms, for
// 1,000 copies of one sealed header with four recipients (about a timeline entry's): the signed
// bytes and the associated data canonicalised apart, as readers did, against both from one pass
// (`entryHeaderEncodings`), and the signed bytes alone. Three rounds alternating; each figure is
// the mean of ten passes over the 1,000 after three unmeasured ones.

import { entryAssociatedData, entryHeaderBytes, entryHeaderEncodings } from '../shared/crypto/entry-bytes';
import { compareRecipients } from '../shared/crypto/entry-recipients';
import { sealEntry } from '../shared/crypto/entry-seal';
import { generateIdentityKeys } from '../shared/crypto/identity-keys';
import { initCrypto } from '../shared/crypto/sodium';
import { utf8Bytes } from '../shared/encoding/bytes';
import type { EntryHeader } from '../shared/schemas/entry';

await initCrypto();
const people = ['a1a1a1a1', 'b2b2b2b2', 'c3c3c3c3', 'd4d4d4d4'].map((prefix) => ({
  person: `${prefix}-0000-4000-8000-000000000001`,
  keys: generateIdentityKeys(),
}));
const [author] = people as [(typeof people)[number]];
const { entry } = sealEntry({
  v: 1,
  type: 'letter',
  id: '5e1d0c0b-7a6f-4e3d-8c2b-1a0f9e8d7c6b',
  stream: '9f8e7d6c-5b4a-4938-a7b6-c5d4e3f2a1b0',
  streamKind: 'thread',
  seq: 2,
  prevHash: 'q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA',
  cases: [],
  author: { person: author.person, party: '7c6b5a49-3827-4161-9504-f3e2d1c0b9a8', keyId: author.keys.keyId },
  claimedAt: '2026-11-28T15:20:56.123Z',
  refs: [],
  meta: {},
  recipients: people
    .map(({ person, keys }) => ({ person, keyId: keys.keyId, boxPublicKey: keys.boxPublicKey }))
    .sort(compareRecipients),
  plaintext: utf8Bytes('Excellency, the delegation confirms the meeting of 3 December.'),
  signSecretKey: author.keys.signSecretKey,
});
const headers: EntryHeader[] = Array.from({ length: 1000 }, () => structuredClone(entry.header));

const perThousand = (work: (header: EntryHeader) => unknown): string => {
  const pass = () => headers.forEach(work);
  for (let warmUp = 0; warmUp < 3; warmUp += 1) {
    pass();
  }
  const started = performance.now();
  for (let measured = 0; measured < 10; measured += 1) {
    pass();
  }
  return `${((performance.now() - started) / 10).toFixed(1)} ms`;
};

for (const round of [1, 2, 3]) {
  const apart = perThousand((header) => [entryHeaderBytes(header), entryAssociatedData(header)]);
  const once = perThousand(entryHeaderEncodings);
  const signedOnly = perThousand(entryHeaderBytes);
  process.stdout.write(
    `round ${round}: apart ${apart}, one pass ${once}, signed bytes alone ${signedOnly} per 1,000 headers\n`,
  );
}
