/**
 * A passkey made through a recovery link cannot get a vault copy at once: the keys are sealed until
 * the person opens them with their recovery key. Its PRF output (when the authenticator gives one)
 * is kept in this tab's memory until then, and the first unlock seals the keyring to it, so the
 * new passkey unlocks by itself from then on. Dropped (zeroed) on sign-out and once used.
 */
import { API } from '../../shared/api/index';
import { signVaultUpload, vaultUploadState } from '../../shared/crypto/signed-upload';
import { initCrypto } from '../../shared/crypto/sodium';
import { vaultUploadSlot } from '../../shared/crypto/upload-rollback';
import { FIRST_UPLOAD } from '../../shared/crypto/upload-signature';
import { sealVault } from '../../shared/crypto/vault';
import { wrappingKeyFromPrf } from '../../shared/crypto/vault-keys';
import { toBase64url } from '../../shared/encoding/bytes';
import { api } from '../api/transport';
import { withKeys } from './keyring-store';
import { rememberUpload } from './seen-uploads';

type Pending = { readonly personId: string; readonly credentialId: string; readonly prfOutput: Uint8Array };

let pending: Pending | null = null;

/** Keeps a just-made passkey's PRF output (a copy) until the person's keys are open. */
export const keepForVaultCopy = (personId: string, credentialId: string, prfOutput: Uint8Array): void => {
  dropPendingVaultCopy();
  pending = { personId, credentialId, prfOutput: prfOutput.slice() };
};

/** Zeroes and forgets a kept PRF output. */
export const dropPendingVaultCopy = (): void => {
  pending?.prfOutput.fill(0);
  pending = null;
};

/**
 * Seals the unlocked keyring to the kept passkey and stores that copy, signed by the newest key the
 * keyring holds (a reader checks that a copy is signed by a key it holds). Does nothing when no
 * output is kept for this person. A failure keeps the output for the next unlock and is thrown.
 */
export const storePendingVaultCopy = async (personId: string): Promise<boolean> => {
  const kept = pending;
  if (kept === null || kept.personId !== personId) {
    return false;
  }
  await initCrypto();
  const key = wrappingKeyFromPrf(kept.prfOutput, personId);
  let upload: ReturnType<typeof signVaultUpload>;
  try {
    upload = withKeys(personId, (keys) => {
      const blob = sealVault(keys, personId, 'prf', key);
      const copy = { kind: 'prf' as const, credentialId: kept.credentialId, blob: toBase64url(blob) };
      const signer = keys.at(-1);
      if (!signer) {
        throw new Error('Your unlocked keyring holds no key');
      }
      return signVaultUpload(personId, copy, FIRST_UPLOAD, signer);
    });
  } finally {
    key.fill(0);
  }
  await api(API.putVault, { body: upload });
  rememberUpload(personId, vaultUploadSlot(upload.vault), vaultUploadState(personId, upload));
  dropPendingVaultCopy();
  return true;
};
