import { createHash } from 'node:crypto';
import type { StartSha256 } from '../../shared/crypto/attachment-hash';

/**
 * Node's native SHA-256 (OpenSSL) for the attachment digests the SDK computes: about five times
 * libsodium's WebAssembly one on 64 KiB chunks, where it was more than half an upload's CPU time.
 */
export const nativeSha256: StartSha256 = () => {
  const hash = createHash('sha256');
  return {
    update: (bytes) => {
      hash.update(bytes);
    },
    digest: () => new Uint8Array(hash.digest()),
  };
};
