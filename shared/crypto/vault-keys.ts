/**
 * Wrapping keys for the vault: from a passkey's PRF output, a passphrase or the recovery key,
 * each bound to the person. Spec: docs/PROTOCOL.md#8-key-vault
 */
import { utf8Bytes } from '../encoding/bytes';
import { randomBytes } from './random';
import { sodium } from './sodium';
import { taggedMessage } from './tagged';
import type { KdfParams, WrappingKey } from './vault';

/** Passphrases shorter than this many characters (Unicode code points, as typed) are refused. */
export const MIN_PASSPHRASE_LENGTH = 12;

const KEY_BYTES = 32;

/** Keyed BLAKE2b-256: key = `secret`, message = tag || 0x00 || utf8(personId). */
const keyedForPerson = (tag: string, secret: Uint8Array, personId: string): WrappingKey =>
  sodium.crypto_generichash(KEY_BYTES, taggedMessage(tag, utf8Bytes(personId)), secret) as WrappingKey;

/**
 * The wrapping key of a PRF copy: keyed BLAKE2b-256 of 'parley/vault-prf/v1' || 0x00 ||
 * utf8(personId) under the 32-byte PRF output the passkey gave for {@link VAULT_PRF_SALT}.
 */
export const wrappingKeyFromPrf = (prfOutput: Uint8Array, personId: string): WrappingKey => {
  if (prfOutput.length !== KEY_BYTES) {
    throw new RangeError(`a PRF output is ${KEY_BYTES} bytes, got ${prfOutput.length}`);
  }
  return keyedForPerson('parley/vault-prf/v1', prfOutput, personId);
};

/** The wrapping key of a recovery copy: as {@link wrappingKeyFromPrf}, under 'parley/vault-recovery/v1'. */
export const wrappingKeyFromRecoveryKey = (recoveryKey: Uint8Array, personId: string): WrappingKey => {
  if (recoveryKey.length !== KEY_BYTES) {
    throw new RangeError(`a recovery key is ${KEY_BYTES} bytes, got ${recoveryKey.length}`);
  }
  return keyedForPerson('parley/vault-recovery/v1', recoveryKey, personId);
};

/** Fresh Argon2id parameters: a random 16-byte salt and the given costs (default libsodium MODERATE: 3 passes, 256 MiB). */
export const newKdfParams = (
  costs: { readonly opsLimit: number; readonly memLimit: number } = {
    opsLimit: sodium.crypto_pwhash_OPSLIMIT_MODERATE,
    memLimit: sodium.crypto_pwhash_MEMLIMIT_MODERATE,
  },
): KdfParams => ({
  salt: randomBytes(sodium.crypto_pwhash_SALTBYTES),
  opsLimit: costs.opsLimit,
  memLimit: costs.memLimit,
});

/**
 * The wrapping key of a passphrase copy: Argon2id13 (`crypto_pwhash`, sumo build only) of the
 * passphrase in Unicode NFC (RFC 8265's OpaqueString: the same passphrase typed on another
 * keyboard or system gives the same bytes), UTF-8, with the copy's salt and limits.
 * Refuses passphrases under {@link MIN_PASSPHRASE_LENGTH} characters.
 */
export const wrappingKeyFromPassphrase = (passphrase: string, kdf: KdfParams): WrappingKey => {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new RangeError(`a passphrase has at least ${MIN_PASSPHRASE_LENGTH} characters`);
  }
  return sodium.crypto_pwhash(
    KEY_BYTES,
    utf8Bytes(passphrase.normalize('NFC')),
    kdf.salt,
    kdf.opsLimit,
    kdf.memLimit,
    sodium.crypto_pwhash_ALG_ARGON2ID13,
  ) as WrappingKey;
};
