/**
 * SHA-256 (FIPS 180-4) of the concatenation of byte strings: Merkle leaves and nodes, tagged hashes.
 * Spec: docs/PROTOCOL.md (every hash of the protocol is SHA-256).
 */
import { sha256 as sha256InJs } from '@noble/hashes/sha2.js';
import { concatBytes } from '../encoding/bytes';
import { sodium } from './sodium';

/**
 * SHA-256 of `parts` concatenated. Once `initCrypto` has loaded libsodium, its WebAssembly
 * `crypto_hash_sha256` computes it (about three times faster than JavaScript on the short inputs
 * of Merkle nodes, which a timeline read hashes by the thousand); before that (constants computed
 * at import time, tests that never load libsodium) @noble/hashes does. Both are standard SHA-256,
 * so the digest does not depend on which one ran.
 */
export const sha256 = (...parts: readonly Uint8Array[]): Uint8Array => {
  const message = parts.length === 1 ? (parts[0] as Uint8Array) : concatBytes(...parts);
  return typeof sodium.crypto_hash_sha256 === 'function' ? sodium.crypto_hash_sha256(message) : sha256InJs(message);
};
