import { describe, expect, it } from 'vitest';
import { formatCosignerKey } from '../../shared/witness/cosigner-key';
import { changeWitnessPins, storedLogStatus } from './log-pin';
import { useMemoryLocalStorage } from './memory-local-storage';
import { forgetWitnessPins, pinPastedWitnesses, replaceWitnessPins } from './witness-pin-changes';

const VIEW_KEY = 'parley.log.witness-view.v1';
const A = `party-a=${formatCosignerKey({ name: 'witness.a.test/w1', publicKey: new Uint8Array(32).fill(1) })}`;
const B = `party-b=${formatCosignerKey({ name: 'witness.b.test/w1', publicKey: new Uint8Array(32).fill(2) })}`;
const VIEW = { isWitnessed: true, treeSize: 4, witnessedBy: ['witness.a.test/w1'], missingParties: [] };

const store = useMemoryLocalStorage();

describe('changing the witness pins from the log page', () => {
  it('drops what the old pins were shown to say, so nothing is called witnessed under new pins unchecked', () => {
    pinPastedWitnesses(A);
    store.set(VIEW_KEY, JSON.stringify(VIEW));
    expect(storedLogStatus().witness).toEqual(VIEW);
    const { change, status } = changeWitnessPins(() => replaceWitnessPins(B, A));
    expect(change.ok).toBe(true);
    expect(status.witnessPins?.text).toBe(B);
    expect(status.witness).toBeNull();
    expect(store.has(VIEW_KEY)).toBe(false);
  });

  it('keeps the pins and what they were shown to say when the change is refused', () => {
    pinPastedWitnesses(A);
    store.set(VIEW_KEY, JSON.stringify(VIEW));
    const { change, status } = changeWitnessPins(() => forgetWitnessPins(B));
    expect(change).toEqual({ ok: false, refusal: { kind: 'changed' } });
    expect(status.witnessPins?.text).toBe(A);
    expect(status.witness).toEqual(VIEW);
  });
});
