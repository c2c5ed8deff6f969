// Forked by `sealInWorkers`: seals and signs whole cases of entries through the SDK's own
// `sealDraft` (the path `ParleyPerson.append` takes), and writes them, or only their entry
// hashes, to a file. One job at a time, told over IPC.
import { randomUUID } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import { initCrypto } from '../../shared/crypto/sodium';
import { fromBase64url } from '../../shared/encoding/bytes';
import { fromPortable, headAfter, sealCaseOpen, sealMinutes } from './sealing';
import type { SealJob } from './sealing-pool';

const run = (job: SealJob): void => {
  const signer = fromPortable(job.signer);
  const parts: (Uint8Array | string)[] = [];
  for (let index = 0; index < job.cases; index += 1) {
    const streamId = randomUUID();
    let sealed = sealCaseOpen(signer, streamId);
    for (let seq = 1; ; seq += 1) {
      parts.push(
        job.format === 'hashes'
          ? fromBase64url(sealed.entryHash)
          : JSON.stringify({ entryHash: sealed.entryHash, entry: sealed.entry }),
      );
      if (seq === job.entriesPerCase) {
        break;
      }
      sealed = sealMinutes(signer, streamId, headAfter(sealed), `meeting ${seq}`);
    }
  }
  const bytes =
    job.format === 'hashes' ? Buffer.concat(parts as Uint8Array[]) : Buffer.from(`${parts.join('\n')}\n`, 'utf8');
  writeFileSync(`${job.file}.partial`, bytes);
  renameSync(`${job.file}.partial`, job.file);
};

await initCrypto();
process.on('message', (job: SealJob) => {
  try {
    run(job);
    process.send?.({ done: job.file });
  } catch (error) {
    process.send?.({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
