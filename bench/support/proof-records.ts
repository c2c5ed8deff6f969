import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { generateIdentityKeys } from '../../shared/crypto/identity-keys';
import { cachePath } from './paths';
import { say } from './progress';
import { portable } from './sealing';
import { sealInWorkers } from './sealing-pool';

/** Records per cached block (5 cases of 1,000 entries): small enough to keep every core busy. */
const BLOCK = 5_000;
const CASES_PER_BLOCK = 5;

const blockFile = (block: number) => cachePath('proof-records', `block-${block}.bin`);

/**
 * The entry hashes behind the large proof logs, generated once and kept in bench/.cache: each is
 * the hash of a real entry, sealed and signed by the SDK's `sealDraft` (one recipient, meeting
 * minutes, chained per case) under a generated identity. The entries themselves are not kept.
 */
export const ensureProofRecords = async (count: number): Promise<void> => {
  const missing = Array.from({ length: Math.ceil(count / BLOCK) }, (_, block) => block).filter(
    (block) => !existsSync(blockFile(block)),
  );
  if (missing.length === 0) {
    return;
  }
  const keys = generateIdentityKeys();
  const author = { person: randomUUID(), party: randomUUID(), keyId: keys.keyId, signSecretKey: keys.signSecretKey };
  const signer = portable({
    author,
    recipients: [{ person: author.person, keyId: keys.keyId, boxPublicKey: keys.boxPublicKey }],
  });
  const started = performance.now();
  let done = 0;
  say(`sealing and signing ${(missing.length * BLOCK).toLocaleString('en-GB')} entries for the proof logs (cached)`);
  await sealInWorkers(
    missing.map((block) => ({
      signer,
      cases: CASES_PER_BLOCK,
      entriesPerCase: BLOCK / CASES_PER_BLOCK,
      format: 'hashes' as const,
      file: blockFile(block),
    })),
    () => {
      done += 1;
      const seconds = (performance.now() - started) / 1000;
      if (done % 20 === 0 || done === missing.length) {
        say(`  ${(done * BLOCK).toLocaleString('en-GB')} entries sealed in ${seconds.toFixed(0)} s`);
      }
    },
  );
};

/** Reads cached record hashes by index. */
export class ProofRecords {
  readonly #blocks = new Map<number, Buffer>();

  #block(block: number): Buffer {
    let bytes = this.#blocks.get(block);
    if (!bytes) {
      bytes = readFileSync(blockFile(block));
      this.#blocks.clear();
      this.#blocks.set(block, bytes);
    }
    return bytes;
  }

  /** The record hash of leaf `index`. */
  at(index: number): Uint8Array {
    const offset = (index % BLOCK) * 32;
    return new Uint8Array(this.#block(Math.floor(index / BLOCK)).subarray(offset, offset + 32));
  }

  /** The record hashes of leaves [start, end). */
  range(start: number, end: number): Uint8Array[] {
    return Array.from({ length: end - start }, (_, offset) => this.at(start + offset));
  }
}
