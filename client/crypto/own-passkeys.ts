/**
 * A person's own passkeys from the account page: add one (with a PRF vault copy sealed to it when
 * the authenticator gives PRF output, signed by their current key) and remove one (a removal signed
 * by their current key over a fresh challenge; the server keeps the last one).
 */
import { API } from '../../shared/api/index';
import { PASSKEY_REMOVAL_TAG, passkeyRemovalMessage } from '../../shared/crypto/passkey-removal';
import { signTagged } from '../../shared/crypto/sign';
import { signVaultUpload, vaultUploadState } from '../../shared/crypto/signed-upload';
import { initCrypto } from '../../shared/crypto/sodium';
import { vaultUploadSlot } from '../../shared/crypto/upload-rollback';
import { FIRST_UPLOAD } from '../../shared/crypto/upload-signature';
import { sealVault } from '../../shared/crypto/vault';
import { wrappingKeyFromPrf } from '../../shared/crypto/vault-keys';
import { toBase64url } from '../../shared/encoding/bytes';
import type { VaultUpload } from '../../shared/schemas/identity';
import { api } from '../api/transport';
import { withKey, withKeys } from './keyring-store';
import { createPasskey } from './passkeys';
import { rememberUpload } from './seen-uploads';

/** Registers another passkey for the signed-in person; answers whether it can unlock by itself (PRF). */
export const addOwnPasskey = async (personId: string, keyId: string): Promise<{ hasPrf: boolean }> => {
  await initCrypto();
  const { options } = await api(API.passkeyOptions);
  const { response, prfOutput } = await createPasskey(options);
  let vault: VaultUpload | undefined;
  if (prfOutput !== null) {
    const key = wrappingKeyFromPrf(prfOutput, personId);
    try {
      const blob = withKeys(personId, (keyring) => sealVault(keyring, personId, 'prf', key));
      const copy = { kind: 'prf' as const, credentialId: response.id, blob: toBase64url(blob) };
      vault = withKey(personId, keyId, (signer) => signVaultUpload(personId, copy, FIRST_UPLOAD, signer));
    } finally {
      key.fill(0);
      prfOutput.fill(0);
    }
  }
  await api(API.passkeyVerify, { body: vault ? { response, vault } : { response } });
  if (vault) {
    rememberUpload(personId, vaultUploadSlot(vault.vault), vaultUploadState(personId, vault));
  }
  return { hasPrf: vault !== undefined };
};

/** Removes one of the person's passkeys; answers how many sessions the removal ended. */
export const removeOwnPasskey = async (personId: string, keyId: string, credentialId: string): Promise<number> => {
  await initCrypto();
  const { challenge } = await api(API.passkeyRemovalChallenge);
  const message = passkeyRemovalMessage(personId, credentialId, challenge);
  const signature = withKey(personId, keyId, (key) =>
    toBase64url(signTagged(PASSKEY_REMOVAL_TAG, message, key.signSecretKey)),
  );
  const { endedSessions } = await api(API.removePasskey, {
    params: { credentialId },
    body: { challenge, keyId, signature },
  });
  return endedSessions;
};
