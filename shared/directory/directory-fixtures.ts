/**
 * Test fixtures for the key directory: people with fresh keys and the signed statements of their
 * lifecycles, built with the real crypto. Used by the directory's tests only; never by the app.
 */
import { generateIdentityKeys, type IdentityKeys } from '../crypto/identity-keys';
import { keyStatementHash, signKeyStatement } from '../crypto/key-statement';
import { toBase64url } from '../encoding/bytes';
import type { KeyStatement, SignedKeyStatement } from '../schemas/key-statement';
import type { Role } from '../schemas/role';

/** Fixed ids for the fixtures. */
export const IDS = {
  partyA: '11111111-1111-4111-8111-111111111111',
  partyB: '22222222-2222-4222-8222-222222222222',
  admin: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
  admin2: 'a2a2a2a2-a2a2-4a2a-8a2a-a2a2a2a2a2a2',
  envoy: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
  staff: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc',
  invitation: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd',
} as const;

/** A person of the fixtures and the key pair they currently hold (replaced by {@link rotate}). */
export type FixturePerson = { readonly id: string; readonly party: string; readonly role: Role; keys: IdentityKeys };

/** Someone whose key signs: a person and one of their key pairs. */
export type FixtureSigner = { readonly id: string; readonly keys: IdentityKeys };

/** A person with fresh keys. */
export const person = (id: string, role: Role, party: string = IDS.partyA): FixturePerson => ({
  id,
  party,
  role,
  keys: generateIdentityKeys(),
});

/** A statement about `subject` publishing (or naming) `keys`; an enrolment unless `fields` say otherwise. */
export const statementAbout = (
  subject: FixturePerson,
  fields: Partial<KeyStatement> = {},
  keys: IdentityKeys = subject.keys,
): KeyStatement => ({
  v: 1,
  kind: 'enrol',
  person: subject.id,
  party: subject.party,
  role: subject.role,
  name: `Person ${subject.id.slice(0, 4)}`,
  seq: 1,
  prevHash: '',
  keyId: keys.keyId,
  signKey: toBase64url(keys.signPublicKey),
  boxKey: toBase64url(keys.boxPublicKey),
  issuedAt: '2026-11-28T15:00:00.000Z',
  authority: '',
  invitation: '',
  ...fields,
});

/** The statement with one signature per signer, in order. */
export const signedBy = (statement: KeyStatement, ...signers: readonly FixtureSigner[]): SignedKeyStatement => ({
  statement,
  signatures: signers.map(({ id, keys }) =>
    signKeyStatement(statement, { person: id, keyId: keys.keyId, signSecretKey: keys.signSecretKey }),
  ),
});

/** An operator-bootstrapped admin's enrolment, signed by their own key. */
export const bootstrap = (admin: FixturePerson): SignedKeyStatement =>
  signedBy(statementAbout(admin, { authority: 'bootstrap', invitation: IDS.invitation }), admin);

/** An enrolment endorsed by `admin`, signed by the new key and the admin's current key. */
export const enrol = (subject: FixturePerson, admin: FixturePerson): SignedKeyStatement =>
  signedBy(statementAbout(subject, { authority: admin.id, invitation: IDS.invitation }), subject, admin);

/** The fields that chain a statement after `previous`. */
export const after = (previous: SignedKeyStatement) => ({
  seq: previous.statement.seq + 1,
  prevHash: keyStatementHash(previous),
});

/** A rotation of `subject` to fresh keys, signed by the old and the new key; `subject.keys` becomes the new keys. */
export const rotate = (subject: FixturePerson, previous: SignedKeyStatement): SignedKeyStatement => {
  const old = { id: subject.id, keys: subject.keys };
  const next = generateIdentityKeys();
  subject.keys = next;
  return signedBy(statementAbout(subject, { kind: 'rotate', ...after(previous) }, next), old, subject);
};

/** A revocation of `subject`'s current key, by themselves or by `admin`. */
export const revoke = (subject: FixturePerson, previous: SignedKeyStatement, admin?: FixturePerson) =>
  signedBy(
    statementAbout(subject, { kind: 'revoke', ...after(previous), authority: admin?.id ?? '' }),
    admin ?? subject,
  );

/** Statements at consecutive log positions from `first`. */
export const atPositions = (statements: readonly SignedKeyStatement[], first = 0) =>
  statements.map((signed, index) => ({ signed, position: first + index }));

/** An enrolment endorsed by `admins` (the first is the authority), signed by the new key and each admin. */
export const enrolByQuorum = (subject: FixturePerson, ...admins: FixturePerson[]): SignedKeyStatement =>
  signedBy(statementAbout(subject, { authority: admins[0]?.id ?? '', invitation: IDS.invitation }), subject, ...admins);

/** The party's admins (the first is the authority) endorsing `subject`'s current key. */
export const endorse = (subject: FixturePerson, previous: SignedKeyStatement, ...admins: FixturePerson[]) =>
  signedBy(statementAbout(subject, { kind: 'endorse', ...after(previous), authority: admins[0]?.id ?? '' }), ...admins);

/** `admin` proposing the party threshold `threshold`, signed by `admin` and the other `signers`. */
export const policy = (
  admin: FixturePerson,
  previous: SignedKeyStatement,
  threshold: number,
  ...signers: FixturePerson[]
): SignedKeyStatement =>
  signedBy(statementAbout(admin, { kind: 'policy', ...after(previous), threshold }), admin, ...signers);
