import { createHash, type Hash } from 'node:crypto';
import { ATTACHMENT_HASH_TAG } from '../../shared/crypto/attachment-hash';

/** Node's native SHA-256, started over 'tag' || 0x00: the rest of the message is fed to it. */
const startTagged = (tag: string): Hash =>
  createHash('sha256')
    .update(tag)
    .update(new Uint8Array([0]));

/**
 * SHA-256 of a tagged message ('tag' || 0x00 || bytes) with Node's native hash: the same value as
 * `taggedHash` in shared/crypto, faster on the large inputs (ciphertexts) the server hashes.
 */
export const taggedSha256 = (tag: string, bytes: Uint8Array): Uint8Array =>
  new Uint8Array(startTagged(tag).update(bytes).digest());

/**
 * The §6.3 ciphertextDigest of an attachment, fed as its bytes stream by: the same value as
 * `createAttachmentHasher` in shared/crypto, without libsodium to load (the fsck CLI has none).
 */
export const startAttachmentDigest = (): Hash => startTagged(ATTACHMENT_HASH_TAG);
