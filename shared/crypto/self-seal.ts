/**
 * Small private records a person keeps on the server for themselves (their verified contacts):
 * sealed to their own X25519 key with `crypto_box_seal`, so the server can store but not read them.
 */
import type { BoxPublicKey, BoxSecretKey } from './identity-keys';
import { sodium } from './sodium';

export const sealForSelf = (plaintext: Uint8Array, boxPublicKey: BoxPublicKey): Uint8Array =>
  sodium.crypto_box_seal(plaintext, boxPublicKey);

/** Opens a record sealed with {@link sealForSelf}; throws when it was sealed to another key or altered. */
export const openForSelf = (sealed: Uint8Array, boxPublicKey: BoxPublicKey, boxSecretKey: BoxSecretKey): Uint8Array =>
  sodium.crypto_box_seal_open(sealed, boxPublicKey, boxSecretKey);
