/**
 * The one source of randomness in `shared/crypto`: libsodium's CSPRNG (`randombytes_buf`), which
 * uses the operating system (Node) or `crypto.getRandomValues` (browsers).
 * Spec: docs/PROTOCOL.md#14-primitives
 */
import { sodium } from './sodium';

/** Fresh random bytes from libsodium's CSPRNG; `initCrypto()` must have resolved. */
export const randomBytes = (length: number): Uint8Array => {
  if (!Number.isSafeInteger(length) || length < 0) {
    throw new RangeError(`randomBytes needs a non-negative integer length, got ${length}`);
  }
  return sodium.randombytes_buf(length);
};
