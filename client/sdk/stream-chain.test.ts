import { beforeAll, describe, expect, it } from 'vitest';
import type { EntryContent } from '../../shared/content/entry-content';
import { computeEntryHash, entryAssociatedData } from '../../shared/crypto/entry-bytes';
import { compareRecipients } from '../../shared/crypto/entry-recipients';
import { signEntryHeader } from '../../shared/crypto/entry-signature';
import { initCrypto } from '../../shared/crypto/sodium';
import {
  atPositions,
  bootstrap,
  enrol,
  type FixturePerson,
  IDS,
  person,
  rotate,
} from '../../shared/directory/directory-fixtures';
import { type DirectoryState, verifyKeyDirectory } from '../../shared/directory/index';
import { streamReaderKeys } from '../../shared/membership/stream-readers';
import type { EntryHeader } from '../../shared/schemas/entry';
import type { StoredEntry } from '../../shared/schemas/stream';
import { type EntryPosition, sealDraft } from './entry-draft';
import { EntryVerificationError } from './entry-errors';
import { emptyChain, extendChain, type StreamChain } from './stream-chain';

beforeAll(initCrypto);

const STREAM = 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee';

type World = { admin: FixturePerson; staff: FixturePerson; envoy: FixturePerson; directory: DirectoryState };

// Admin and staff of party A, the root admin and an envoy of party B, at log positions 0–3; entries from leaf 10.
const world = (): World => {
  const admin = person(IDS.admin, 'admin');
  const staff = person(IDS.staff, 'staff');
  const adminB = person('b0b0b0b0-b0b0-4b0b-8b0b-b0b0b0b0b0b0', 'admin', IDS.partyB);
  const envoy = person(IDS.envoy, 'envoy', IDS.partyB);
  const { state, failures } = verifyKeyDirectory(
    atPositions([bootstrap(admin), enrol(staff, admin), bootstrap(adminB), enrol(envoy, adminB)]),
  );
  expect(failures).toEqual([]);
  return { admin, staff, envoy, directory: state };
};

const stored = (
  author: FixturePerson,
  directory: DirectoryState,
  chain: StreamChain,
  content: EntryContent,
  leaf: number,
  readers: ReadonlySet<string> = chain.seq === 0 ? new Set([IDS.partyA]) : chain.membership.members,
) => {
  const position: EntryPosition = { stream: STREAM, streamKind: 'case', seq: chain.seq + 1, prevHash: chain.hash };
  const meta = content.type === 'case_open' ? { members: [IDS.partyA], reference: 'REF-1' } : {};
  const { entry, entryHash } = sealDraft(
    { person: author.id, party: author.party, keyId: author.keys.keyId, signSecretKey: author.keys.signSecretKey },
    position,
    { type: content.type, content, meta } as never,
    [
      ...streamReaderKeys(directory, readers).recipients.filter((recipient) => recipient.person !== author.id),
      { person: author.id, keyId: author.keys.keyId, boxPublicKey: author.keys.boxPublicKey },
    ].sort(compareRecipients),
  );
  return { ...entry, entryHash, leafIndex: leaf, receivedAt: '2026-11-28T15:00:00.000Z' } satisfies StoredEntry;
};

const CASE_OPEN: EntryContent = {
  type: 'case_open',
  names: [{ given: 'Olena', kind: 'birth', script: 'Latn', source: 'mother' }],
};
const STATUS: EntryContent = { type: 'status_change', status: 'identity_verified', note: 'Documents matched' };

const failure = (act: () => unknown) => {
  try {
    act();
  } catch (error) {
    expect(error).toBeInstanceOf(EntryVerificationError);
    return (error as EntryVerificationError).check;
  }
  return undefined;
};

const resigned = (entry: StoredEntry, header: EntryHeader, signer: FixturePerson): StoredEntry => {
  const signature = signEntryHeader(header, signer.keys.signSecretKey);
  return { ...entry, header, signature, entryHash: computeEntryHash(header, signature) };
};

