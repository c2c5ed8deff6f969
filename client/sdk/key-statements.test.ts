import { beforeAll, describe, expect, it } from 'vitest';
import { generateIdentityKeys, type IdentityKeys } from '../../shared/crypto/identity-keys';
import { keyStatementHash } from '../../shared/crypto/key-statement';
import { initCrypto } from '../../shared/crypto/sodium';
import { type KeyRecord, verifyKeyDirectory } from '../../shared/directory/index';
import { KeyStatement, type SignedKeyStatement } from '../../shared/schemas/key-statement';
import { enrolStatement, revokeStatement, rotateStatement, signStatement } from './key-statements';

beforeAll(initCrypto);

const PARTY = '11111111-1111-4111-8111-111111111111';
const ADMIN = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const ENVOY = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const INVITATION = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd';

const signer = (person: string, keys: IdentityKeys) => ({ person, ...keys });
const recordOf = (signed: SignedKeyStatement): KeyRecord => ({
  ...signed.statement,
  validFrom: 0,
  bootstrap: false,
  partyEndorsed: true,
  endorsedBy: [],
  legacy: false,
});
const headOf = (signed: SignedKeyStatement) => ({
  seq: signed.statement.seq,
  hash: keyStatementHash(signed),
  currentKeyId: signed.statement.keyId,
});

describe('key statement builders', () => {
  it('build a chain the shared directory accepts: bootstrap, endorsed enrolment, rotation, revocations', () => {
    const adminKeys = generateIdentityKeys();
    const envoyKeys = generateIdentityKeys();
    const subject = { party: PARTY, invitation: INVITATION };
    const adminEnrol = signStatement(
      enrolStatement({ ...subject, person: ADMIN, role: 'admin', name: 'Ada', authority: 'bootstrap' }, adminKeys),
      signer(ADMIN, adminKeys),
    );
    const envoyEnrol = signStatement(
      enrolStatement({ ...subject, person: ENVOY, role: 'envoy', name: 'Eve', authority: ADMIN }, envoyKeys),
      signer(ENVOY, envoyKeys),
      signer(ADMIN, adminKeys),
    );
    const next = generateIdentityKeys();
    const rotation = signStatement(
      rotateStatement(recordOf(envoyEnrol), headOf(envoyEnrol), next),
      signer(ENVOY, envoyKeys),
      signer(ENVOY, next),
    );
    const revocation = signStatement(
      revokeStatement({ ...recordOf(rotation) }, headOf(rotation), ADMIN),
      signer(ADMIN, adminKeys),
    );
    const statements = [adminEnrol, envoyEnrol, rotation, revocation];
    for (const signed of statements) {
      expect(KeyStatement.parse(signed.statement)).toEqual(signed.statement);
    }
    const { state, failures } = verifyKeyDirectory(statements.map((signed, position) => ({ signed, position })));
    expect(failures).toEqual([]);
    expect(state.currentKey(ENVOY)).toBeUndefined();
    expect(state.keyRecord(next.keyId)).toMatchObject({ endedBy: 'revoke', name: 'Eve', role: 'envoy' });
  });

  it('builds a self-revocation that names no authority and is signed by the current key', () => {
    const adminKeys = generateIdentityKeys();
    const keys = generateIdentityKeys();
    const root = signStatement(
      enrolStatement(
        { person: ADMIN, party: PARTY, role: 'admin', name: 'Ada', invitation: INVITATION, authority: 'bootstrap' },
        adminKeys,
      ),
      signer(ADMIN, adminKeys),
    );
    const enrol = signStatement(
      enrolStatement(
        { person: ENVOY, party: PARTY, role: 'envoy', name: 'Eve', invitation: INVITATION, authority: ADMIN },
        keys,
      ),
      signer(ENVOY, keys),
      signer(ADMIN, adminKeys),
    );
    const revoke = signStatement(revokeStatement(recordOf(enrol), headOf(enrol), ''), signer(ENVOY, keys));
    expect(revoke.statement).toMatchObject({ kind: 'revoke', seq: 2, authority: '', keyId: keys.keyId });
    const { failures } = verifyKeyDirectory([
      { signed: root, position: 0 },
      { signed: enrol, position: 1 },
      { signed: revoke, position: 2 },
    ]);
    expect(failures).toEqual([]);
  });
});
