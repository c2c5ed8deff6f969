import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initCrypto } from '../../shared/crypto/sodium';
import { formatAddCheckpointRequest } from '../../shared/witness/add-checkpoint';
import { verifyCosignatures } from '../../shared/witness/cosignature';
import { addRequest, type TestLog, testLog, treeOf } from '../../test/helpers/witness-fixtures';
import { generateWitnessKeyText, parseWitnessKeyText, type WitnessSigner } from './witness-key-file';
import { Witness } from './witness-service';

let log: TestLog;
let signer: WitnessSigner;
let directory: string;
let statePath: string;
const NOW = new Date('2026-12-05T12:00:00Z');

beforeAll(async () => {
  await initCrypto();
  log = testLog();
  signer = parseWitnessKeyText(generateWitnessKeyText('witness.party-a.test/w1', new Uint8Array(32).fill(7)));
});
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'parley-witness-'));
  statePath = join(directory, 'state.json');
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

const startWitness = () => new Witness(signer, new Map([[log.origin, log.key]]), statePath, () => NOW);
const stateOnDisk = () => readFileSync(statePath, 'utf8');

describe('the witness (c2sp.org/tlog-witness add-checkpoint)', () => {
  it('cosigns a first checkpoint from size 0 and then one proven consistent with it', async () => {
    const witness = startWitness();
    const tree = treeOf(7);
    const first = await witness.addCheckpoint(addRequest(log, tree, 0, 3));
    expect(first.status).toBe(200);
    const note = `${log.checkpoint(tree, 3)}${first.body}`;
    expect(verifyCosignatures(note, [signer.key])).toMatchObject({
      ok: true,
      cosignatures: [{ witness: signer.key, timestamp: NOW.getTime() / 1000 }],
    });
    expect((await witness.addCheckpoint(addRequest(log, tree, 3, 7))).status).toBe(200);
    expect(JSON.parse(stateOnDisk()).logs[log.origin].treeSize).toBe(7);
  });

  it('answers 409 with its size as text/x.tlog.size when the old size is not the one it cosigned', async () => {
    const witness = startWitness();
    const tree = treeOf(9);
    await witness.addCheckpoint(addRequest(log, tree, 0, 4));
    const answer = await witness.addCheckpoint(addRequest(log, tree, 2, 9));
    expect(answer).toEqual({ status: 409, contentType: 'text/x.tlog.size', body: '4\n' });
  });

  it('refuses a rollback to a smaller tree and keeps its state', async () => {
    const witness = startWitness();
    const tree = treeOf(8);
    await witness.addCheckpoint(addRequest(log, tree, 0, 8));
    const before = stateOnDisk();
    const fromOld = await witness.addCheckpoint(
      formatAddCheckpointRequest({ oldSize: 8, proof: [], checkpoint: log.checkpoint(tree, 5) }),
    );
    const fromZero = await witness.addCheckpoint(addRequest(log, tree, 0, 5));
    expect([fromOld.status, fromZero.status]).toEqual([400, 409]);
    expect(stateOnDisk()).toBe(before);
  });

  it('refuses a fork, keeps both notes as evidence, and a witness restarted from its state keeps refusing it', async () => {
    const witness = startWitness();
    const main = treeOf(6, 'a');
    const fork = treeOf(6, 'b', main, 3);
    expect((await witness.addCheckpoint(addRequest(log, main, 0, 6))).status).toBe(200);
    const sameSize = await witness.addCheckpoint(addRequest(log, fork, 6, 6));
    expect(sameSize.status).toBe(409);
    expect(witness.evidence).toEqual([
      expect.objectContaining({ cosigned: log.checkpoint(main, 6), offered: log.checkpoint(fork, 6) }),
    ]);

    const restarted = startWitness();
    expect(restarted.evidence).toHaveLength(1);
    expect((await restarted.addCheckpoint(addRequest(log, fork, 6, 6))).status).toBe(409);
    const longerFork = treeOf(10, 'b', main, 3);
    const grown = await restarted.addCheckpoint(addRequest(log, longerFork, 6, 10));
    expect(grown.status).toBe(422);
    expect(restarted.evidence.map(({ offered }) => offered)).toContain(log.checkpoint(longerFork, 10));
    expect(restarted.cosigned(log.origin)?.note).toBe(log.checkpoint(main, 6));
    expect((await restarted.addCheckpoint(addRequest(log, treeOf(10, 'a'), 6, 10))).status).toBe(200);
  });

  it('answers 404 for an unknown origin, 403 for a signature by another key and 400 for a malformed body', async () => {
    const witness = startWitness();
    const tree = treeOf(3);
    const stranger = testLog('other.test/log', 'other');
    const impostor = testLog(log.origin, 'impostor');
    expect((await witness.addCheckpoint(addRequest(stranger, tree, 0))).status).toBe(404);
    expect((await witness.addCheckpoint(addRequest(impostor, tree, 0))).status).toBe(403);
    expect((await witness.addCheckpoint('old 0\n\nnot a note\n')).status).toBe(400);
    const withProofFromZero = formatAddCheckpointRequest({
      oldSize: 0,
      proof: [tree.root(1)],
      checkpoint: log.checkpoint(tree),
    });
    expect((await witness.addCheckpoint(withProofFromZero)).status).toBe(422);
    expect(() => stateOnDisk()).toThrow();
  });

  it('serialises concurrent requests, so two submissions of one old size cannot both advance it', async () => {
    const witness = startWitness();
    const tree = treeOf(9);
    const answers = await Promise.all([
      witness.addCheckpoint(addRequest(log, tree, 0, 4)),
      witness.addCheckpoint(addRequest(log, tree, 0, 9)),
    ]);
    expect(answers.map(({ status }) => status)).toEqual([200, 409]);
    expect(witness.cosigned(log.origin)?.treeSize).toBe(4);
  });
});
