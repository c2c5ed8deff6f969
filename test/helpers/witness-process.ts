/** A witness (server/witness) in this process on a given port, over its own key and state file. */
import type { Server } from 'node:http';
import { join } from 'node:path';
import { createWitnessServer } from '../../server/witness/witness-http';
import { generateWitnessKeyText, parseWitnessKeyText } from '../../server/witness/witness-key-file';
import { Witness } from '../../server/witness/witness-service';
import { parseVerifierKey } from '../../shared/log/verifier-key';
import { formatCosignerKey } from '../../shared/witness/cosigner-key';

export type RunningWitness = { readonly witness: Witness; readonly verifierKey: string; stop(): Promise<void> };

/** The key of a test witness, from a fixed seed byte so a restarted witness keeps its key. */
export const testWitnessSigner = (name: string, seedByte: number) =>
  parseWitnessKeyText(generateWitnessKeyText(name, new Uint8Array(32).fill(seedByte)));

/** Starts a witness of the log `logVerifierKey` on 127.0.0.1:`port`, its state in `directory`. */
export const startWitness = async (options: {
  name: string;
  seedByte: number;
  port: number;
  directory: string;
  logVerifierKey: string;
}): Promise<RunningWitness> => {
  const signer = testWitnessSigner(options.name, options.seedByte);
  const logKey = parseVerifierKey(options.logVerifierKey);
  if (!logKey.ok) {
    throw new Error(logKey.reason);
  }
  const statePath = join(options.directory, `${options.name.replaceAll('/', '_')}.json`);
  const witness = new Witness(signer, new Map([[logKey.key.name, logKey.key]]), statePath);
  const server: Server = createWitnessServer(witness, (error) => {
    throw error;
  });
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  return {
    witness,
    verifierKey: formatCosignerKey(signer.key),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
