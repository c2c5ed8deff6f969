// A worker thread of the signature pool (signature-pool.ts): it plans the entry signature checks
// of the slice of a bundle it is given and verifies each with the very function the single-thread
// verifier calls, so that a verdict is what the verifier itself would have answered.
import { parentPort } from 'node:worker_threads';
import { type EntrySignatureVerdict, planEntrySignatureChecks } from '../../shared/audit/signature-verdicts';
import { verifyEntrySignatureOverBytes } from '../../shared/crypto/entry-signature';
import type { SignPublicKey } from '../../shared/crypto/identity-keys';
import { initCrypto } from '../../shared/crypto/sodium';
import { fromBase64url } from '../../shared/encoding/bytes';

/** A slice of a bundle's entries, with the bundle's statements that name the authors' keys. */
export type SignatureJob = { readonly entries: readonly unknown[]; readonly statements: unknown };

const keyBytes = new Map<string, Uint8Array | null>();
const decodeKey = (signKey: string): Uint8Array | null => {
  let key = keyBytes.get(signKey);
  if (key === undefined) {
    try {
      key = fromBase64url(signKey);
    } catch {
      key = null;
    }
    keyBytes.set(signKey, key);
  }
  return key;
};

// A key that is not base64url gets no verdict: the verifier decides what it means, as it always did.
const verifyJob = ({ entries, statements }: SignatureJob): EntrySignatureVerdict[] =>
  planEntrySignatureChecks(entries, statements).flatMap((check) => {
    const key = decodeKey(check.signKey);
    return key === null
      ? []
      : [{ ...check, valid: verifyEntrySignatureOverBytes(check.headerBytes, check.signature, key as SignPublicKey) }];
  });

const port = parentPort;
if (port === null) {
  throw new Error('signature-worker.ts runs only as a worker thread');
}
await initCrypto();
if (process.env['PARLEY_TEST_SIGNATURE_WORKER_CRASH'] === '1') {
  // Lets the CLI tests prove that a crashed worker ends the run with exit 3, never a verdict.
  process.exit(70);
}
port.on('message', (job: SignatureJob) => {
  port.postMessage(verifyJob(job));
});
port.postMessage('ready');
