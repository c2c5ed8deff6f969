import { createHash } from 'node:crypto';

/**
 * SHA-256 of a tagged message ('tag' || 0x00 || bytes) with Node's native hash: the same value as
 * `taggedHash` in shared/crypto, faster on the large inputs (ciphertexts) the server hashes.
 */
export const taggedSha256 = (tag: string, bytes: Uint8Array): Uint8Array =>
  new Uint8Array(
    createHash('sha256')
      .update(tag)
      .update(new Uint8Array([0]))
      .update(bytes)
      .digest(),
  );
