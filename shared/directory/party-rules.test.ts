import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../crypto/sodium';
import type { SignedKeyStatement } from '../schemas/key-statement';
import {
  after,
  bootstrap,
  endorse,
  enrol,
  enrolByQuorum,
  IDS,
  person,
  policy,
  revoke,
  rotate,
  signedBy,
  statementAbout,
} from './directory-fixtures';
import { type DirectoryState, emptyDirectory } from './directory-state';

beforeAll(initCrypto);

const ADMIN_B = 'b0b0b0b0-b0b0-4b0b-8b0b-b0b0b0b0b0b0';
const ENVOY_B = 'b1b1b1b1-b1b1-4b1b-8b1b-b1b1b1b1b1b1';
const ADMIN_A3 = 'a3a3a3a3-a3a3-4a3a-8a3a-a3a3a3a3a3a3';

/** Applies statements at consecutive positions; throws on the first refusal except the last, whose outcome it returns. */
const applyAll = (state: DirectoryState, statements: readonly SignedKeyStatement[], first = 0) => {
  let outcome: ReturnType<DirectoryState['apply']> | undefined;
  statements.forEach((signed, index) => {
    outcome = state.apply(signed, first + index);
    if (!outcome.ok && index < statements.length - 1) {
      throw new Error(`statement ${index} refused: ${outcome.reason}`);
    }
  });
  return outcome as ReturnType<DirectoryState['apply']>;
};

const reasonOf = (outcome: ReturnType<DirectoryState['apply']>) => (outcome.ok ? 'accepted' : outcome.reason);

/** Party A: root admin and an envoy; party B: its root admin and an envoy. */
const twoParties = () => {
  const adminA = person(IDS.admin, 'admin');
  const envoyA = person(IDS.envoy, 'envoy');
  const adminB = person(ADMIN_B, 'admin', IDS.partyB);
  const envoyB = person(ENVOY_B, 'envoy', IDS.partyB);
  const statements = [bootstrap(adminA), enrol(envoyA, adminA), bootstrap(adminB), enrol(envoyB, adminB)];
  const state = emptyDirectory();
  applyAll(state, statements);
  return { adminA, envoyA, adminB, envoyB, statements, state };
};

