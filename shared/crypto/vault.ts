/**
 * Key vaults: the keyring encrypted with XChaCha20-Poly1305 under a wrapping key that a passkey's
 * PRF output, a passphrase (Argon2id) or the recovery key gives. Spec: docs/PROTOCOL.md#8-key-vault
 */
import { concatBytes, utf8Bytes } from '../encoding/bytes';
import { randomBytes } from './random';
import { sodium } from './sodium';
import { taggedHash, taggedMessage } from './tagged';
import { decodeKeyring, encodeKeyring, type Keyring } from './vault-keyring';

export type VaultKind = 'prf' | 'passphrase' | 'recovery';
export type WrappingKey = Uint8Array & { readonly __brand: 'WrappingKey' };
export type KdfParams = { readonly salt: Uint8Array; readonly opsLimit: number; readonly memLimit: number };

const VAULT_V1 = 0x01;
const KIND_BYTE: Readonly<Record<VaultKind, number>> = { prf: 0x01, passphrase: 0x02, recovery: 0x03 };
const NONCE_BYTES = 24;

/** The PRF input the browser asks the passkey to evaluate; the same on every device. */
export const VAULT_PRF_SALT: Uint8Array = taggedHash('parley/prf-salt/v1');

/** Why a vault did not open. */
export class VaultError extends Error {
  constructor(readonly reason: 'unsupported-version' | 'wrong-kind' | 'malformed' | 'wrong-key-or-person') {
    super(`vault cannot be opened: ${reason}`);
  }
}

const u32 = (value: number) => {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value);
  return bytes;
};

/** The blob's prefix: version, kind and (passphrase only) salt, opslimit, memlimit. */
const prefixOf = (kind: VaultKind, kdf?: KdfParams): Uint8Array =>
  concatBytes(
    new Uint8Array([VAULT_V1, KIND_BYTE[kind]]),
    ...(kind === 'passphrase' && kdf ? [kdf.salt, u32(kdf.opsLimit), u32(kdf.memLimit)] : []),
  );

const associatedData = (personId: string, prefix: Uint8Array) =>
  concatBytes(taggedMessage('parley/vault/v1', utf8Bytes(personId)), prefix);

/** Encrypts a keyring for a person; `kdf` is required for (and only for) a passphrase vault. */
export const sealVaultWithNonce = (
  keyring: Keyring,
  personId: string,
  kind: VaultKind,
  key: WrappingKey,
  nonce: Uint8Array,
  kdf?: KdfParams,
): Uint8Array => {
  if ((kind === 'passphrase') !== (kdf !== undefined) || nonce.length !== NONCE_BYTES || key.length !== 32) {
    throw new RangeError('a passphrase vault needs its KDF parameters, others none; 24-byte nonce, 32-byte key');
  }
  const prefix = prefixOf(kind, kdf);
  const plaintext = encodeKeyring(keyring);
  const ciphertext = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
    plaintext,
    associatedData(personId, prefix),
    null,
    nonce,
    key,
  );
  sodium.memzero(plaintext);
  return concatBytes(prefix, nonce, ciphertext);
};

export const sealVault = (keyring: Keyring, personId: string, kind: VaultKind, key: WrappingKey, kdf?: KdfParams) =>
  sealVaultWithNonce(keyring, personId, kind, key, randomBytes(NONCE_BYTES), kdf);

/** The KDF parameters a passphrase vault was sealed with (to derive its wrapping key). */
export const vaultKdfParams = (blob: Uint8Array): KdfParams => {
  if (blob[0] !== VAULT_V1 || blob[1] !== KIND_BYTE.passphrase || blob.length < 26) {
    throw new VaultError('wrong-kind');
  }
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  return { salt: blob.slice(2, 18), opsLimit: view.getUint32(18), memLimit: view.getUint32(22) };
};

/** Decrypts a vault; refuses another person's vault, another kind, a wrong key or any altered byte. */
export const openVault = (blob: Uint8Array, personId: string, kind: VaultKind, key: WrappingKey): Keyring => {
  if (blob[0] !== VAULT_V1) {
    throw new VaultError('unsupported-version');
  }
  if (blob[1] !== KIND_BYTE[kind]) {
    throw new VaultError('wrong-kind');
  }
  const prefixLength = kind === 'passphrase' ? 26 : 2;
  if (blob.length < prefixLength + NONCE_BYTES + 16) {
    throw new VaultError('malformed');
  }
  const prefix = blob.slice(0, prefixLength);
  const nonce = blob.slice(prefixLength, prefixLength + NONCE_BYTES);
  let plaintext: Uint8Array;
  try {
    plaintext = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      blob.slice(prefixLength + NONCE_BYTES),
      associatedData(personId, prefix),
      nonce,
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