describe('extendChain', () => {
  it('accepts a chain of signed entries and folds the members the opening entry names', () => {
    const { staff, directory } = world();
    const first = stored(staff, directory, emptyChain(STREAM), CASE_OPEN, 10);
    const opened = extendChain(emptyChain(STREAM), [first], directory);
    expect(opened).toMatchObject({ seq: 1, hash: first.entryHash, kind: 'case', lastLeaf: 10 });
    expect([...opened.membership.members]).toEqual([IDS.partyA]);
    const second = stored(staff, directory, opened, STATUS, 12);
    expect(extendChain(opened, [second], directory)).toMatchObject({ seq: 2, hash: second.entryHash });
    expect(extendChain(emptyChain(STREAM), [first, second], directory).seq).toBe(2);
  });

  it("keeps each checked entry's associated data for opening, and none of an entry it refuses", () => {
    const { staff, directory } = world();
    const first = stored(staff, directory, emptyChain(STREAM), CASE_OPEN, 10);
    const opened = extendChain(emptyChain(STREAM), [first], directory);
    const second = stored(staff, directory, opened, STATUS, 12);
    const kept = new Map<StoredEntry, Uint8Array>();
    extendChain(emptyChain(STREAM), [first, second], directory, kept);
    expect([...kept.keys()]).toEqual([first, second]);
    expect(kept.get(first)).toEqual(entryAssociatedData(first.header));
    expect(kept.get(second)).toEqual(entryAssociatedData(second.header));
    const header = { ...second.header, claimedAt: '2020-01-01T00:00:00.000Z' };
    const altered = { ...second, header, entryHash: computeEntryHash(header, second.signature) };
    const refused = new Map<StoredEntry, Uint8Array>();
    expect(failure(() => extendChain(emptyChain(STREAM), [first, altered], directory, refused))).toBe('signature');
    expect([...refused.keys()]).toEqual([first]);
  });

  it('refuses a broken link, a skipped seq and an entry placed before its predecessor in the log', () => {
    const { staff, directory } = world();
    const first = stored(staff, directory, emptyChain(STREAM), CASE_OPEN, 10);
    const opened = extendChain(emptyChain(STREAM), [first], directory);
    const orphan = stored(staff, directory, { ...opened, hash: first.header.ciphertextHash }, STATUS, 11);
    expect(failure(() => extendChain(opened, [orphan], directory))).toBe('chain');
    const skipping = stored(staff, directory, { ...opened, seq: 2 }, STATUS, 11);
    expect(failure(() => extendChain(opened, [skipping], directory))).toBe('chain');
    const early = stored(staff, directory, opened, STATUS, 9);
    expect(failure(() => extendChain(opened, [early], directory))).toBe('chain');
  });

  it('refuses a hash the server misreports and a header changed after signing', () => {
    const { staff, directory } = world();
    const first = stored(staff, directory, emptyChain(STREAM), CASE_OPEN, 10);
    expect(
      failure(() => extendChain(emptyChain(STREAM), [{ ...first, entryHash: first.header.keyCommitment }], directory)),
    ).toBe('hash');
    const header = { ...first.header, claimedAt: '2020-01-01T00:00:00.000Z' };
    const altered = { ...first, header, entryHash: computeEntryHash(header, first.signature) };
    expect(failure(() => extendChain(emptyChain(STREAM), [altered], directory))).toBe('signature');
  });

  it('refuses an author whose role may not write the kind, or whose key is not theirs', () => {
    const { staff, envoy, directory } = world();
    const first = stored(staff, directory, emptyChain(STREAM), CASE_OPEN, 10);
    const byEnvoy = resigned(
      first,
      { ...first.header, author: { ...first.header.author, keyId: envoy.keys.keyId } },
      envoy,
    );
    expect(failure(() => extendChain(emptyChain(STREAM), [byEnvoy], directory))).toBe('author');
    const envoyAsStaff = { ...first.header, author: { person: envoy.id, party: IDS.partyB, keyId: envoy.keys.keyId } };
    expect(failure(() => extendChain(emptyChain(STREAM), [resigned(first, envoyAsStaff, envoy)], directory))).toBe(
      'author',
    );
  });

  it('judges a key by its validity at the entry leaf: not before it was published, not after it was rotated away', () => {
    const admin = person(IDS.admin, 'admin');
    const staff = person(IDS.staff, 'staff');
    const enrolment = enrol(staff, admin);
    const oldKeys = staff.keys;
    const rotation = rotate(staff, enrolment);
    // Published at 1, rotated away at 5: the old key is valid at leaves 2–4, the new one from 6.
    const { state: directory, failures } = verifyKeyDirectory([
      ...atPositions([bootstrap(admin), enrolment]),
      { signed: rotation, position: 5 },
    ]);
    expect(failures).toEqual([]);
    const old = { ...staff, keys: oldKeys };
    const openingAt = (author: FixturePerson, leaf: number) => () =>
      extendChain(emptyChain(STREAM), [stored(author, directory, emptyChain(STREAM), CASE_OPEN, leaf)], directory);
    expect(failure(openingAt(old, 3))).toBe(undefined);
    expect(failure(openingAt(old, 6))).toBe('signature');
    expect(failure(openingAt(staff, 3))).toBe('signature');
    expect(failure(openingAt(staff, 6))).toBe(undefined);
  });
});

describe('extendChain and who an entry reaches', () => {
  it("refuses an entry sealed to someone outside the stream's member parties, naming them", () => {
    const { staff, envoy, directory } = world();
    const first = stored(staff, directory, emptyChain(STREAM), CASE_OPEN, 10);
    const opened = extendChain(emptyChain(STREAM), [first], directory);
    const leaked = stored(staff, directory, opened, STATUS, 12, new Set([IDS.partyA, IDS.partyB]));
    expect(failure(() => extendChain(opened, [leaked], directory))).toBe('readers');
    expect(() => extendChain(opened, [leaked], directory)).toThrow(new RegExp(`${envoy.id}.*not a member`));
  });

  it('remembers whom each author last sealed to', () => {
    const { staff, directory } = world();
    const first = stored(staff, directory, emptyChain(STREAM), CASE_OPEN, 10);
    const opened = extendChain(emptyChain(STREAM), [first], directory);
    expect([...(opened.lastSealedBy.get(staff.id) ?? [])]).toEqual([`${staff.id} ${staff.keys.keyId}`]);
  });
});
