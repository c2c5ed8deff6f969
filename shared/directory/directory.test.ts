import { beforeAll, describe, expect, it } from 'vitest';
import { generateIdentityKeys, type IdentityKeys } from '../crypto/identity-keys';
import { keyStatementHash, signKeyStatement } from '../crypto/key-statement';
import { initCrypto } from '../crypto/sodium';
import { toBase64url } from '../encoding/bytes';
import type { KeyStatement, SignedKeyStatement } from '../schemas/key-statement';
import type { Role } from '../schemas/role';
import { emptyDirectory } from './directory-state';
import { verifyKeyDirectory } from './verify-directory';

beforeAll(initCrypto);

const PARTY_A = '11111111-1111-4111-8111-111111111111';
const PARTY_B = '22222222-2222-4222-8222-222222222222';
const ADMIN = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const ADMIN2 = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
const ENVOY = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const INVITATION = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd';

type Person = { id: string; party: string; role: Role; keys: IdentityKeys };

const statementFor = (person: Person, keys: IdentityKeys, fields: Partial<KeyStatement>): KeyStatement => ({
  v: 1,
  kind: 'enrol',
  person: person.id,
  party: person.party,
  role: person.role,
  name: `Person ${person.id.slice(0, 4)}`,
  seq: 1,
  prevHash: '',
  keyId: keys.keyId,
  signKey: toBase64url(keys.signPublicKey),
  boxKey: toBase64url(keys.boxPublicKey),
  issuedAt: '2026-11-28T15:00:00.000Z',
  authority: '',
  invitation: INVITATION,
  ...fields,
});

const sign = (statement: KeyStatement, ...signers: { id: string; keys: IdentityKeys }[]): SignedKeyStatement => ({
  statement,
  signatures: signers.map(({ id, keys }) =>
    signKeyStatement(statement, { person: id, keyId: keys.keyId, signSecretKey: keys.signSecretKey }),
  ),
});

const world = () => {
  const admin: Person = { id: ADMIN, party: PARTY_A, role: 'admin', keys: generateIdentityKeys() };
  const admin2: Person = { id: ADMIN2, party: PARTY_A, role: 'admin', keys: generateIdentityKeys() };
  const envoy: Person = { id: ENVOY, party: PARTY_B, role: 'envoy', keys: generateIdentityKeys() };
  const adminEnrol = sign(statementFor(admin, admin.keys, { authority: 'bootstrap' }), admin);
  const admin2Enrol = sign(statementFor(admin2, admin2.keys, { authority: ADMIN }), admin2, admin);
  const envoyEnrol = sign(statementFor(envoy, envoy.keys, { authority: ADMIN }), envoy, admin);
  return { admin, admin2, envoy, adminEnrol, admin2Enrol, envoyEnrol };
};

type World = ReturnType<typeof world>;

const rotationOf = (person: Person, previous: SignedKeyStatement, seq: number) => {
  const next = generateIdentityKeys();
  const statement = statementFor(person, next, { kind: 'rotate', seq, prevHash: keyStatementHash(previous) });
  return { keys: next, signed: sign(statement, { id: person.id, keys: person.keys }, { id: person.id, keys: next }) };
};

