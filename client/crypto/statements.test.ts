import { beforeAll, describe, expect, it } from 'vitest';
import { generateIdentityKeys, type IdentityKeys } from '../../shared/crypto/identity-keys';
import { signKeyStatement } from '../../shared/crypto/key-statement';
import { initCrypto } from '../../shared/crypto/sodium';
import { emptyDirectory } from '../../shared/directory/index';
import type { EnrolmentOptionsResponse } from '../../shared/schemas/identity';
import type { SignedKeyStatement } from '../../shared/schemas/key-statement';
import { endorsementProblem } from './admin-actions';
import { adminRevokeStatement, signedEnrolStatement } from './statements';

beforeAll(initCrypto);

const PARTY = { id: '11111111-1111-4111-8111-111111111111', name: 'Office of the First Lady (US)' };
const ADMIN = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const ENVOY = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const ADMIN2 = 'a2a2a2a2-a2a2-4a2a-8a2a-a2a2a2a2a2a2';
const OTHER_PARTY = '22222222-2222-4222-8222-222222222222';
const asAdmin = (id: string, party = PARTY.id) => ({ id, party });

const offer = (personId: string, role: 'admin' | 'envoy', invitedBy?: { id: string; name: string }) =>
  ({
    personId,
    invitation: {
      id: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd',
      party: PARTY,
      role,
      name: `Person ${personId.slice(0, 4)}`,
      expiresAt: '2026-12-01T00:00:00.000Z',
      ...(invitedBy ? { invitedBy } : {}),
    },
  }) satisfies Pick<EnrolmentOptionsResponse, 'invitation' | 'personId'>;

const countersign = (signed: SignedKeyStatement, admin: IdentityKeys): SignedKeyStatement => ({
  ...signed,
  signatures: [...signed.signatures, signKeyStatement(signed.statement, { person: ADMIN, ...admin })],
});

describe('statements the browser builds', () => {
  it('enrols a bootstrap admin and an invited envoy, endorsed and then revoked, by the shared rules', () => {
    const adminKeys = generateIdentityKeys();
    const envoyKeys = generateIdentityKeys();
    const directory = emptyDirectory();
    const adminEnrol = signedEnrolStatement(offer(ADMIN, 'admin'), adminKeys);
    expect(adminEnrol.statement).toMatchObject({ authority: 'bootstrap', seq: 1, prevHash: '', kind: 'enrol' });
    expect(directory.apply(adminEnrol, 0)).toMatchObject({ ok: true });

    const envoyEnrol = signedEnrolStatement(offer(ENVOY, 'envoy', { id: ADMIN, name: 'Admin' }), envoyKeys);
    expect(envoyEnrol.statement.authority).toBe(ADMIN);
    expect(endorsementProblem(envoyEnrol, ENVOY, asAdmin(ADMIN))).toBeNull();
    expect(directory.apply(envoyEnrol, 1)).toMatchObject({ ok: false });
    expect(directory.apply(countersign(envoyEnrol, adminKeys), 2)).toMatchObject({ ok: true });

    const current = directory.currentKey(ENVOY);
    const head = directory.headOf(ENVOY);
    if (!current || !head) {
      throw new Error('expected the envoy in the directory');
    }
    const revoke = adminRevokeStatement(current, head, ADMIN);
    const signed = { statement: revoke, signatures: [signKeyStatement(revoke, { person: ADMIN, ...adminKeys })] };
    expect(directory.apply(signed, 3)).toMatchObject({ ok: true });
    expect(directory.currentKey(ENVOY)).toBeUndefined();
  });

  it('refuses to endorse before the inviting admin, into another party, twice, or with a bad own signature', () => {
    const adminKeys = generateIdentityKeys();
    const envoyEnrol = signedEnrolStatement(
      offer(ENVOY, 'envoy', { id: ADMIN, name: 'Admin' }),
      generateIdentityKeys(),
    );
    expect(endorsementProblem(envoyEnrol, ENVOY, asAdmin(ADMIN2))).toMatch(/invited them signs first/);
    expect(endorsementProblem(envoyEnrol, ENVOY, asAdmin(ADMIN, OTHER_PARTY))).toMatch(/another party/);
    expect(endorsementProblem(envoyEnrol, ADMIN, asAdmin(ADMIN))).toMatch(/not their enrolment/);
    // Once the inviting admin signed, another admin of the party adds theirs (a threshold above one).
    const countersigned = countersign(envoyEnrol, adminKeys);
    expect(endorsementProblem(countersigned, ENVOY, asAdmin(ADMIN2))).toBeNull();
    expect(endorsementProblem(countersigned, ENVOY, asAdmin(ADMIN))).toMatch(/already signed/);
    const renamed = { ...envoyEnrol, statement: { ...envoyEnrol.statement, name: 'Someone else' } };
    expect(endorsementProblem(renamed, ENVOY, asAdmin(ADMIN))).toMatch(/own valid signature/);
    const swapped = { ...envoyEnrol, statement: { ...envoyEnrol.statement, keyId: generateIdentityKeys().keyId } };
    expect(endorsementProblem(swapped, ENVOY, asAdmin(ADMIN))).toMatch(/not derived/);
  });
});
