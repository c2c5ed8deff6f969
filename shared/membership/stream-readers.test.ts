import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../crypto/sodium';
import { bootstrap, endorse, enrol, IDS, person, revoke } from '../directory/directory-fixtures';
import { emptyDirectory } from '../directory/index';
import type { EntryHeader } from '../schemas/entry';
import { streamReaderKeys, unexpectedRecipients } from './stream-readers';

beforeAll(initCrypto);

const ADMIN_B = 'b0b0b0b0-b0b0-4b0b-8b0b-b0b0b0b0b0b0';
const ENVOY_B = 'b1b1b1b1-b1b1-4b1b-8b1b-b1b1b1b1b1b1';

/** Party A: admin, envoy, staff; party B: admin and envoy; the staff member revoked at position 5. */
const directory = () => {
  const admin = person(IDS.admin, 'admin');
  const envoy = person(IDS.envoy, 'envoy');
  const staff = person(IDS.staff, 'staff');
  const adminB = person(ADMIN_B, 'admin', IDS.partyB);
  const envoyB = person(ENVOY_B, 'envoy', IDS.partyB);
  const staffEnrol = enrol(staff, admin);
  const state = emptyDirectory();
  [bootstrap(admin), enrol(envoy, admin), staffEnrol, bootstrap(adminB), enrol(envoyB, adminB)].forEach(
    (signed, at) => {
      state.apply(signed, at);
    },
  );
  state.apply(revoke(staff, staffEnrol, admin), 5);
  return { state, admin, envoy, staff, envoyB };
};

const headerWith = (recipients: { person: string; keyId: string }[], fields: Partial<EntryHeader> = {}) =>
  ({ type: 'letter', seq: 4, meta: {}, recipients, ...fields }) as unknown as EntryHeader;

describe('who reads a stream', () => {
  it('seals to every current non-admin key of the member parties, sorted, plus a grantee', () => {
    const { state, envoy, envoyB } = directory();
    expect(streamReaderKeys(state, new Set([IDS.partyA])).keys.map((key) => key.person)).toEqual([IDS.envoy]);
    const both = streamReaderKeys(state, new Set([IDS.partyA, IDS.partyB]));
    // Sorted by person id, byte-wise: b1b1… before bbbb….
    expect(both.keys.map((key) => key.keyId)).toEqual([envoyB.keys.keyId, envoy.keys.keyId]);
    expect(streamReaderKeys(state, new Set([IDS.partyA]), [ENVOY_B]).keys.map((key) => key.person)).toEqual([
      ENVOY_B,
      IDS.envoy,
    ]);
    expect(() => streamReaderKeys(state, new Set([IDS.partyA]), [IDS.staff])).toThrow(/no current key/);
  });

  it('names a recipient outside the member parties, an admin, an unknown or ended key', () => {
    const { state, envoy, envoyB, admin, staff } = directory();
    const problems = unexpectedRecipients(
      headerWith([
        { person: IDS.envoy, keyId: envoy.keys.keyId },
        { person: ENVOY_B, keyId: envoyB.keys.keyId },
        { person: IDS.admin, keyId: admin.keys.keyId },
        { person: IDS.staff, keyId: staff.keys.keyId },
        { person: IDS.envoy, keyId: envoyB.keys.keyId },
      ]),
      new Set([IDS.partyA]),
      state,
      6,
    );
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/of party 2{8}-.* not a member of the stream at seq 4/);
    expect(problems[1]).toMatch(/an admin/);
    expect(problems[2]).toMatch(/not valid at leaf 6/);
    expect(problems[3]).toMatch(/does not bind to them/);
  });

  it('accepts a disclosure grantee outside the members, and no one else', () => {
    const { state, envoy, envoyB } = directory();
    const recipients = [
      { person: IDS.envoy, keyId: envoy.keys.keyId },
      { person: ENVOY_B, keyId: envoyB.keys.keyId },
    ];
    const disclosure = headerWith(recipients, { type: 'disclosure', meta: { grantee: ENVOY_B } });
    expect(unexpectedRecipients(disclosure, new Set([IDS.partyA]), state, 6)).toEqual([]);
    expect(unexpectedRecipients(headerWith(recipients), new Set([IDS.partyA]), state, 6)).toHaveLength(1);
  });
});

describe('readers in an upgraded deployment', () => {
  it('names, above the legacy boundary, a key not yet endorsed along its party’s chain, and accepts it once endorsed', () => {
    const operator = person(IDS.admin, 'admin');
    const adminB = person('b0b0b0b0-b0b0-4b0b-8b0b-b0b0b0b0b0b0', 'admin', IDS.partyB);
    const envoyB = person('b1b1b1b1-b1b1-4b1b-8b1b-b1b1b1b1b1b1', 'envoy', IDS.partyB);
    const state = emptyDirectory({ legacyBefore: 5 });
    const envoyEnrol = enrol(envoyB, operator);
    [bootstrap(operator), enrol(adminB, operator), envoyEnrol].forEach((signed, at) => {
      state.apply(signed, at);
    });
    const sealed = headerWith([{ person: envoyB.id, keyId: envoyB.keys.keyId }]);
    expect(unexpectedRecipients(sealed, new Set([IDS.partyB]), state, 4)).toEqual([]);
    expect(unexpectedRecipients(sealed, new Set([IDS.partyB]), state, 5)).toEqual([
      expect.stringMatching(/not endorsed along party 2{8}-.*at leaf 5/),
    ]);
    expect(state.apply(endorse(envoyB, envoyEnrol, adminB), 6).ok).toBe(true);
    expect(state.currentKey(envoyB.id)?.endorsedAt).toBe(6);
    expect(unexpectedRecipients(sealed, new Set([IDS.partyB]), state, 5)).toHaveLength(1);
    expect(unexpectedRecipients(sealed, new Set([IDS.partyB]), state, 7)).toEqual([]);
  });
});
