/**
 * Wrapping keys for the vault. Spec: docs/PROTOCOL.md#8-key-vault
 */
import { utf8Bytes } from '../encoding/bytes';
import { randomBytes } from './random';
import { sodium } from './sodium';
import { taggedMessage } from './tagged';
import type { KdfParams, WrappingKey } from './vault';

/** Passphrases shorter than this are refused. */
export const MIN_PASSPHRASE_LENGTH = 12;

/** Keyed BLAKE2b of the passkey's PRF output, bound to the person. */
export const wrappingKeyFromPrf = (prfOutput: Uint8Array, personId: string): WrappingKey => {
  if (prfOutput.length !== 32) {
    throw new RangeError('a PRF output is 32 bytes');
  }
  return sodium.crypto_generichash(
    32,
    taggedMessage('parley/vault-prf/v1', utf8Bytes(personId)),
    prfOutput,
  ) as WrappingKey;
};

/** Keyed BLAKE2b of the 256-bit recovery key, bound to the person. */
export const wrappingKeyFromRecoveryKey = (recoveryKey: Uint8Array, personId: string): WrappingKey => {
  if (recoveryKey.length !== 32) {
    throw new RangeError('a recovery key is 32 bytes');
  }
  return sodium.crypto_generichash(
    32,
    taggedMessage('parley/vault-recovery/v1', utf8Bytes(personId)),
    recoveryKey,
  ) as WrappingKey;
};

/** Fresh Argon2id parameters: a random salt and libsodium's MODERATE costs (or the given ones). */
export const newKdfParams = (
  costs: { opsLimit: number; memLimit: number } = {
    opsLimit: sodium.crypto_pwhash_OPSLIMIT_MODERATE,
    memLimit: sodium.crypto_pwhash_MEMLIMIT_MODERATE,
  },
): KdfParams => ({ salt: randomBytes(sodium.crypto_pwhash_SALTBYTES), ...costs });

/** Argon2id (`crypto_pwhash`, sumo build only) of the passphrase. */
export const wrappingKeyFromPassphrase = (passphrase: string, kdf: KdfParams): WrappingKey => {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new RangeError(`a passphrase has at least ${MIN_PASSPHRASE_LENGTH} characters`);
  }
  return sodium.crypto_pwhash(
    32,
    utf8Bytes(passphrase),
    kdf.salt,
    kdf.opsLimit,
    kdf.memLimit,
    sodium.crypto_pwhash_ALG_ARGON2ID13,
  ) as WrappingKey;
};
