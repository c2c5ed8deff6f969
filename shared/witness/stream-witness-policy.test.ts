import { beforeAll, describe, expect, it } from 'vitest';
import { testLog, treeOf } from '../../test/helpers/witness-fixtures';
import { initCrypto, sodium } from '../crypto/sodium';
import { formatCosignatureLine } from './cosignature';
import { type CosignerKey, cosignerKeyOf } from './cosigner-key';
import { evaluateWitnessPolicy, partiesRequired, STREAM_MEMBERS_POLICY } from './witness-policy';
import { checkWitnessedCheckpoint, isLeafWitnessed } from './witnessed-checkpoint';

const keyOf = (name: string, fill: number): CosignerKey => cosignerKeyOf(name, new Uint8Array(32).fill(fill));
const a1 = keyOf('witness.a/1', 1);
const b1 = keyOf('witness.b/1', 3);
const c1 = keyOf('witness.c/1', 4);
const pins = [
  { key: a1, party: 'party-a' },
  { key: b1, party: 'party-b' },
  { key: c1, party: 'party-c' },
];
const stream = new Set(['party-b', 'party-a']);
const cosignedBy = (...keys: CosignerKey[]) => keys.map((witness, index) => ({ witness, timestamp: 10 + index }));

describe('the default witness policy: one witness of each member party of the stream', () => {
  it('asks for exactly the member parties of the stream read, sorted', () => {
    expect(partiesRequired(STREAM_MEMBERS_POLICY, stream)).toEqual(['party-a', 'party-b']);
    expect(partiesRequired(STREAM_MEMBERS_POLICY)).toEqual([]);
    expect(partiesRequired({ kind: 'each-party', parties: ['x', 'x'] }, stream)).toEqual(['x']);
    expect(partiesRequired({ kind: 'threshold', threshold: 1 }, stream)).toBeUndefined();
  });

  it('calls a checkpoint witnessed once a witness of every member party cosigned it', () => {
    expect(evaluateWitnessPolicy(cosignedBy(b1, a1), pins, STREAM_MEMBERS_POLICY, stream)).toEqual({
      isWitnessed: true,
      witnessedBy: ['witness.a/1', 'witness.b/1'],
      missingParties: [],
      latestCosignedAt: 11,
    });
  });

  it("does not count a non-member party's witness for a missing member party", () => {
    expect(evaluateWitnessPolicy(cosignedBy(a1, c1), pins, STREAM_MEMBERS_POLICY, stream)).toMatchObject({
      isWitnessed: false,
      missingParties: ['party-b'],
    });
  });

  it("is not witnessed while a member party's witness has not cosigned", () => {
    const grown = new Set([...stream, 'party-c']);
    expect(evaluateWitnessPolicy(cosignedBy(a1, b1), pins, STREAM_MEMBERS_POLICY, grown)).toMatchObject({
      isWitnessed: false,
      missingParties: ['party-c'],
    });
    const unpinned = new Set([...stream, 'party-d']);
    expect(evaluateWitnessPolicy(cosignedBy(a1, b1, c1), pins, STREAM_MEMBERS_POLICY, unpinned)).toMatchObject({
      isWitnessed: false,
      missingParties: ['party-d'],
    });
  });

  it('ignores a cosignature by a key not pinned, even under a pinned name', () => {
    const impostor = keyOf('witness.b/1', 9);
    const stranger = keyOf('witness.elsewhere/1', 8);
    expect(
      evaluateWitnessPolicy(cosignedBy(a1, impostor, stranger), pins, STREAM_MEMBERS_POLICY, stream),
    ).toMatchObject({ isWitnessed: false, witnessedBy: ['witness.a/1'], missingParties: ['party-b'] });
  });

  it('never calls anything witnessed without a stream, nor for a stream without members', () => {
    expect(evaluateWitnessPolicy(cosignedBy(a1, b1, c1), pins, STREAM_MEMBERS_POLICY).isWitnessed).toBe(false);
    expect(evaluateWitnessPolicy(cosignedBy(a1), pins, STREAM_MEMBERS_POLICY, new Set()).isWitnessed).toBe(false);
  });

  it('keeps an explicit each-party policy independent of the stream', () => {
    const policy = { kind: 'each-party', parties: ['party-c'] } as const;
    expect(evaluateWitnessPolicy(cosignedBy(c1), pins, policy, stream).isWitnessed).toBe(true);
  });
});

describe('a cosigned note under the default policy', () => {
  beforeAll(initCrypto);

  it('counts only verified lines of pinned witnesses of member parties, ignoring unknown keys', () => {
    const log = testLog();
    const note = log.checkpoint(treeOf(5));
    const body = note.slice(0, note.lastIndexOf('\n\n') + 1);
    const witnesses = ['a', 'b', 'x'].map((party, index) => {
      const { publicKey, privateKey } = sodium.crypto_sign_seed_keypair(new Uint8Array(32).fill(40 + index));
      const key = cosignerKeyOf(`witness.${party}.test/1`, publicKey);
      const line = formatCosignatureLine(body, key, 100 + index, (m) => sodium.crypto_sign_detached(m, privateKey));
      return { key, party: `party-${party}`, line };
    });
    const [a, b, unknown] = witnesses as [(typeof witnesses)[0], (typeof witnesses)[0], (typeof witnesses)[0]];
    const trust = {
      logKey: log.verifierKey,
      origin: log.origin,
      witnesses: [a, b].map(({ key, party }) => ({ key, party })),
      policy: STREAM_MEMBERS_POLICY,
      members: new Set(['party-a', 'party-b']),
    };
    const onlyA = checkWitnessedCheckpoint(`${note}${a.line}${unknown.line}`, trust);
    expect(onlyA.ok && onlyA.outcome).toMatchObject({ isWitnessed: false, missingParties: ['party-b'] });
    const both = checkWitnessedCheckpoint(`${note}${a.line}${unknown.line}${b.line}`, trust);
    expect(both.ok && both.outcome).toMatchObject({ isWitnessed: true, witnessedBy: [a.key.name, b.key.name] });
    expect([isLeafWitnessed(4, both), isLeafWitnessed(5, both)]).toEqual([true, false]);
    const notForThisStream = checkWitnessedCheckpoint(`${note}${a.line}${b.line}`, {
      ...trust,
      members: new Set(['party-a', 'party-b', 'party-x']),
    });
    expect(notForThisStream.ok && notForThisStream.outcome.isWitnessed).toBe(false);
  });
});
