/**
 * Domain-separated Ed25519 signatures: every signature covers `tag || 0x00 || message`.
 * Spec: docs/PROTOCOL.md#13-tagged-messages
 */
import type { SignSecretKey } from './identity-keys';
import { sodium } from './sodium';
import { taggedMessage } from './tagged';

/** An Ed25519 signature, 64 bytes. */
export type Signature = Uint8Array & { readonly __brand: 'Signature' };

/** Length of an Ed25519 signature. */
export const SIGNATURE_BYTES = 64;

/** Signs `tag || 0x00 || message` with `crypto_sign_detached` (deterministic Ed25519, RFC 8032). */
export const signTagged = (tag: string, message: Uint8Array, signSecretKey: SignSecretKey): Signature => {
  if (signSecretKey.length !== sodium.crypto_sign_SECRETKEYBYTES) {
    throw new RangeError(
      `signSecretKey must be ${sodium.crypto_sign_SECRETKEYBYTES} bytes, got ${signSecretKey.length}`,
    );
  }
  return sodium.crypto_sign_detached(taggedMessage(tag, message), signSecretKey) as Signature;
};

/**
 * Whether `signature` is a valid signature of `tag || 0x00 || message` by `signPublicKey`. Returns
 * false, never throws, for a signature or key of the wrong length or a key that is not a point.
 */
export const verifyTagged = (
  tag: string,
  message: Uint8Array,
  signature: Uint8Array,
  signPublicKey: Uint8Array,
): boolean => {
  if (signature.length !== SIGNATURE_BYTES || signPublicKey.length !== sodium.crypto_sign_PUBLICKEYBYTES) {
    return false;
  }
  try {
    return sodium.crypto_sign_verify_detached(signature, taggedMessage(tag, message), signPublicKey);
  } catch {
    return false;
  }
};
