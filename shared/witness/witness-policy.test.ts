import { describe, expect, it } from 'vitest';
import { appendSignatureLines } from './cosignature';
import { type CosignerKey, cosignerKeyOf, formatCosignerKey } from './cosigner-key';
import { evaluateWitnessPolicy, parseWitnessPins } from './witness-policy';

const keyOf = (name: string, fill: number): CosignerKey => cosignerKeyOf(name, new Uint8Array(32).fill(fill));
const a1 = keyOf('witness.a/1', 1);
const a2 = keyOf('witness.a/2', 2);
const b1 = keyOf('witness.b/1', 3);
const pins = [
  { key: a1, party: 'party-a' },
  { key: a2, party: 'party-a' },
  { key: b1, party: 'party-b' },
];

describe('the witness policy', () => {
  it('by default asks one cosigning witness of every member party', () => {
    const policy = { kind: 'each-party', parties: ['party-a', 'party-b'] } as const;
    expect(evaluateWitnessPolicy([{ witness: a2, timestamp: 10 }], pins, policy)).toEqual({
      isWitnessed: false,
      witnessedBy: ['witness.a/2'],
      missingParties: ['party-b'],
      latestCosignedAt: 10,
    });
    const both = evaluateWitnessPolicy(
      [
        { witness: a1, timestamp: 10 },
        { witness: b1, timestamp: 12 },
      ],
      pins,
      policy,
    );
    expect(both).toEqual({
      isWitnessed: true,
      witnessedBy: ['witness.a/1', 'witness.b/1'],
      missingParties: [],
      latestCosignedAt: 12,
    });
  });

  it('never calls a checkpoint witnessed for a stream with no member party, nor by an unpinned key', () => {
    expect(
      evaluateWitnessPolicy([{ witness: a1, timestamp: 1 }], pins, { kind: 'each-party', parties: [] }).isWitnessed,
    ).toBe(false);
    const stranger = keyOf('witness.a/1', 9);
    expect(
      evaluateWitnessPolicy([{ witness: stranger, timestamp: 1 }], pins, { kind: 'each-party', parties: ['party-a'] }),
    ).toMatchObject({ isWitnessed: false, witnessedBy: [] });
  });

  it('counts distinct pinned witnesses under a threshold policy', () => {
    const cosigned = [
      { witness: a1, timestamp: 1 },
      { witness: a2, timestamp: 2 },
    ];
    expect(evaluateWitnessPolicy(cosigned, pins, { kind: 'threshold', threshold: 2 }).isWitnessed).toBe(true);
    expect(evaluateWitnessPolicy(cosigned, pins, { kind: 'threshold', threshold: 3 }).isWitnessed).toBe(false);
    expect(evaluateWitnessPolicy(cosigned, pins, { kind: 'threshold', threshold: 0 }).isWitnessed).toBe(false);
  });
});

describe('witness pins', () => {
  it('reads party=key and bare keys, separated by commas or newlines', () => {
    const text = `party-a=${formatCosignerKey(a1)},\n${formatCosignerKey(b1)}`;
    expect(parseWitnessPins(text)).toEqual({ ok: true, witnesses: [{ key: a1, party: 'party-a' }, { key: b1 }] });
  });

  it('refuses a bad key, an empty party and a name pinned twice', () => {
    expect(parseWitnessPins('party-a=witness.a/1+00000000+AQ==').ok).toBe(false);
    expect(parseWitnessPins(`=${formatCosignerKey(a1)}`).ok).toBe(false);
    expect(parseWitnessPins(`${formatCosignerKey(a1)},${formatCosignerKey(keyOf('witness.a/1', 7))}`).ok).toBe(false);
  });
});

describe('appending cosignature lines', () => {
  it('adds new lines after the signatures once, keeping the ones already there', () => {
    const note = 'log\n1\nroot\n\n\u2014 log AAAA\n';
    const line = '\u2014 witness BBBB\n';
    expect(appendSignatureLines(note, [line, line])).toBe(`${note}${line}`);
    expect(appendSignatureLines(`${note}${line}`, [line])).toBe(`${note}${line}`);
  });
});
