import { beforeAll, describe, expect, it } from 'vitest';
import { addRequest, type TestLog, testLog, treeOf } from '../../test/helpers/witness-fixtures';
import { initCrypto, sodium } from '../crypto/sodium';
import { verifyCheckpoint } from '../log/verify-checkpoint';
import { formatCosignatureLine } from './cosignature';
import { cosignerKeyOf } from './cosigner-key';
import { claimedTreeSize, findSplitView, type NotedCheckpoint, proofNeededFor } from './split-view';
import { checkWitnessedCheckpoint, isLeafWitnessed } from './witnessed-checkpoint';

let log: TestLog;
beforeAll(async () => {
  await initCrypto();
  log = testLog();
});

const noted = (note: string): NotedCheckpoint => {
  const verified = verifyCheckpoint(note, log.verifierKey, log.origin);
  if (!verified.ok) {
    throw new Error(verified.reason);
  }
  return { note, checkpoint: verified.checkpoint };
};

describe('split-view detection', () => {
  it('accepts two checkpoints of one history given the proof between them', () => {
    const tree = treeOf(9);
    const small = noted(log.checkpoint(tree, 4));
    const large = noted(log.checkpoint(tree, 9));
    expect(proofNeededFor(large, small)).toEqual({ from: 4, to: 9 });
    expect(findSplitView(large, small, tree.consistencyProof(4, 9))).toBeUndefined();
    expect(findSplitView(small, small, [])).toBeUndefined();
  });

  it('names both notes when two trees of one size differ, with no proof needed', () => {
    const a = noted(log.checkpoint(treeOf(6, 'a')));
    const b = noted(log.checkpoint(treeOf(6, 'b')));
    expect(proofNeededFor(a, b)).toBeUndefined();
    expect(findSplitView(a, b, [])).toEqual({
      reason: 'the log signed two trees of size 6 with different roots',
      notes: [a.note, b.note],
    });
  });

  it('names both notes, smaller first, when the smaller tree is not a prefix of the larger', () => {
    const a = noted(log.checkpoint(treeOf(5, 'a')));
    const forked = treeOf(8, 'b');
    const b = noted(log.checkpoint(forked));
    const alarm = findSplitView(b, a, forked.consistencyProof(5, 8));
    expect(alarm?.notes).toEqual([a.note, b.note]);
    expect(alarm?.reason).toMatch(/not proven a prefix/);
  });

  it('reads the claimed size of a note only to choose a proof', () => {
    expect(claimedTreeSize(log.checkpoint(treeOf(3)))).toBe(3);
    expect(claimedTreeSize('not a note')).toBeUndefined();
    expect(addRequest(log, treeOf(3), 0).startsWith('old 0\n\n')).toBe(true);
  });
});

describe('witnessed checkpoints', () => {
  it('is witnessed only with the policy met, and only for leaves inside its tree', () => {
    const witness = cosignerKeyOf('witness.test/a', new Uint8Array(32).fill(5));
    const note = log.checkpoint(treeOf(4));
    const body = note.slice(0, note.lastIndexOf('\n\n') + 1);
    const forged = formatCosignatureLine(body, witness, 100, () => new Uint8Array(64));
    const trust = {
      logKey: log.verifierKey,
      origin: log.origin,
      witnesses: [{ key: witness, party: 'a' }],
      policy: { kind: 'each-party', parties: ['a'] },
    } as const;
    const bare = checkWitnessedCheckpoint(note, trust);
    expect(bare.ok && bare.outcome.isWitnessed).toBe(false);
    expect(isLeafWitnessed(0, bare)).toBe(false);
    expect(checkWitnessedCheckpoint(`${note}${forged}`, trust).ok).toBe(false);
  });

  it('is witnessed with a valid cosignature by a witness of every member party', () => {
    const { publicKey, privateKey } = sodium.crypto_sign_seed_keypair(new Uint8Array(32).fill(6));
    const witness = cosignerKeyOf('witness.test/b', publicKey);
    const note = log.checkpoint(treeOf(4));
    const body = note.slice(0, note.lastIndexOf('\n\n') + 1);
    const line = formatCosignatureLine(body, witness, 100, (message) =>
      sodium.crypto_sign_detached(message, privateKey),
    );
    const trust = {
      logKey: log.verifierKey,
      origin: log.origin,
      witnesses: [{ key: witness, party: 'b' }],
      policy: { kind: 'each-party', parties: ['b'] },
    } as const;
    const checked = checkWitnessedCheckpoint(`${note}${line}`, trust);
    expect(checked.ok && checked.outcome).toEqual({
      isWitnessed: true,
      witnessedBy: ['witness.test/b'],
      missingParties: [],
      latestCosignedAt: 100,
    });
    expect([isLeafWitnessed(3, checked), isLeafWitnessed(4, checked)]).toEqual([true, false]);
  });
});
