import { type KdfParams, openVault, sealVault, type WrappingKey } from '../../shared/crypto/vault';
import type { Keyring } from '../../shared/crypto/vault-keyring';
import { fromBase64url, toBase64url } from '../../shared/encoding/bytes';
import type { VaultCopy } from '../../shared/schemas/identity';

/**
 * The wrapping key of one vault copy, held in memory while a person is unlocked so the copy can
 * be re-sealed after a rotation without asking for the passkey, passphrase or recovery key again.
 */
export type VaultSecret =
  | { readonly kind: 'prf'; readonly credentialId: string; readonly key: WrappingKey }
  | { readonly kind: 'recovery'; readonly key: WrappingKey }
  | { readonly kind: 'passphrase'; readonly key: WrappingKey; readonly kdf: KdfParams };

/** The server's name of the copy a secret opens: kind plus, for PRF, the passkey. */
export const vaultSlot = (copy: { kind: VaultCopy['kind']; credentialId?: string }): string =>
  copy.kind === 'prf' ? `prf:${copy.credentialId ?? ''}` : copy.kind;

/** Seals a keyring into the vault copy the secret describes, as the server stores it. */
export const sealVaultCopy = (keyring: Keyring, personId: string, secret: VaultSecret): VaultCopy => {
  const blob =
    secret.kind === 'passphrase'
      ? sealVault(keyring, personId, 'passphrase', secret.key, secret.kdf)
      : sealVault(keyring, personId, secret.kind, secret.key);
  return {
    kind: secret.kind,
    credentialId: secret.kind === 'prf' ? secret.credentialId : '',
    blob: toBase64url(blob),
  };
};

/**
 * Opens a stored vault copy with its wrapping key.
 *
 * @throws {VaultError} (shared/crypto/vault) on a wrong key, another person's copy or altered bytes.
 */
export const openVaultCopy = (copy: VaultCopy, personId: string, key: WrappingKey): Keyring =>
  openVault(fromBase64url(copy.blob), personId, copy.kind, key);
