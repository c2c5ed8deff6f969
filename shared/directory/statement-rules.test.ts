import { beforeAll, describe, expect, it } from 'vitest';
import { type BoxPublicKey, deriveKeyId, generateIdentityKeys, type IdentityKeys } from '../crypto/identity-keys';
import { keyStatementHash, signKeyStatement } from '../crypto/key-statement';
import { initCrypto } from '../crypto/sodium';
import { toBase64url } from '../encoding/bytes';
import type { KeyStatement, SignedKeyStatement } from '../schemas/key-statement';
import {
  after,
  bootstrap,
  enrol,
  type FixturePerson,
  IDS,
  person,
  revoke,
  rotate,
  signedBy,
  statementAbout,
} from './directory-fixtures';
import { emptyDirectory } from './directory-state';

beforeAll(initCrypto);

const STRANGER = 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee';

/** `keys` with its box public key replaced (and the key id derived again). */
const identityKeysWith = (keys: IdentityKeys, boxPublicKey: BoxPublicKey): IdentityKeys => ({
  ...keys,
  boxPublicKey,
  keyId: deriveKeyId(keys.signPublicKey, boxPublicKey),
});

/** Admin (bootstrapped), admin2 and envoy (endorsed by admin) enrolled; staff not yet. */
const world = () => {
  const admin = person(IDS.admin, 'admin');
  const admin2 = person(IDS.admin2, 'admin');
  const envoy = person(IDS.envoy, 'envoy');
  const staff = person(IDS.staff, 'staff');
  const adminEnrol = bootstrap(admin);
  const envoyEnrol = enrol(envoy, admin);
  return { admin, admin2, envoy, staff, adminEnrol, envoyEnrol, base: [adminEnrol, enrol(admin2, admin), envoyEnrol] };
};
type World = ReturnType<typeof world>;

const endorsed = (subject: FixturePerson, fields: Partial<KeyStatement> = {}, keys?: IdentityKeys) =>
  statementAbout(subject, { authority: IDS.admin, invitation: IDS.invitation, ...fields }, keys);

/** The envoy's rotation to `next` with `fields` changed, signed by `signers` (default: old and new key). */
const envoyRotation = (w: World, fields: Partial<KeyStatement>, signers?: (next: FixturePerson) => FixturePerson[]) => {
  const next = { ...w.envoy, keys: generateIdentityKeys() };
  const statement = statementAbout(next, { kind: 'rotate', ...after(w.envoyEnrol), ...fields });
  return signedBy(statement, ...(signers ? signers(next) : [w.envoy, next]));
};

const envoyRevocation = (w: World, fields: Partial<KeyStatement>, ...signers: FixturePerson[]) =>
  signedBy(statementAbout(w.envoy, { kind: 'revoke', ...after(w.envoyEnrol), ...fields }), ...signers);

/** A case: statements to append after the base (the last one is judged) and the reason expected. */
type Case = [string, (w: World) => SignedKeyStatement[], RegExp];

