import { beforeAll, describe, expect, it } from 'vitest';
import { keyStatementHash } from '../crypto/key-statement';
import { initCrypto } from '../crypto/sodium';
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
import { applyKeyStatement, emptyDirectory } from './directory-state';
import { verifyKeyDirectory } from './verify-directory';

beforeAll(initCrypto);

describe('directory state', () => {
  it('follows a full lifecycle: bootstrap, endorsements, two rotations, a self-revocation and an admin revocation', () => {
    const admin = person(IDS.admin, 'admin');
    const envoy = person(IDS.envoy, 'envoy');
    const staff = person(IDS.staff, 'staff');
    const adminEnrol = bootstrap(admin);
    const envoyEnrol = enrol(envoy, admin);
    const staffEnrol = enrol(staff, admin);
    const firstEnvoyKey = envoy.keys.keyId;
    const rotation1 = rotate(envoy, envoyEnrol);
    const secondEnvoyKey = envoy.keys.keyId;
    const rotation2 = rotate(envoy, rotation1);
    const selfRevoke = revoke(envoy, rotation2);
    const adminRevoke = revoke(staff, staffEnrol, admin);
    const { state, failures } = verifyKeyDirectory([
      { signed: adminEnrol, position: 0 },
      { signed: envoyEnrol, position: 2 },
      { signed: staffEnrol, position: 3 },
      { signed: rotation1, position: 5 },
      { signed: rotation2, position: 8 },
      { signed: selfRevoke, position: 13 },
      { signed: adminRevoke, position: 21 },
    ]);
    expect(failures).toEqual([]);
    expect(state.people()).toEqual([IDS.admin, IDS.envoy, IDS.staff]);
    expect(state.keys()).toHaveLength(5);
    expect(state.currentKey(IDS.admin)?.keyId).toBe(admin.keys.keyId);
    expect(state.currentKey(IDS.envoy)).toBeUndefined();
    expect(state.currentKey(IDS.staff)).toBeUndefined();
    expect(state.keyRecord(firstEnvoyKey)).toMatchObject({ validFrom: 2, endedAt: 5, endedBy: 'rotate' });
    expect(state.keyRecord(secondEnvoyKey)).toMatchObject({ validFrom: 5, endedAt: 8, endedBy: 'rotate' });
    expect(state.keyRecord(envoy.keys.keyId)).toMatchObject({
      person: IDS.envoy,
      party: IDS.partyA,
      role: 'envoy',
      validFrom: 8,
      endedAt: 13,
      endedBy: 'revoke',
      bootstrap: false,
    });
    expect(state.keyRecord(staff.keys.keyId)).toMatchObject({ validFrom: 3, endedAt: 21, endedBy: 'revoke' });
    expect(state.keyRecord(admin.keys.keyId)).toMatchObject({ validFrom: 0, bootstrap: true });
    expect(state.keyRecord(admin.keys.keyId)?.endedAt).toBeUndefined();
    expect(state.headOf(IDS.envoy)).toEqual({ seq: 4, hash: keyStatementHash(selfRevoke), currentKeyId: null });
    expect(state.headOf(IDS.staff)).toEqual({ seq: 2, hash: keyStatementHash(adminRevoke), currentKeyId: null });
    expect(state.lastPosition).toBe(21);
  });

  it('judges key validity at a position strictly: after publication, before the end', () => {
    const admin = person(IDS.admin, 'admin');
    const envoy = person(IDS.envoy, 'envoy');
    const envoyEnrol = enrol(envoy, admin);
    const first = envoy.keys.keyId;
    const { state } = verifyKeyDirectory([
      { signed: bootstrap(admin), position: 0 },
      { signed: envoyEnrol, position: 4 },
      { signed: rotate(envoy, envoyEnrol), position: 9 },
    ]);
    expect([3, 4, 5, 8, 9, 10].map((position) => state.isKeyValidAt(first, position))).toEqual([
      false,
      false,
      true,
      true,
      false,
      false,
    ]);
    expect([8, 9, 10, 1e9].map((position) => state.isKeyValidAt(envoy.keys.keyId, position))).toEqual([
      false,
      false,
      true,
      true,
    ]);
    expect(state.isKeyValidAt('AAAAAAAAAAAAAAAAAAAAAA', 5)).toBe(false);
  });

  it('keeps the bootstrap mark through a rotation, and endorsed keys are not marked', () => {
    const admin = person(IDS.admin, 'admin');
    const admin2 = person(IDS.admin2, 'admin');
    const adminEnrol = bootstrap(admin);
    const { state, failures } = verifyKeyDirectory(
      atPositions([adminEnrol, rotate(admin, adminEnrol), enrol(admin2, admin)]),
    );
    expect(failures).toEqual([]);
    expect(state.currentKey(IDS.admin)?.bootstrap).toBe(true);
    expect(state.currentKey(IDS.admin2)?.bootstrap).toBe(false);
  });

  it('lets the name change on rotation and records it', () => {
    const admin = person(IDS.admin, 'admin');
    const adminEnrol = bootstrap(admin);
    const old = { id: admin.id, keys: admin.keys };
    const renamed = rotate(admin, adminEnrol);
    const statement = { ...renamed.statement, name: 'Ada Lovelace' };
    const { state, failures } = verifyKeyDirectory(atPositions([adminEnrol, signedBy(statement, old, admin)]));
    expect(failures).toEqual([]);
    expect(state.currentKey(IDS.admin)?.name).toBe('Ada Lovelace');
  });

  it('applyKeyStatement leaves the given state unchanged and returns a new one', () => {
    const admin = person(IDS.admin, 'admin');
    const envoy = person(IDS.envoy, 'envoy');
    const empty = emptyDirectory();
    const first = applyKeyStatement(empty, bootstrap(admin), 0);
    if (!first.ok) {
      throw new Error(first.reason);
    }
    expect(empty.people()).toEqual([]);
    expect(empty.lastPosition).toBe(-1);
    const second = applyKeyStatement(first.state, enrol(envoy, admin), 1);
    expect(second).toMatchObject({ ok: true, record: { keyId: envoy.keys.keyId, validFrom: 1 } });
    expect(first.state.people()).toEqual([IDS.admin]);
    expect(second.ok && second.state.people()).toEqual([IDS.admin, IDS.envoy]);
    expect(Object.isFrozen(first.state.keyRecord(admin.keys.keyId))).toBe(true);
  });

  it('leaves the state unchanged when a statement is refused, in place or not', () => {
    const admin = person(IDS.admin, 'admin');
    const envoy = person(IDS.envoy, 'envoy');
    const state = emptyDirectory();
    expect(state.apply(bootstrap(admin), 0).ok).toBe(true);
    const unendorsed = signedBy(statementAbout(envoy, { authority: IDS.admin }), envoy);
    expect(state.apply(unendorsed, 1).ok).toBe(false);
    expect(applyKeyStatement(state, unendorsed, 1).ok).toBe(false);
    expect(state.people()).toEqual([IDS.admin]);
    expect(state.lastPosition).toBe(0);
    expect(state.apply(enrol(envoy, admin), 1).ok).toBe(true);
  });

  it('returns the ended record for a revocation', () => {
    const admin = person(IDS.admin, 'admin');
    const admin2 = person(IDS.admin2, 'admin');
    const adminEnrol = bootstrap(admin);
    const state = emptyDirectory();
    state.apply(adminEnrol, 0);
    state.apply(enrol(admin2, admin), 1);
    expect(state.apply(revoke(admin, adminEnrol), 2)).toMatchObject({
      ok: true,
      record: { keyId: admin.keys.keyId, endedAt: 2, endedBy: 'revoke' },
    });
  });

  it("refuses to revoke a party's last admin, which would leave it without anyone to act for it", () => {
    const admin = person(IDS.admin, 'admin');
    const adminEnrol = bootstrap(admin);
    const state = emptyDirectory();
    state.apply(adminEnrol, 0);
    const refused = state.apply(revoke(admin, adminEnrol), 1);
    expect(refused).toMatchObject({ ok: false });
    expect(refused.ok ? '' : refused.reason).toMatch(/fewer than its threshold 1/);
    expect(state.currentKey(IDS.admin)?.keyId).toBe(admin.keys.keyId);
  });
});
