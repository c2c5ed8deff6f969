import { createPublicKey, type KeyObject, verify } from 'node:crypto';

// DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): SEQUENCE { AlgorithmIdentifier, BIT STRING }.
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const MAX_CACHED_KEYS = 10_000;
const cache = new Map<string, KeyObject>();

const keyObject = (publicKey: Uint8Array): KeyObject => {
  const id = Buffer.from(publicKey).toString('base64url');
  let key = cache.get(id);
  if (!key) {
    key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, publicKey]), format: 'der', type: 'spki' });
    if (cache.size >= MAX_CACHED_KEYS) {
      cache.delete(cache.keys().next().value as string);
    }
    cache.set(id, key);
  }
  return key;
};

/**
 * Verifies an Ed25519 signature with Node's native implementation, caching one key object per
 * public key (importing a key on every call halves the verify rate). Bytes are byte-identical to
 * what libsodium's `crypto_sign_detached` signs; `test/vectors` proves both directions.
 */
export const verifyEd25519 = (message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean => {
  if (publicKey.length !== 32 || signature.length !== 64) {
    return false;
  }
  try {
    return verify(null, message, keyObject(publicKey), signature);
  } catch {
    return false;
  }
};