describe('key directory', () => {
  it('accepts a bootstrap admin, endorsed enrolments, a rotation and a revocation', () => {
    const { admin, envoy, adminEnrol, envoyEnrol } = world();
    const rotation = rotationOf(envoy, envoyEnrol, 2);
    const rotated = { ...envoy, keys: rotation.keys };
    const revoke = sign(
      statementFor(rotated, rotation.keys, {
        kind: 'revoke',
        seq: 3,
        prevHash: keyStatementHash(rotation.signed),
        authority: ADMIN,
      }),
      admin,
    );
    const { state, failures } = verifyKeyDirectory([
      { signed: adminEnrol, position: 0 },
      { signed: envoyEnrol, position: 3 },
      { signed: rotation.signed, position: 7 },
      { signed: revoke, position: 9 },
    ]);
    expect(failures).toEqual([]);
    expect(state.currentKey(ENVOY)).toBeUndefined();
    expect(state.keyRecord(envoy.keys.keyId)).toMatchObject({ validFrom: 3, endedAt: 7, endedBy: 'rotate' });
    expect(state.keyRecord(rotation.keys.keyId)).toMatchObject({ validFrom: 7, endedAt: 9, endedBy: 'revoke' });
    expect(state.isKeyValidAt(envoy.keys.keyId, 5)).toBe(true);
    expect(state.isKeyValidAt(envoy.keys.keyId, 8)).toBe(false);
    expect(state.keyRecord(admin.keys.keyId)?.bootstrap).toBe(true);
  });

  it('keeps statements signed with the old key before a rotation valid, and refuses one after it', () => {
    const { admin, admin2, adminEnrol, admin2Enrol, envoy } = world();
    const rotation = rotationOf(admin, adminEnrol, 2);
    const lateEnvoy = sign(statementFor(envoy, envoy.keys, { authority: ADMIN }), envoy, admin);
    const { failures, state } = verifyKeyDirectory([
      { signed: adminEnrol, position: 0 },
      { signed: admin2Enrol, position: 1 },
      { signed: rotation.signed, position: 2 },
      { signed: lateEnvoy, position: 3 },
    ]);
    expect(state.currentKey(ADMIN2)?.keyId).toBe(admin2.keys.keyId);
    expect(failures).toHaveLength(1);
    // The endorsement is by the admin's rotated-away key: the directory wants their current one.
    expect(failures[0]).toMatchObject({ position: 3, reason: expect.stringContaining('missing the signature of') });
  });

  it('refuses a statement signed with a revoked key', () => {
    const { admin, admin2, adminEnrol, admin2Enrol, envoy } = world();
    const revokeAdmin = sign(
      statementFor(admin, admin.keys, {
        kind: 'revoke',
        seq: 2,
        prevHash: keyStatementHash(adminEnrol),
        authority: ADMIN2,
      }),
      admin2,
    );
    const endorsedByRevoked = sign(statementFor(envoy, envoy.keys, { authority: ADMIN }), envoy, admin);
    const { failures } = verifyKeyDirectory([
      { signed: adminEnrol, position: 0 },
      { signed: admin2Enrol, position: 1 },
      { signed: revokeAdmin, position: 2 },
      { signed: endorsedByRevoked, position: 3 },
    ]);
    expect(failures.map((failure) => failure.position)).toEqual([3]);
    expect(failures[0]?.reason).toMatch(/no current key/);
  });

  const refusals: [string, (w: World) => SignedKeyStatement | SignedKeyStatement[], RegExp][] = [
    [
      'an enrolment without the endorsing admin',
      ({ envoy }) => sign(statementFor(envoy, envoy.keys, { authority: ADMIN }), envoy),
      /expected 2 signature/,
    ],
    [
      'a bootstrap that is not an admin',
      ({ envoy }) => sign(statementFor(envoy, envoy.keys, { authority: 'bootstrap' }), envoy),
      /only an admin invited by the operator/,
    ],
    [
      'an endorsement by a non-admin',
      ({ envoy, envoyEnrol }) => {
        const other: Person = { ...envoy, id: ADMIN2, keys: generateIdentityKeys() };
        return [envoyEnrol, sign(statementFor(other, other.keys, { authority: ENVOY }), other, envoy)];
      },
      /is not an admin/,
    ],
    [
      'a key id not derived from the keys',
      ({ envoy, admin }) =>
        sign(statementFor(envoy, envoy.keys, { authority: ADMIN, keyId: generateIdentityKeys().keyId }), envoy, admin),
      /not derived/,
    ],
    [
      'an enrolment that skips seq 1',
      ({ envoy, admin }) => sign(statementFor(envoy, envoy.keys, { authority: ADMIN, seq: 2 }), envoy, admin),
      /seq 1/,
    ],
    [
      'an extra signature',
      ({ envoy, admin, admin2 }) => sign(statementFor(envoy, envoy.keys, { authority: ADMIN }), envoy, admin, admin2),
      /expected 2 signature/,
    ],
  ];
  it.each(refusals)('refuses %s', (_, build, reason) => {
    const current = world();
    const state = emptyDirectory();
    expect(state.apply(current.adminEnrol, 0).ok).toBe(true);
    const built = build(current);
    const statements = Array.isArray(built) ? built : [built];
    statements.slice(0, -1).forEach((signed, index) => {
      expect(state.apply(signed, index + 1).ok).toBe(true);
    });
    const result = state.apply(statements.at(-1) as SignedKeyStatement, statements.length);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(reason);
  });

  it('refuses a rotation not signed by the previous key, one off the chain, and a replayed enrolment', () => {
    const { admin, envoy, adminEnrol, envoyEnrol } = world();
    const state = emptyDirectory();
    state.apply(adminEnrol, 0);
    state.apply(envoyEnrol, 1);
    const next = generateIdentityKeys();
    const unsigned = sign(
      statementFor(envoy, next, { kind: 'rotate', seq: 2, prevHash: keyStatementHash(envoyEnrol) }),
      { id: ENVOY, keys: next },
    );
    expect(state.apply(unsigned, 2)).toMatchObject({ ok: false });
    const offChain = rotationOf(envoy, adminEnrol, 2).signed;
    expect(state.apply(offChain, 3)).toMatchObject({ ok: false, reason: expect.stringContaining('chain') });
    expect(state.apply(envoyEnrol, 4)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('already enrolled'),
    });
    expect(state.currentKey(ENVOY)?.keyId).toBe(envoy.keys.keyId);
    void admin;
  });

  it('detects any altered byte of a signature or field', () => {
    const { adminEnrol, envoyEnrol } = world();
    const text = JSON.stringify(envoyEnrol);
    let refused = 0;
    const positions = [...text.matchAll(/"(signature|signKey|boxKey|name|party|issuedAt)":"([^"]+)"/g)];
    for (const match of positions) {
      const start = (match.index ?? 0) + match[0].length - 3;
      const original = text[start] ?? 'A';
      const altered = `${text.slice(0, start)}${original === 'B' ? 'C' : 'B'}${text.slice(start + 1)}`;
      const state = emptyDirectory();
      state.apply(adminEnrol, 0);
      if (!state.apply(JSON.parse(altered) as SignedKeyStatement, 1).ok) {
        refused++;
      }
    }
    expect(positions.length).toBeGreaterThanOrEqual(7);
    expect(refused).toBe(positions.length);
  });
});
