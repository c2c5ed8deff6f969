import type { IdentityKeys } from '../../shared/crypto/identity-keys';
import { type StatementSigner, signKeyStatement } from '../../shared/crypto/key-statement';
import type { ChainHead, KeyRecord } from '../../shared/directory/index';
import { toBase64url } from '../../shared/encoding/bytes';
import type { KeyStatement, SignedKeyStatement } from '../../shared/schemas/key-statement';
import type { Role } from '../../shared/schemas/role';

/** Now, in the directory's timestamp form: UTC with milliseconds. */
const issuedNow = (): string => new Date().toISOString();

const publicKeysOf = (keys: IdentityKeys) => ({
  keyId: keys.keyId,
  signKey: toBase64url(keys.signPublicKey),
  boxKey: toBase64url(keys.boxPublicKey),
});

/** Signs one statement by each signer, in order, over the same canonical bytes. */
export const signStatement = (statement: KeyStatement, ...signers: readonly StatementSigner[]): SignedKeyStatement => ({
  statement,
  signatures: signers.map((signer) => signKeyStatement(statement, signer)),
});

/**
 * The `enrol` statement of a new person, as server/services/enrolment.ts expects it: the fields of
 * the invitation, the chain start (seq 1, no previous hash) and the authority that will endorse it
 * (the inviting admin, or `bootstrap` for an operator invitation).
 */
export const enrolStatement = (
  subject: { person: string; party: string; role: Role; name: string; invitation: string; authority: string },
  keys: IdentityKeys,
): KeyStatement => ({
  v: 1,
  kind: 'enrol',
  person: subject.person,
  party: subject.party,
  role: subject.role,
  name: subject.name,
  seq: 1,
  prevHash: '',
  ...publicKeysOf(keys),
  issuedAt: issuedNow(),
  authority: subject.authority,
  invitation: subject.invitation,
});

/** A rotation to `next`: extends the person's chain, keeps party, role and name, names no authority. */
export const rotateStatement = (current: KeyRecord, head: ChainHead, next: IdentityKeys): KeyStatement => ({
  v: 1,
  kind: 'rotate',
  person: current.person,
  party: current.party,
  role: current.role,
  name: current.name,
  seq: head.seq + 1,
  prevHash: head.hash,
  ...publicKeysOf(next),
  issuedAt: issuedNow(),
  authority: '',
  invitation: '',
});

/**
 * The revocation of a person's current key, by themselves (`authority` empty) or by an admin
 * (`authority` = the admin's person id).
 */
export const revokeStatement = (current: KeyRecord, head: ChainHead, authority: string): KeyStatement => ({
  v: 1,
  kind: 'revoke',
  person: current.person,
  party: current.party,
  role: current.role,
  name: current.name,
  seq: head.seq + 1,
  prevHash: head.hash,
  keyId: current.keyId,
  signKey: current.signKey,
  boxKey: current.boxKey,
  issuedAt: issuedNow(),
  authority,
  invitation: '',
});
