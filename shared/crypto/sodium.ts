import sodium from 'libsodium-wrappers-sumo';

let ready: Promise<void> | undefined;

/**
 * Loads libsodium (the sumo build: it alone has Argon2id `crypto_pwhash` and `crypto_hash_sha256`).
 * Call once before any other function of `shared/crypto`; later calls return the same promise.
 */
export const initCrypto = (): Promise<void> => {
  ready ??= sodium.ready.then(() => {
    if (typeof sodium.crypto_pwhash !== 'function') {
      throw new Error('libsodium was loaded without crypto_pwhash: the sumo build is required');
    }
  });
  return ready;
};

/** The loaded libsodium; only `shared/crypto` touches it. */
export { sodium };