const enrolCases: Case[] = [
  [
    'a person already enrolled',
    (w) => [enrol({ ...w.envoy, keys: generateIdentityKeys() }, w.admin)],
    /is already enrolled/,
  ],
  ['seq 2', (w) => [signedBy(endorsed(w.staff, { seq: 2 }), w.staff, w.admin)], /seq 1 and an empty prevHash/],
  [
    'a previous hash',
    (w) => [signedBy(endorsed(w.staff, { prevHash: keyStatementHash(w.adminEnrol) }), w.staff, w.admin)],
    /seq 1 and an empty prevHash/,
  ],
  [
    'a key id not derived from its keys',
    (w) => [signedBy(endorsed(w.staff, { keyId: generateIdentityKeys().keyId }), w.staff, w.admin)],
    /key id is not derived/,
  ],
  ["another person's key", (w) => [signedBy(endorsed(w.staff, {}, w.envoy.keys), w.admin)], /already in the directory/],
  [
    "another person's box key with a fresh signing key",
    (w) => {
      const fresh = generateIdentityKeys();
      const borrowed = identityKeysWith(fresh, w.admin2.keys.boxPublicKey);
      return [signedBy(endorsed(w.staff, {}, borrowed), { id: IDS.staff, keys: borrowed }, w.admin)];
    },
    /already in the directory \(key .* of a2a2/,
  ],
  ['no proof of possession', (w) => [signedBy(endorsed(w.staff), w.admin)], /missing the signature of c{8}-/],
  [
    'a proof of possession made by another key',
    (w) => {
      const statement = endorsed(w.staff);
      const forged = signKeyStatement(statement, { person: IDS.staff, ...generateIdentityKeys() });
      return [
        {
          statement,
          signatures: [{ ...forged, keyId: w.staff.keys.keyId }, ...signedBy(statement, w.admin).signatures],
        },
      ];
    },
    /signature of c{8}-.* does not verify/,
  ],
  ['no endorsement', (w) => [signedBy(endorsed(w.staff), w.staff)], /missing the signature of a{8}-/],
  [
    'an endorsement by a non-admin',
    (w) => [signedBy(endorsed(w.staff, { authority: IDS.envoy }), w.staff, w.envoy)],
    /authority b{8}-.* is not an admin \(role envoy\)/,
  ],
  [
    'an unknown authority',
    (w) => [signedBy(endorsed(w.staff, { authority: STRANGER }), w.staff)],
    /has no current key/,
  ],
  [
    'a self-endorsement',
    (w) => [signedBy(endorsed(w.staff, { authority: IDS.staff }), w.staff)],
    /cannot endorse their own/,
  ],
  ['no authority', (w) => [signedBy(endorsed(w.staff, { authority: '' }), w.staff)], /names its authority/],
  [
    'a bootstrap that is not an admin',
    (w) => [signedBy(endorsed(w.staff, { authority: 'bootstrap' }), w.staff)],
    /only an admin with an operator invitation/,
  ],
  [
    'a bootstrap without an invitation',
    () => {
      const admin3 = person(STRANGER, 'admin');
      return [signedBy(statementAbout(admin3, { authority: 'bootstrap' }), admin3)];
    },
    /only an admin with an operator invitation/,
  ],
  [
    'a bootstrap with an endorsement as well',
    (w) => {
      const admin3 = person(STRANGER, 'admin', IDS.partyB);
      return [signedBy(endorsed(admin3, { authority: 'bootstrap' }), admin3, w.admin)];
    },
    /extra signature by a{8}-/,
  ],
  [
    "an endorsement by the admin's rotated-away key",
    (w) => {
      const old = { ...w.admin };
      return [rotate(w.admin, w.adminEnrol), enrol(w.staff, old)];
    },
    /signed with a superseded key: .*rotated away at position 3/,
  ],
  [
    'an endorsement by a revoked admin',
    (w) => [revoke(w.admin, w.adminEnrol, w.admin2), enrol(w.staff, w.admin)],
    /signed with a revoked key: .*revoked at position 3/,
  ],
  ['an extra signature', (w) => [signedBy(endorsed(w.staff), w.staff, w.admin, w.admin2)], /extra signature by a2a2/],
  ['a duplicate signature', (w) => [signedBy(endorsed(w.staff), w.staff, w.admin, w.admin)], /duplicate signer/],
  [
    'a signature naming the wrong signer for its key',
    (w) => {
      const signed = signedBy(endorsed(w.staff), w.staff, w.admin);
      return [{ ...signed, signatures: signed.signatures.map((s, i) => (i === 1 ? { ...s, signer: IDS.admin2 } : s)) }];
    },
    /names the wrong signer/,
  ],
];

const rotateCases: Case[] = [
  ['a rotation that skips a seq', (w) => [envoyRotation(w, { seq: 3 })], /does not extend the person's chain/],
  [
    'a rotation off the chain',
    (w) => [envoyRotation(w, { prevHash: keyStatementHash(w.adminEnrol) })],
    /does not extend the person's chain/,
  ],
  ['a rotation into another party', (w) => [envoyRotation(w, { party: IDS.partyB })], /party and role cannot change/],
  ['a rotation into the admin role', (w) => [envoyRotation(w, { role: 'admin' })], /party and role cannot change/],
  ['a rotation naming an authority', (w) => [envoyRotation(w, { authority: IDS.admin })], /names no authority/],
  [
    'a rotation redeeming an invitation',
    (w) => [envoyRotation(w, { invitation: IDS.invitation })],
    /redeems no invitation/,
  ],
  [
    'a rotation without the previous key',
    (w) => [envoyRotation(w, {}, (next) => [next])],
    /missing the signature of b{8}-/,
  ],
  ['a rotation without the new key', (w) => [envoyRotation(w, {}, () => [w.envoy])], /missing the signature of b{8}-/],
  [
    'a rotation signed by an admin instead',
    (w) => [envoyRotation(w, {}, (next) => [w.admin, next])],
    /extra signature/,
  ],
  [
    'a rotation to a key id not derived from its keys',
    (w) => [envoyRotation(w, { keyId: generateIdentityKeys().keyId })],
    /not derived/,
  ],
  [
    "a rotation to another person's key",
    (w) => [signedBy(statementAbout(w.envoy, { kind: 'rotate', ...after(w.envoyEnrol) }, w.admin2.keys), w.envoy)],
    /already in the directory/,
  ],
  ['a rotation of a person never enrolled', (w) => [rotate(w.staff, w.envoyEnrol)], /is not enrolled/],
  [
    'a rotation after a revocation',
    (w) => {
      const revocation = revoke(w.envoy, w.envoyEnrol);
      return [revocation, rotate(w.envoy, revocation)];
    },
    /signed with a revoked key/,
  ],
];

const revokeCases: Case[] = [
  [
    'a revocation of a key that is no longer current',
    (w) => {
      const old = w.envoy.keys;
      const rotation = rotate(w.envoy, w.envoyEnrol);
      const statement = statementAbout(w.envoy, { kind: 'revoke', ...after(rotation), authority: IDS.admin }, old);
      return [rotation, signedBy(statement, w.admin)];
    },
    /names the person's current key/,
  ],
  [
    'a revocation naming another box key',
    (w) => [envoyRevocation(w, { boxKey: toBase64url(generateIdentityKeys().boxPublicKey) }, w.envoy)],
    /names the person's current key/,
  ],
  ['a self-revocation signed by an admin', (w) => [envoyRevocation(w, {}, w.admin)], /extra signature by a{8}-/],
  [
    'an admin revocation signed by the person',
    (w) => [envoyRevocation(w, { authority: IDS.admin }, w.envoy)],
    /extra signature by b{8}-/,
  ],
  [
    'a revocation by a non-admin',
    (w) => [
      signedBy(
        statementAbout(w.admin2, { kind: 'revoke', ...after(w.base[1] as SignedKeyStatement), authority: IDS.envoy }),
        w.envoy,
      ),
    ],
    /is not an admin/,
  ],
  [
    'a revocation naming the person as authority',
    (w) => [envoyRevocation(w, { authority: IDS.envoy }, w.envoy)],
    /names an admin as authority/,
  ],
  [
    'a revocation by bootstrap',
    (w) => [envoyRevocation(w, { authority: 'bootstrap' }, w.envoy)],
    /names an admin as authority/,
  ],
  ['a revocation off the chain', (w) => [envoyRevocation(w, { seq: 5 }, w.envoy)], /does not extend/],
  [
    'a revocation redeeming an invitation',
    (w) => [envoyRevocation(w, { invitation: IDS.invitation }, w.envoy)],
    /redeems no invitation/,
  ],
  [
    'a second revocation',
    (w) => {
      const first = revoke(w.envoy, w.envoyEnrol);
      return [
        first,
        signedBy(statementAbout(w.envoy, { kind: 'revoke', ...after(first), authority: IDS.admin }), w.admin),
      ];
    },
    /has no current key: after a revocation they must be invited again/,
  ],
];

const formCases: Case[] = [
  [
    'a statement with an extra member',
    (w) => [{ ...w.envoyEnrol, statement: { ...w.envoyEnrol.statement, extra: 'x' } as never }],
    /malformed statement/,
  ],
  ['a statement with no signature', (w) => [{ ...w.envoyEnrol, signatures: [] }], /malformed statement: signatures/],
  [
    'a statement of another version',
    (w) => [{ ...w.envoyEnrol, statement: { ...w.envoyEnrol.statement, v: 2 } as never }],
    /malformed statement: statement.v/,
  ],
];

const judge = (build: Case[1]) => {
  const w = world();
  const state = emptyDirectory();
  const statements = [...w.base, ...build(w)];
  statements.slice(0, -1).forEach((signed, position) => {
    const applied = state.apply(signed, position);
    expect(applied.ok ? '' : applied.reason).toBe('');
  });
  return state.apply(statements.at(-1) as SignedKeyStatement, statements.length - 1);
};

describe.each([
  ['enrol', enrolCases],
  ['rotate', rotateCases],
  ['revoke', revokeCases],
  ['any statement', formCases],
])('%s rules', (_, cases) => {
  it.each(cases)('refuses %s', (_name, build, reason) => {
    const result = judge(build);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(reason);
  });
});

describe('log positions', () => {
  it('refuses a position that does not follow the last one', () => {
    const w = world();
    const state = emptyDirectory();
    expect(state.apply(w.adminEnrol, 5).ok).toBe(true);
    expect(state.apply(enrol(w.staff, w.admin), 5)).toMatchObject({
      ok: false,
      reason: 'log position 5 does not follow 5',
    });
    expect(state.apply(enrol(w.staff, w.admin), 4.5)).toMatchObject({ ok: false });
    expect(state.apply(enrol(w.staff, w.admin), 6).ok).toBe(true);
  });
});
