import type { z } from 'zod';
import type { StatementSigner } from '../../shared/crypto/key-statement';
import { signTagged } from '../../shared/crypto/sign';
import { VAULT_UPLOAD_TAG, vaultUploadMessage } from '../../shared/crypto/upload-signature';
import { type KdfParams, openVault, sealVault, type WrappingKey } from '../../shared/crypto/vault';
import type { Keyring } from '../../shared/crypto/vault-keyring';
import { fromBase64url, toBase64url } from '../../shared/encoding/bytes';
import type { VaultCopy, VaultUpload } from '../../shared/schemas/identity';

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

/** A vault copy signed by the person's current key, for `PUT /api/vault`. */
export const signVaultUpload = (
  personId: string,
  vault: VaultCopy,
  signer: StatementSigner,
): z.infer<typeof VaultUpload> => ({
  vault,
  keyId: signer.keyId,
  signature: toBase64url(signTagged(VAULT_UPLOAD_TAG, vaultUploadMessage(personId, vault), signer.signSecretKey)),
});
