import { beforeAll, describe, expect, it } from 'vitest';
import type { DisclosureContent } from '../../shared/content/disclosure-content';
import { encodeContent } from '../../shared/content/encode-content';
import type { ContentOf } from '../../shared/content/entry-content';
import { sealEntry } from '../../shared/crypto/entry-seal';
import { generateIdentityKeys } from '../../shared/crypto/identity-keys';
import { initCrypto } from '../../shared/crypto/sodium';
import { toBase64url } from '../../shared/encoding/bytes';
import type { StoredEntry } from '../../shared/schemas/stream';
import type { EntryCheck } from './entry-checks';
import { openDisclosed } from './open-disclosed';
import type { VerifiedEntry } from './read-stream';

beforeAll(initCrypto);

const STREAM = '22222222-2222-4222-8222-222222222222';
const AUTHOR = '33333333-3333-4333-8333-333333333333';
const PARTY = '44444444-4444-4444-8444-444444444444';
const REVIEWER = '66666666-6666-4666-8666-666666666666';
const MINUTES: ContentOf<'minutes'> = {
  type: 'minutes',
  kind: 'meeting',
  date: '2026-11-20',
  participants: [{ name: 'Case officer' }],
  subject: 'Handover',
  text: 'The list was handed over.',
  attachments: [],
};

const VALID: EntryCheck = { state: 'valid', detail: '' };

/** Minutes sealed to their author only, as the server serves them to a grantee (with ciphertext). */
const sealedMinutes = () => {
  const keys = generateIdentityKeys();
  const sealed = sealEntry({
    v: 1,
    type: 'minutes',
    id: '55555555-5555-4555-8555-555555555551',
    stream: STREAM,
    streamKind: 'case',
    seq: 2,
    prevHash: 'A'.repeat(43),
    cases: [],
    author: { person: AUTHOR, party: PARTY, keyId: keys.keyId },
    claimedAt: '2026-11-28T15:00:00.000Z',
    refs: [],
    meta: {},
    recipients: [{ person: AUTHOR, keyId: keys.keyId, boxPublicKey: keys.boxPublicKey }],
    plaintext: encodeContent(MINUTES),
    signSecretKey: keys.signSecretKey,
  });
  const stored: StoredEntry = {
    ...sealed.entry,
    entryHash: sealed.entryHash,
    leafIndex: 4,
    receivedAt: '2026-11-28T15:00:01.000Z',
  };
  return { stored, key: toBase64url(sealed.contentKey) };
};

/** The reader's view of an entry its own keys did not open. */
const closed = (stored: StoredEntry): VerifiedEntry => ({
  entry: {
    header: stored.header,
    entryHash: stored.entryHash,
    leafIndex: stored.leafIndex,
    receivedAt: stored.receivedAt,
  },
  content: { state: 'no-access' },
  checks: { signature: VALID, chain: VALID, inclusion: VALID, readers: VALID },
});

/** A disclosure the reader already opened (it is sealed to the grantee), granting `grants`. */
const disclosure = (
  hash: string,
  grants: DisclosureContent['grants'],
  options: { refs?: string[]; grantee?: string; signature?: EntryCheck } = {},
): { stored: StoredEntry; verified: VerifiedEntry } => {
  const { stored } = sealedMinutes();
  const header = {
    ...stored.header,
    type: 'disclosure' as const,
    refs: options.refs ?? grants.map((grant) => grant.entryHash),
    meta: { grantee: options.grantee ?? REVIEWER },
  };
  const content: DisclosureContent = { type: 'disclosure', grants, purpose: 'Review', scope: 'entries' };
  return {
    stored: { ...stored, header, entryHash: hash },
    verified: {
      entry: { header, entryHash: hash, leafIndex: 5, receivedAt: stored.receivedAt, content },
      content: { state: 'decrypted', content },
      checks: { signature: options.signature ?? VALID, chain: VALID, inclusion: VALID, readers: VALID },
    },
  };
};

const open = (minutes: StoredEntry, ...disclosures: ReturnType<typeof disclosure>[]) =>
  openDisclosed(
    [minutes, ...disclosures.map((item) => item.stored)],
    [closed(minutes), ...disclosures.map((item) => item.verified)],
    REVIEWER,
  )[0];

describe('openDisclosed', () => {
  it('opens an entry with the key a disclosure to the reader grants, once it matches the commitment', () => {
    const { stored, key } = sealedMinutes();
    const opened = open(stored, disclosure('d1', [{ entryHash: stored.entryHash, contentKey: key }]));
    expect(opened?.disclosure).toEqual({ state: 'opened', by: 'd1' });
    expect(opened?.content).toEqual({ state: 'decrypted', content: MINUTES });
    expect(opened?.entry.content).toEqual(MINUTES);
  });

  it('refuses a granted key that is not the committed one, and shows no content', () => {
    const { stored } = sealedMinutes();
    const wrong = toBase64url(new Uint8Array(32).fill(7));
    const opened = open(stored, disclosure('d1', [{ entryHash: stored.entryHash, contentKey: wrong }]));
    expect(opened?.disclosure).toEqual({
      state: 'refused',
      by: 'd1',
      reason: 'the content key is not the one the header commits to',
    });
    expect(opened?.content.state).toBe('unreadable');
    expect(opened?.entry.content).toBeUndefined();
  });

  it('still opens with a right key granted after a wrong one', () => {
    const { stored, key } = sealedMinutes();
    const wrong = toBase64url(new Uint8Array(32).fill(7));
    const opened = open(
      stored,
      disclosure('d1', [{ entryHash: stored.entryHash, contentKey: wrong }]),
      disclosure('d2', [{ entryHash: stored.entryHash, contentKey: key }]),
    );
    expect(opened?.disclosure).toEqual({ state: 'opened', by: 'd2' });
  });

  it('ignores a key for an entry the signed header does not name, for someone else, or under a bad signature', () => {
    const { stored, key } = sealedMinutes();
    const grant = { entryHash: stored.entryHash, contentKey: key };
    const other = '7'.repeat(43);
    for (const ignored of [
      disclosure('d1', [grant], { refs: [other] }),
      disclosure('d1', [grant], { grantee: AUTHOR }),
      disclosure('d1', [grant], { signature: { state: 'invalid', detail: 'forged' } }),
    ]) {
      const opened = open(stored, ignored);
      expect(opened?.disclosure).toBeUndefined();
      expect(opened?.content).toEqual({ state: 'no-access' });
    }
  });

  it('says when a key was granted but the server sent no ciphertext', () => {
    const { stored, key } = sealedMinutes();
    const { ciphertext: _withheld, ...headerOnly } = stored;
    const opened = open(headerOnly, disclosure('d1', [{ entryHash: stored.entryHash, contentKey: key }]));
    expect(opened?.disclosure).toEqual({ state: 'withheld', by: 'd1' });
    expect(opened?.content).toEqual({ state: 'no-access' });
  });
});
