/**
 * Sets or changes the passphrase that unlocks a person's keys on a device whose passkey gives no
 * PRF output: the unlocked keyring is sealed anew under the new passphrase (Argon2id, fresh salt)
 * and stored as the next signed version of the passphrase copy, replacing the old one.
 */
import { API } from '../../shared/api/index';
import { nextUploadPosition, signVaultUpload, vaultUploadState } from '../../shared/crypto/signed-upload';
import { initCrypto } from '../../shared/crypto/sodium';
import { vaultUploadSlot } from '../../shared/crypto/upload-rollback';
import { sealVault } from '../../shared/crypto/vault';
import { MIN_PASSPHRASE_LENGTH, newKdfParams, wrappingKeyFromPassphrase } from '../../shared/crypto/vault-keys';
import { toBase64url } from '../../shared/encoding/bytes';
import { api } from '../api/transport';
import { withKey, withKeys } from './keyring-store';
import { rememberUpload } from './seen-uploads';

export const changePassphrase = async (personId: string, keyId: string, passphrase: string): Promise<void> => {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new Error(`Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters`);
  }
  await initCrypto();
  const { vaults } = await api(API.getVaults);
  const stored = vaults.find((copy) => copy.vault.kind === 'passphrase');
  const position = nextUploadPosition(stored ? vaultUploadState(personId, stored) : null);
  const kdf = newKdfParams();
  const key = wrappingKeyFromPassphrase(passphrase, kdf);
  try {
    const blob = withKeys(personId, (keyring) => sealVault(keyring, personId, 'passphrase', key, kdf));
    const copy = { kind: 'passphrase' as const, credentialId: '', blob: toBase64url(blob) };
    const upload = withKey(personId, keyId, (signer) => signVaultUpload(personId, copy, position, signer));
    await api(API.putVault, { body: upload });
    rememberUpload(personId, vaultUploadSlot(upload.vault), vaultUploadState(personId, upload));
  } finally {
    key.fill(0);
  }
};
