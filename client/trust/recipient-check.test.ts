import { beforeAll, describe, expect, it } from 'vitest';
import { generateIdentityKeys, type IdentityKeys } from '../../shared/crypto/identity-keys';
import { signKeyStatement } from '../../shared/crypto/key-statement';
import { initCrypto } from '../../shared/crypto/sodium';
import { type DirectoryState, emptyDirectory } from '../../shared/directory/index';
import { toBase64url } from '../../shared/encoding/bytes';
import type { PersonView } from '../../shared/schemas/identity';
import type { KeyStatement, SignedKeyStatement } from '../../shared/schemas/key-statement';
import { contactView } from './contact-view';
import { checkRecipients } from './recipient-check';

beforeAll(initCrypto);

const PARTY = { id: '11111111-1111-4111-8111-111111111111', name: 'Party' };
const ADMIN = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const IDS = {
  verified: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
  changed: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc',
  fresh: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd',
  pending: 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee',
};

const statement = (person: string, keys: IdentityKeys, fields: Partial<KeyStatement>): KeyStatement => ({
  v: 1,
  kind: 'enrol',
  person,
  party: PARTY.id,
  role: person === ADMIN ? 'admin' : 'envoy',
  name: person,
  seq: 1,
  prevHash: '',
  keyId: keys.keyId,
  signKey: toBase64url(keys.signPublicKey),
  boxKey: toBase64url(keys.boxPublicKey),
  issuedAt: '2026-11-28T15:00:00.000Z',
  authority: ADMIN,
  invitation: '',
  ...fields,
});

const signed = (body: KeyStatement, ...signers: [string, IdentityKeys][]): SignedKeyStatement => ({
  statement: body,
  signatures: signers.map(([person, keys]) => signKeyStatement(body, { person, ...keys })),
});

/** An admin, three endorsed envoys (one of whom rotates), and the verified keys of two of them. */
const world = () => {
  const directory: DirectoryState = emptyDirectory();
  const admin = generateIdentityKeys();
  let position = 0;
  const apply = (item: SignedKeyStatement) => {
    const result = directory.apply(item, position++);
    if (!result.ok) {
      throw new Error(result.reason);
    }
  };
  apply(signed(statement(ADMIN, admin, { authority: 'bootstrap', invitation: PARTY.id }), [ADMIN, admin]));
  const keys: Record<string, IdentityKeys> = {};
  for (const id of [IDS.verified, IDS.changed, IDS.fresh]) {
    keys[id] = generateIdentityKeys();
    apply(signed(statement(id, keys[id], {}), [id, keys[id]], [ADMIN, admin]));
  }
  const verifiedAtOldKey = keys[IDS.changed]?.keyId ?? '';
  const next = generateIdentityKeys();
  const head = directory.headOf(IDS.changed);
  apply(
    signed(
      statement(IDS.changed, next, { kind: 'rotate', seq: 2, prevHash: head?.hash ?? '', authority: '' }),
      [IDS.changed, keys[IDS.changed] as IdentityKeys],
      [IDS.changed, next],
    ),
  );
  const person = (id: string, status: PersonView['status']): PersonView => ({
    id,
    name: `Name ${id.slice(0, 4)}`,
    role: 'envoy',
    party: PARTY,
    status,
  });
  const people = [
    person(IDS.verified, 'active'),
    person(IDS.changed, 'active'),
    person(IDS.fresh, 'active'),
    person(IDS.pending, 'pending'),
  ];
  const verifications = [
    { person: IDS.verified, keyId: keys[IDS.verified]?.keyId ?? '', verifiedAt: '2026-11-28T16:00:00.000Z' },
    { person: IDS.changed, keyId: verifiedAtOldKey, verifiedAt: '2026-11-28T16:00:00.000Z' },
  ];
  return { directory, people, verifications, verificationsError: null };
};

describe('recipient checks', () => {
  it('tells verified, changed, unverified and keyless contacts apart', () => {
    const data = world();
    const state = (id: string) => contactView(data, data.people.find((p) => p.id === id) as PersonView).verification;
    expect(state(IDS.verified)).toBe('verified');
    expect(state(IDS.changed)).toBe('key-changed');
    expect(state(IDS.fresh)).toBe('unverified');
    expect(state(IDS.pending)).toBe('no-key');
    expect(contactView({ ...data, verifications: null }, data.people[0] as PersonView).verification).toBe('unknown');
    const origin = (id: string) => contactView(data, data.people.find((p) => p.id === id) as PersonView).keyOrigin;
    expect([origin(IDS.verified), origin(IDS.changed), origin(IDS.pending)]).toEqual(['endorsed', 'rotated', null]);
  });

  it('blocks sending to a changed key with the sentence people see, and to keyless or unknown people', () => {
    const data = world();
    const ok = checkRecipients(data, [IDS.verified, IDS.fresh]);
    expect(ok).toEqual({ canSend: true, blocked: [], unverified: [IDS.fresh] });
    const verdict = checkRecipients(data, [IDS.verified, IDS.changed, IDS.pending, ADMIN]);
    expect(verdict.canSend).toBe(false);
    expect(verdict.blocked.map((blocked) => blocked.reason)).toEqual(['key-changed', 'no-key', 'unknown-person']);
    expect(verdict.blocked[0]?.message).toBe(
      `Key changed since you verified Name ${IDS.changed.slice(0, 4)} — sending to them is blocked until you re-verify`,
    );
  });

  it('lets a re-verified contact through again', () => {
    const data = world();
    const current = data.directory.currentKey(IDS.changed)?.keyId ?? '';
    const reverified = data.verifications.map((record) =>
      record.person === IDS.changed ? { ...record, keyId: current } : record,
    );
    expect(checkRecipients({ ...data, verifications: reverified }, [IDS.changed]).canSend).toBe(true);
  });
});
