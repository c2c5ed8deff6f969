// A worker thread of the signature pool (signature-pool.ts): it parses the bundle text itself
// (a copy of the bytes the main thread shares), plans the entry signature checks of its part of
// the entries and verifies each with the very function the single-thread verifier calls, so that
// a verdict is what the verifier itself would have answered.
import { parentPort } from 'node:worker_threads';
import { type EntrySignatureVerdict, planEntrySignatureChecks } from '../../shared/audit/signature-verdicts';
import { verifyEntrySignatureOverBytes } from '../../shared/crypto/entry-signature';
import type { SignPublicKey } from '../../shared/crypto/identity-keys';
import { initCrypto } from '../../shared/crypto/sodium';
import { fromBase64url } from '../../shared/encoding/bytes';
import { packVerdicts, type SignatureJob } from './signature-messages';

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

/** The bundle's entries and statements, or nothing when the text is not a JSON object holding them. */
const readBundle = (job: SignatureJob): { entries: unknown[]; statements: unknown } => {
  const text = new TextDecoder().decode(new Uint8Array(job.text, 0, job.length).slice());
  let value: { entries?: unknown; statements?: unknown } | null;
  try {
    value = JSON.parse(text) as typeof value;
  } catch {
    return { entries: [], statements: undefined };
  }
  const entries = typeof value === 'object' && Array.isArray(value?.entries) ? value.entries : [];
  return { entries, statements: value?.statements };
};

// A key that is not base64url gets no verdict: the verifier decides what it means, as it always did.
const verifyPart = (job: SignatureJob): EntrySignatureVerdict[] => {
  const { entries, statements } = readBundle(job);
  const size = Math.ceil(entries.length / job.parts);
  const part = entries.slice(job.part * size, (job.part + 1) * size);
  return planEntrySignatureChecks(part, statements).flatMap((check) => {
    const key = decodeKey(check.signKey);
    return key === null
      ? []
      : [{ ...check, valid: verifyEntrySignatureOverBytes(check.headerBytes, check.signature, key as SignPublicKey) }];
  });
};

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
  const packed = packVerdicts(verifyPart(job));
  port.postMessage(packed, [packed.headerBytes.buffer, packed.valid.buffer, packed.ends.buffer]);
});
port.postMessage('ready');
