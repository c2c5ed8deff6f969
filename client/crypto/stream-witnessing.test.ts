import { describe, expect, it } from 'vitest';
import { cosignerKeyOf } from '../../shared/witness/cosigner-key';
import { STREAM_MEMBERS_POLICY } from '../../shared/witness/witness-policy';
import type { WitnessView } from './log-witnesses';
import { streamWitnessing } from './stream-witnessing';
import { logWidePolicy } from './witness-pins';

const key = (name: string, fill: number) => cosignerKeyOf(name, new Uint8Array(32).fill(fill));
const pins = {
  witnesses: [
    { key: key('witness.a/1', 1), party: 'a' },
    { key: key('witness.b/1', 2), party: 'b' },
    { key: key('witness.c/1', 3), party: 'c' },
  ],
  policy: STREAM_MEMBERS_POLICY,
};
const view = (witnessedBy: string[]): WitnessView => ({
  isWitnessed: false,
  treeSize: 9,
  witnessedBy,
  missingParties: [],
  latestCosignedAt: 100,
});

describe("a stream's witness state in the browser", () => {
  it('is witnessed when a witness of each member party cosigned, whoever else did not', () => {
    expect(streamWitnessing(view(['witness.a/1', 'witness.b/1']), pins, ['b', 'a'])).toEqual({
      isWitnessed: true,
      treeSize: 9,
      witnessedBy: ['witness.a/1', 'witness.b/1'],
      missingParties: [],
    });
  });

  it("is not witnessed by a non-member's witness, and names the member party missing", () => {
    expect(streamWitnessing(view(['witness.a/1', 'witness.c/1']), pins, ['a', 'b'])).toMatchObject({
      isWitnessed: false,
      missingParties: ['b'],
    });
  });

  it('ignores names the pins do not hold, and is unknown without pins or a check', () => {
    expect(streamWitnessing(view(['witness.a/1', 'witness.b/2']), pins, ['a', 'b'])?.isWitnessed).toBe(false);
    expect(streamWitnessing(null, pins, ['a'])).toBeNull();
    expect(streamWitnessing(view([]), null, ['a'])).toBeNull();
    expect(streamWitnessing({ ...view(['witness.a/1']), treeSize: null }, pins, ['a'])?.isWitnessed).toBe(false);
  });

  it('keeps the log page on a witness of every party the pins name', () => {
    expect(logWidePolicy(pins)).toEqual({ kind: 'each-party', parties: ['a', 'b', 'c'] });
    const threshold = { ...pins, policy: { kind: 'threshold', threshold: 2 } as const };
    expect(logWidePolicy(threshold)).toBe(threshold.policy);
    expect(streamWitnessing(view(['witness.c/1', 'witness.b/1']), threshold, ['a'])?.isWitnessed).toBe(true);
  });
});
