import { beforeAll, describe, expect, it } from 'vitest';
import { generateIdentityKeys } from '../crypto/identity-keys';
import { keyStatementHash } from '../crypto/key-statement';
import { initCrypto } from '../crypto/sodium';
import { fromBase64url, toBase64url } from '../encoding/bytes';
import type { SignedKeyStatement } from '../schemas/key-statement';
import {
  atPositions,
  bootstrap,
  enrol,
  IDS,
  person,
  revoke,
  rotate,
  signedBy,
  statementAbout,
} from './directory-fixtures';
import { verifyKeyDirectory } from './verify-directory';

beforeAll(initCrypto);

describe('verifyKeyDirectory', () => {
  it('after a key rotation, statements signed with the old key before it still verify; one signed after is refused', () => {
    const admin = person(IDS.admin, 'admin');
    const envoy = person(IDS.envoy, 'envoy');
    const staff = person(IDS.staff, 'staff');
    const adminEnrol = bootstrap(admin);
    const oldAdmin = { ...admin };
    const envoyEnrol = enrol(envoy, admin); // endorsed with the old admin key
    const rotation = rotate(admin, adminEnrol);
    const lateEndorsement = enrol(staff, oldAdmin); // the old key, after the rotation
    const { state, failures } = verifyKeyDirectory(atPositions([adminEnrol, envoyEnrol, rotation, lateEndorsement]));
    expect(state.currentKey(IDS.envoy)?.keyId).toBe(envoy.keys.keyId);
    expect(state.currentKey(IDS.staff)).toBeUndefined();
    expect(failures).toEqual([
      {
        position: 3,
        statementHash: keyStatementHash(lateEndorsement),
        reason: expect.stringMatching(/^signed with a superseded key: .* rotated away at position 2$/),
      },
    ]);
    // The same endorsement with the current key is accepted.
    const again = verifyKeyDirectory(atPositions([adminEnrol, envoyEnrol, rotation, enrol(staff, admin)]));
    expect(again.failures).toEqual([]);
  });

  it('refuses a statement signed with a revoked key', () => {
    const admin = person(IDS.admin, 'admin');
    const admin2 = person(IDS.admin2, 'admin');
    const envoy = person(IDS.envoy, 'envoy');
    const adminEnrol = bootstrap(admin);
    const { failures } = verifyKeyDirectory(
      atPositions([adminEnrol, enrol(admin2, admin), revoke(admin, adminEnrol, admin2), enrol(envoy, admin)]),
    );
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ position: 3 });
    expect(failures[0]?.reason).toMatch(
      /^signed with a revoked key: .* revoked at position 2 \(.* has no current key\)$/,
    );
  });

  it('names every refused statement and goes on applying the rest', () => {
    const admin = person(IDS.admin, 'admin');
    const envoy = person(IDS.envoy, 'envoy');
    const staff = person(IDS.staff, 'staff');
    const adminEnrol = bootstrap(admin);
    const bogus = { statement: { ...adminEnrol.statement, v: 2 }, signatures: [] } as unknown as SignedKeyStatement;
    const unendorsed = signedBy(statementAbout(envoy, { authority: IDS.admin, invitation: IDS.invitation }), envoy);
    const { state, failures } = verifyKeyDirectory([
      { signed: adminEnrol, position: 0 },
      { signed: bogus, position: 1 },
      { signed: unendorsed, position: 2 },
      { signed: enrol(staff, admin), position: 3 },
      { signed: enrol(envoy, admin), position: 3 },
      { signed: enrol(envoy, admin), position: 4 },
    ]);
    expect(failures.map(({ position, reason }) => [position, reason.split(':')[0]])).toEqual([
      [1, 'malformed statement'],
      [2, `missing the signature of ${IDS.admin} with key ${admin.keys.keyId}`],
      [3, 'log position 3 does not follow 3'],
    ]);
    expect(failures[1]?.statementHash).toBe(keyStatementHash(unendorsed));
    expect(state.people()).toEqual([IDS.admin, IDS.staff, IDS.envoy]);
  });

  it('refuses a statement with any signature byte or any field altered', () => {
    const admin = person(IDS.admin, 'admin');
    const envoy = person(IDS.envoy, 'envoy');
    const adminEnrol = bootstrap(admin);
    const envoyEnrol = enrol(envoy, admin);
    const refused = (signed: SignedKeyStatement) =>
      verifyKeyDirectory(atPositions([adminEnrol, signed])).failures.length === 1;

    let altered = 0;
    envoyEnrol.signatures.forEach((signature, which) => {
      const bytes = fromBase64url(signature.signature);
      for (let index = 0; index < bytes.length; index++) {
        for (const bit of [0x01, 0x80]) {
          const copy = bytes.slice();
          copy[index] = (copy[index] ?? 0) ^ bit;
          const signatures = envoyEnrol.signatures.map((original, at) =>
            at === which ? { ...original, signature: toBase64url(copy) } : original,
          );
          expect(refused({ ...envoyEnrol, signatures }), `signature ${which} byte ${index}`).toBe(true);
          altered++;
        }
      }
      for (const field of ['signer', 'keyId'] as const) {
        const signatures = envoyEnrol.signatures.map((original, at) =>
          at === which
            ? { ...original, [field]: field === 'signer' ? IDS.staff : generateIdentityKeys().keyId }
            : original,
        );
        expect(refused({ ...envoyEnrol, signatures }), `signature ${which} ${field}`).toBe(true);
      }
    });
    expect(altered).toBe(256);

    const other = person(IDS.staff, 'staff', IDS.partyB);
    const changes: Record<string, string | number> = {
      v: 2,
      kind: 'rotate',
      person: IDS.staff,
      party: IDS.partyB,
      role: 'staff',
      name: 'Someone else',
      seq: 2,
      prevHash: keyStatementHash(adminEnrol),
      keyId: other.keys.keyId,
      signKey: toBase64url(other.keys.signPublicKey),
      boxKey: toBase64url(other.keys.boxPublicKey),
      issuedAt: '2026-11-28T15:00:00.001Z',
      authority: IDS.admin2,
      invitation: '',
    };
    expect(Object.keys(changes).sort()).toEqual(Object.keys(envoyEnrol.statement).sort());
    for (const [field, value] of Object.entries(changes)) {
      const statement = { ...envoyEnrol.statement, [field]: value } as SignedKeyStatement['statement'];
      expect(refused({ ...envoyEnrol, statement }), field).toBe(true);
    }
  });
});
