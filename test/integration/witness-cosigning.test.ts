import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { logRoutes } from '../../shared/api/log';
import { verifyCheckpoint } from '../../shared/log/verify-checkpoint';
import { verifyCosignatures } from '../../shared/witness/cosignature';
import { formatCosignerKey } from '../../shared/witness/cosigner-key';
import { evaluateWitnessPolicy } from '../../shared/witness/witness-policy';
import { freePort } from '../helpers/ports';
import { enrolBootstrapAdmin } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { type RunningWitness, startWitness, testWitnessSigner } from '../helpers/witness-process';

const WITNESS_NAME = 'witness.party-a.test/w1';
const witnessKey = testWitnessSigner(WITNESS_NAME, 11).key;

describe('the log collects witness cosignatures', () => {
  let server: TestServer;
  let admin: ParleyPerson;
  let witnessPort: number;
  let directory: string;
  let running: RunningWitness | undefined;

  const latest = () => admin.api(logRoutes.latestCheckpoint);
  const witnessedState = (note: string) => {
    const checked = verifyCosignatures(note, [witnessKey]);
    if (!checked.ok) {
      throw new Error(checked.reason);
    }
    return evaluateWitnessPolicy(checked.cosignatures, [{ key: witnessKey, party: 'a' }], {
      kind: 'each-party',
      parties: ['a'],
    });
  };

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'parley-witnesses-'));
    witnessPort = await freePort();
    // The witness is configured but not running: the log starts with its witness down.
    server = await startTestServer({
      env: { PARLEY_WITNESSES: `${formatCosignerKey(witnessKey)} http://127.0.0.1:${witnessPort}` },
    });
    ({ admin } = await enrolBootstrapAdmin(server, 'Republic of Avalon', 'Ada Admin'));
  });
  afterAll(async () => {
    await running?.stop();
    await server?.shutdown();
    rmSync(directory, { recursive: true, force: true });
  });

  it('keeps appending while its witness is down, and shows the checkpoints as not yet witnessed', async () => {
    await admin.rotateKeys();
    await server.cosignatures.settled();
    const checkpoint = await latest();
    expect(checkpoint.treeSize).toBe(2);
    expect(verifyCheckpoint(checkpoint.note, server.log.signer.verifierKey, server.log.signer.name).ok).toBe(true);
    expect(witnessedState(checkpoint.note)).toMatchObject({ isWitnessed: false, missingParties: ['a'] });
    expect(await admin.api(logRoutes.cosignedCheckpoint)).toEqual({ checkpoint: null });
  });

  it('catches up in one request when the witness returns, and serves the cosigned checkpoint', async () => {
    running = await startWitness({
      name: WITNESS_NAME,
      seedByte: 11,
      port: witnessPort,
      directory,
      logVerifierKey: server.log.signer.verifierKey,
    });
    server.cosignatures.poke();
    await server.cosignatures.settled();
    const cosigned = (await admin.api(logRoutes.cosignedCheckpoint)).checkpoint ?? { treeSize: 0, note: '' };
    expect(cosigned.treeSize).toBe(2);
    expect(witnessedState(cosigned.note)).toMatchObject({ isWitnessed: true, witnessedBy: [WITNESS_NAME] });
    expect(verifyCheckpoint(cosigned.note, server.log.signer.verifierKey, server.log.signer.name).ok).toBe(true);
    expect(running.witness.cosigned(server.log.signer.name)?.treeSize).toBe(2);
  });

  it('has each later checkpoint cosigned after its append, with a consistency proof from the last', async () => {
    await admin.rotateKeys();
    await server.cosignatures.settled();
    const checkpoint = await latest();
    expect(checkpoint.treeSize).toBe(3);
    expect(witnessedState(checkpoint.note).isWitnessed).toBe(true);
    expect(running?.witness.evidence).toEqual([]);
  });

  it('goes on with a witness restarted from its state file', async () => {
    await running?.stop();
    running = await startWitness({
      name: WITNESS_NAME,
      seedByte: 11,
      port: witnessPort,
      directory,
      logVerifierKey: server.log.signer.verifierKey,
    });
    expect(running.witness.cosigned(server.log.signer.name)?.treeSize).toBe(3);
    await admin.rotateKeys();
    await server.cosignatures.settled();
    expect(witnessedState((await latest()).note).isWitnessed).toBe(true);
  });
});
