/**
 * Key vaults: the keyring encrypted with XChaCha20-Poly1305 under a wrapping key that a passkey's
 * PRF output, a passphrase (Argon2id) or the recovery key gives. Spec: docs/PROTOCOL.md#8-key-vault
 */
import { concatBytes, utf8Bytes } from '../encoding/bytes';
import { randomBytes } from './random';
import { sodium } from './sodium';
import { taggedHash, taggedMessage } from './tagged';
import { VaultError } from './vault-error';
import { decodeKeyring, encodeKeyring, type Keyring } from './vault-keyring';

/** How a vault copy is unlocked; the blob's kind byte is 0x01, 0x02 and 0x03 in this order. */
export type VaultKind = 'prf' | 'passphrase' | 'recovery';
/** A 32-byte XChaCha20-Poly1305 key that seals one vault copy (from `vault-keys.ts`). */
export type WrappingKey = Uint8Array & { readonly __brand: 'WrappingKey' };
/** Argon2id parameters of a passphrase copy: 16-byte salt, libsodium's opslimit and memlimit (bytes). */
export type KdfParams = { readonly salt: Uint8Array; readonly opsLimit: number; readonly memLimit: number };

const VAULT_V1 = 0x01;
const KIND_BYTE: Readonly<Record<VaultKind, number>> = { prf: 0x01, passphrase: 0x02, recovery: 0x03 };
const NONCE_BYTES = 24;
const TAG_BYTES = 16;
const SALT_BYTES = 16;
const prefixLength = (kind: VaultKind): number => (kind === 'passphrase' ? 2 + SALT_BYTES + 8 : 2);

/** The PRF input the browser asks the passkey to evaluate: SHA-256('parley/prf-salt/v1' || 0x00). */
export const VAULT_PRF_SALT: Uint8Array = taggedHash('parley/prf-salt/v1');

export { VaultError, type VaultErrorReason } from './vault-error';

const u32 = (value: number): Uint8Array => {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value);
  return bytes;
};

/** Argon2id limits a vault may carry: libsodium's minimum up to SENSITIVE (a hostile blob cannot exhaust memory). */
const isSaneKdf = ({ salt, opsLimit, memLimit }: KdfParams): boolean =>
  salt.length === SALT_BYTES &&
  Number.isInteger(opsLimit) &&
  Number.isInteger(memLimit) &&
  opsLimit >= sodium.crypto_pwhash_OPSLIMIT_MIN &&
  opsLimit <= sodium.crypto_pwhash_OPSLIMIT_SENSITIVE &&
  memLimit >= sodium.crypto_pwhash_MEMLIMIT_MIN &&
  memLimit <= sodium.crypto_pwhash_MEMLIMIT_SENSITIVE;

/** AD = 'parley/vault/v1' || 0x00 || utf8(personId) || the blob prefix (version, kind, KDF parameters). */
const associatedData = (personId: string, prefix: Uint8Array): Uint8Array =>
  concatBytes(taggedMessage('parley/vault/v1', utf8Bytes(personId)), prefix);

/**
 * Seals a keyring for a person with a given nonce (tests and vectors; use {@link sealVault}).
 * `kdf` is required for, and only for, a passphrase copy. Blob: 0x01 || kind || kdf || nonce || ciphertext.
 */
export const sealVaultWithNonce = (
  keyring: Keyring,
  personId: string,
  kind: VaultKind,
  key: WrappingKey,
  nonce: Uint8Array,
  kdf?: KdfParams,
): Uint8Array => {
  if ((kind === 'passphrase') !== (kdf !== undefined) || (kdf !== undefined && !isSaneKdf(kdf))) {
    throw new RangeError('a passphrase vault needs Argon2id parameters within libsodium MIN..SENSITIVE, others none');
  }
  if (nonce.length !== NONCE_BYTES || key.length !== 32) {
    throw new RangeError(`a vault needs a ${NONCE_BYTES}-byte nonce and a 32-byte key`);
  }
  const prefix = concatBytes(
    new Uint8Array([VAULT_V1, KIND_BYTE[kind]]),
    ...(kdf ? [kdf.salt, u32(kdf.opsLimit), u32(kdf.memLimit)] : []),
  );
  const plaintext = encodeKeyring(keyring);
  try {
    const ad = associatedData(personId, prefix);
    return concatBytes(
      prefix,
      nonce,
      sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext, ad, null, nonce, key),
    );
  } finally {
    sodium.memzero(plaintext);
  }
};

/** Seals a keyring for a person under a fresh random nonce; see {@link sealVaultWithNonce}. */
export const sealVault = (
  keyring: Keyring,
  personId: string,
  kind: VaultKind,
  key: WrappingKey,
  kdf?: KdfParams,
): Uint8Array => sealVaultWithNonce(keyring, personId, kind, key, randomBytes(NONCE_BYTES), kdf);

/** The Argon2id parameters a passphrase copy was sealed with, to derive its wrapping key before opening. */
export const vaultKdfParams = (blob: Uint8Array): KdfParams => {
  if (blob[0] !== VAULT_V1) {
    throw new VaultError('unsupported-version');
  }
  if (blob[1] !== KIND_BYTE.passphrase) {
    throw new VaultError('wrong-kind');
  }
  if (blob.length < prefixLength('passphrase') + NONCE_BYTES + TAG_BYTES) {
    throw new VaultError('malformed');
  }
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const kdf = { salt: blob.slice(2, 18), opsLimit: view.getUint32(18), memLimit: view.getUint32(22) };
  if (!isSaneKdf(kdf)) {
    throw new VaultError('malformed');
  }
  return kdf;
};

/**
 * Opens a vault blob of the expected kind for `personId`. Throws {@link VaultError}: another
 * version, another kind, a truncated blob or impossible parameters, or a failed AEAD check
 * (wrong key, another person's blob, any altered byte).
 */
export const openVault = (blob: Uint8Array, personId: string, kind: VaultKind, key: WrappingKey): Keyring => {
  if (kind === 'passphrase') {
    vaultKdfParams(blob);
  } else if (blob[0] !== VAULT_V1) {
    throw new VaultError('unsupported-version');
  } else if (blob[1] !== KIND_BYTE[kind]) {
    throw new VaultError('wrong-kind');
  }
  const start = prefixLength(kind);
  if (blob.length < start + NONCE_BYTES + TAG_BYTES) {
    throw new VaultError('malformed');
  }
  let plaintext: Uint8Array;
  try {
    plaintext = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      blob.subarray(start + NONCE_BYTES),
      associatedData(personId, blob.subarray(0, start)),
      blob.subarray(start, start + NONCE_BYTES),
      key,
    );
  } catch {
    throw new VaultError('wrong-key-or-person');
  }
  try {
    return decodeKeyring(plaintext);
  } catch {
    throw new VaultError('malformed');
  } finally {
    sodium.memzero(plaintext);
  }
};