describe('party roots', () => {
  it("makes each party's bootstrapped first admin its root, with threshold 1", () => {
    const { state } = twoParties();
    expect(state.partyRecord(IDS.partyA)).toMatchObject({ root: IDS.admin, since: 0, threshold: 1 });
    expect(state.partyRecord(IDS.partyB)).toMatchObject({ root: ADMIN_B, since: 2, threshold: 1 });
    expect(state.currentKey(ENVOY_B)).toMatchObject({ partyEndorsed: true, endorsedBy: [ADMIN_B], legacy: false });
  });

  it('refuses a second bootstrapped admin into a party that has its root', () => {
    const { state } = twoParties();
    const intruder = person(ADMIN_A3, 'admin', IDS.partyB);
    expect(reasonOf(state.apply(bootstrap(intruder), 10))).toMatch(/already has its root .* only start a new party/);
    expect(state.headOf(ADMIN_A3)).toBeUndefined();
  });

  it('refuses an admin of party A enrolling a person into party B', () => {
    const { state, adminA } = twoParties();
    const intruder = person(ADMIN_A3, 'envoy', IDS.partyB);
    expect(reasonOf(state.apply(enrol(intruder, adminA), 10))).toMatch(/is an admin of party 1{8}-.*not of 2{8}-/);
  });

  it('refuses an admin of party A revoking a person of party B', () => {
    const { state, adminA, envoyB, statements } = twoParties();
    const enrolment = statements[3] as SignedKeyStatement;
    expect(reasonOf(state.apply(revoke(envoyB, enrolment, adminA), 10))).toMatch(/only a party's own admins/);
    expect(state.currentKey(ENVOY_B)).toBeDefined();
  });

  it('refuses an admin of party A rotating a person of party B to keys the admin holds', () => {
    const { state, adminA, envoyB, statements } = twoParties();
    const enrolment = statements[3] as SignedKeyStatement;
    const planted = person(ENVOY_B, 'envoy', IDS.partyB);
    const rotation = signedBy(statementAbout(planted, { kind: 'rotate', ...after(enrolment) }), adminA, planted);
    expect(reasonOf(state.apply(rotation, 10))).toMatch(/extra signature by a{8}-|missing the signature of b1b1/);
    expect(state.currentKey(ENVOY_B)?.keyId).toBe(envoyB.keys.keyId);
  });

  it('refuses an admin of party A endorsing a person of party B', () => {
    const { state, adminA, envoyB, statements } = twoParties();
    const enrolment = statements[3] as SignedKeyStatement;
    expect(reasonOf(state.apply(endorse(envoyB, enrolment, adminA), 10))).toMatch(/not of 2{8}-/);
  });

  it('keeps the party mark through a rotation', () => {
    const { state, envoyB, statements } = twoParties();
    expect(state.apply(rotate(envoyB, statements[3] as SignedKeyStatement), 10).ok).toBe(true);
    expect(state.currentKey(ENVOY_B)).toMatchObject({ partyEndorsed: true, endorsedBy: [ADMIN_B] });
  });
});

describe('party thresholds', () => {
  /** Party A with three admins (root, admin2 and admin3, both endorsed by the root), threshold raised to 2. */
  const quorumParty = () => {
    const admin = person(IDS.admin, 'admin');
    const admin2 = person(IDS.admin2, 'admin');
    const admin3 = person(ADMIN_A3, 'admin');
    const rootEnrol = bootstrap(admin);
    const state = emptyDirectory();
    applyAll(state, [rootEnrol, enrol(admin2, admin), enrol(admin3, admin), policy(admin, rootEnrol, 2)]);
    return { admin, admin2, admin3, state };
  };

  it('sets the threshold with a policy signed by the current quorum', () => {
    const { state } = quorumParty();
    expect(state.partyRecord(IDS.partyA)?.threshold).toBe(2);
  });

  it('then needs exactly two admins of the party to enrol someone', () => {
    const { admin, admin2, admin3, state } = quorumParty();
    const envoy = person(IDS.envoy, 'envoy');
    expect(reasonOf(state.apply(enrol(envoy, admin), 10))).toMatch(/needs 1 more admin\(s\)/);
    expect(reasonOf(state.apply(enrolByQuorum(envoy, admin, admin2, admin3), 11))).toMatch(/extra signature by a3a3/);
    expect(state.apply(enrolByQuorum(envoy, admin, admin2), 12).ok).toBe(true);
    expect(state.currentKey(IDS.envoy)?.endorsedBy).toEqual([IDS.admin, IDS.admin2]);
  });

  it('refuses a threshold the party has too few admins to meet, and a policy below the quorum', () => {
    const { admin, admin2, state } = quorumParty();
    const prior = state.headOf(IDS.admin);
    const raise = signedBy(
      statementAbout(admin, { kind: 'policy', seq: (prior?.seq ?? 0) + 1, prevHash: prior?.hash ?? '', threshold: 3 }),
      admin,
      admin2,
    );
    expect(state.apply(raise, 10).ok).toBe(true);
    const four = signedBy(
      statementAbout(admin, {
        kind: 'policy',
        seq: (state.headOf(IDS.admin)?.seq ?? 0) + 1,
        prevHash: state.headOf(IDS.admin)?.hash ?? '',
        threshold: 3,
      }),
      admin,
    );
    expect(reasonOf(state.apply(four, 11))).toMatch(/needs 2 more admin\(s\)/);
  });

  it('refuses a policy threshold larger than the number of admins', () => {
    const admin = person(IDS.admin, 'admin');
    const rootEnrol = bootstrap(admin);
    const state = emptyDirectory();
    state.apply(rootEnrol, 0);
    expect(reasonOf(state.apply(policy(admin, rootEnrol, 2), 1))).toMatch(/needs at least 2 admins/);
  });
});

describe('an upgraded deployment (statements below the legacy boundary)', () => {
  /** The old model: one operator admin of A enrols an admin and an envoy into party B. */
  const legacyWorld = () => {
    const operator = person(IDS.admin, 'admin');
    const adminB = person(ADMIN_B, 'admin', IDS.partyB);
    const envoyB = person(ENVOY_B, 'envoy', IDS.partyB);
    const statements = [bootstrap(operator), enrol(envoyB, operator), enrol(adminB, operator)];
    const state = emptyDirectory({ legacyBefore: 3 });
    applyAll(state, statements);
    return { operator, adminB, envoyB, statements, state };
  };

  it("accepts the old cross-party endorsements, makes each party's earliest admin its root and flags the rest", () => {
    const { state } = legacyWorld();
    expect(state.partyRecord(IDS.partyB)).toMatchObject({ root: ADMIN_B, since: 2 });
    expect(state.currentKey(ADMIN_B)).toMatchObject({ partyEndorsed: true, legacy: true });
    expect(state.currentKey(ENVOY_B)).toMatchObject({ partyEndorsed: false, endorsedBy: [IDS.admin], legacy: true });
  });

  it("lets the party's own admin endorse a flagged legacy key after the boundary, once", () => {
    const { adminB, envoyB, statements, state } = legacyWorld();
    const enrolment = statements[1] as SignedKeyStatement;
    const endorsement = endorse(envoyB, enrolment, adminB);
    expect(state.apply(endorsement, 3).ok).toBe(true);
    expect(state.currentKey(ENVOY_B)).toMatchObject({ partyEndorsed: true, endorsedBy: [ADMIN_B] });
    expect(reasonOf(state.apply(endorse(envoyB, endorsement, adminB), 4))).toMatch(/already endorsed/);
  });

  it('refuses, after the boundary, what the old rules allowed', () => {
    const { operator, state } = legacyWorld();
    const newcomer = person(ADMIN_A3, 'envoy', IDS.partyB);
    expect(reasonOf(state.apply(enrol(newcomer, operator), 3))).toMatch(/not of 2{8}-/);
  });

  it('refuses the new kinds below the boundary', () => {
    const operator = person(IDS.admin, 'admin');
    const rootEnrol = bootstrap(operator);
    const state = emptyDirectory({ legacyBefore: 5 });
    state.apply(rootEnrol, 0);
    expect(reasonOf(state.apply(policy(operator, rootEnrol, 1), 1))).toMatch(/did not exist before party roots/);
  });
});
