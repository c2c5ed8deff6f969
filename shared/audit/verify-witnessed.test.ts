import { beforeAll, describe, expect, it } from 'vitest';
import { testLog, treeOf } from '../../test/helpers/witness-fixtures';
import { initCrypto, sodium } from '../crypto/sodium';
import { formatCosignatureLine } from '../witness/cosignature';
import { cosignerKeyOf } from '../witness/cosigner-key';
import type { WitnessPolicy } from '../witness/witness-policy';
import { assessWitnessing } from './verify-witnessed';

beforeAll(initCrypto);

const witnessOf = (party: string, fill: number) => {
  const { publicKey, privateKey } = sodium.crypto_sign_seed_keypair(new Uint8Array(32).fill(fill));
  const key = cosignerKeyOf(`witness.${party}.test/1`, publicKey);
  const cosign = (note: string) => {
    const body = note.slice(0, note.lastIndexOf('\n\n') + 1);
    return formatCosignatureLine(body, key, 1000 + fill, (m) => sodium.crypto_sign_detached(m, privateKey));
  };
  return { pin: { key, party }, cosign };
};

describe('witnessing of a bundle under the default policy (AUDIT-BUNDLE.md §4, step 6d)', () => {
  it("witnesses each stream's entries under a checkpoint cosigned by a witness of each of its member parties", () => {
    const log = testLog();
    const tree = treeOf(8);
    const [a, b, c] = [witnessOf('a', 1), witnessOf('b', 2), witnessOf('c', 3)];
    const four = log.checkpoint(tree, 4);
    const eight = log.checkpoint(tree, 8);
    // Size 4 cosigned by a and b; size 8 by a and c only.
    const notes = [`${four}${a.cosign(four)}${b.cosign(four)}`, `${eight}${a.cosign(eight)}${c.cosign(eight)}`];
    const trust = {
      logKey: log.verifierKey,
      origin: log.origin,
      witnesses: [a.pin, b.pin, c.pin],
      policy: { kind: 'stream-members' } as WitnessPolicy,
    };
    const streams = new Map([
      ['ab', { members: ['a', 'b'], lastLeaf: 6 }],
      ['ac', { members: ['a', 'c'], lastLeaf: 7 }],
      ['bc', { members: ['b', 'c'], lastLeaf: 5 }],
    ]);
    const assessed = assessWitnessing(notes, [], trust, streams);
    expect(assessed.streams).toEqual([
      {
        stream: 'ab',
        members: ['a', 'b'],
        lastLeaf: 6,
        witnessed: { treeSize: 4, witnessedBy: ['witness.a.test/1', 'witness.b.test/1'] },
        missingParties: [],
      },
      {
        stream: 'ac',
        members: ['a', 'c'],
        lastLeaf: 7,
        witnessed: { treeSize: 8, witnessedBy: ['witness.a.test/1', 'witness.c.test/1'] },
        missingParties: [],
      },
      { stream: 'bc', members: ['b', 'c'], lastLeaf: 5, missingParties: ['b'] },
    ]);
    // The log as a whole needs a witness of every pinned party: no checkpoint has all three.
    expect(assessed.witnessed).toBeUndefined();
    const explicit = assessWitnessing(notes, [], { ...trust, policy: { kind: 'each-party', parties: ['a', 'c'] } });
    expect([explicit.witnessed?.treeSize, explicit.streams]).toEqual([8, []]);
  });
});
