/**
 * Opening the signed-in person's key vault: the PRF copy of the passkey they signed in with, the
 * passphrase copy, or the recovery copy. A copy that opens is checked before its keys are held:
 * signed by a key it holds, and not older than the last copy of its slot this browser saw
 * (docs/PROTOCOL.md §8.5). Whatever passes goes into the in-memory keyring store; wrapping keys
 * and PRF outputs are zeroed as soon as they are used.
 */
import { API } from '../../shared/api/index';
import { parseRecoveryKey } from '../../shared/crypto/recovery-key';
import { initCrypto } from '../../shared/crypto/sodium';
import { checkStoredVault, vaultUploadSlot } from '../../shared/crypto/upload-rollback';
import { openVault, VaultError, type VaultKind, vaultKdfParams, type WrappingKey } from '../../shared/crypto/vault';
import {
  wrappingKeyFromPassphrase,
  wrappingKeyFromPrf,
  wrappingKeyFromRecoveryKey,
} from '../../shared/crypto/vault-keys';
import { fromBase64url } from '../../shared/encoding/bytes';
import type { StoredVaultCopy } from '../../shared/schemas/identity';
import { api } from '../api/transport';
import { holdKeyring } from './keyring-store';
import { rememberUpload, seenUpload } from './seen-uploads';

/** Which ways of unlocking the person's stored vault copies allow, for the unlock screen. */
export type UnlockOptions = {
  readonly prf: boolean;
  readonly passphrase: boolean;
  readonly recovery: boolean;
};

const fetchVaults = async (): Promise<StoredVaultCopy[]> => (await api(API.getVaults)).vaults;

const findCopy = (vaults: readonly StoredVaultCopy[], kind: VaultKind, credentialId = ''): StoredVaultCopy => {
  const copy = vaults.find(({ vault }) => vault.kind === kind && vault.credentialId === credentialId);
  if (!copy) {
    throw new Error(
      kind === 'prf'
        ? 'This passkey has no vault copy of its own: unlock with your passphrase or recovery key'
        : `You have no ${kind} copy of your keys`,
    );
  }
  return copy;
};

const open = (stored: StoredVaultCopy, personId: string, key: WrappingKey): void => {
  const copy = stored.vault;
  try {
    const keyring = openVault(fromBase64url(copy.blob), personId, copy.kind, key);
    try {
      const slot = vaultUploadSlot(copy);
      rememberUpload(personId, slot, checkStoredVault(personId, stored, keyring, seenUpload(personId, slot)));
      holdKeyring(personId, keyring, copy.kind);
    } finally {
      for (const entry of keyring) {
        entry.signSecretKey.fill(0);
        entry.boxSecretKey.fill(0);
      }
    }
  } catch (error) {
    if (error instanceof VaultError && error.reason === 'wrong-key-or-person') {
      throw new Error(
        copy.kind === 'passphrase'
          ? 'Wrong passphrase'
          : copy.kind === 'recovery'
            ? 'This recovery key does not open your keys'
            : 'The passkey did not give the key of this vault',
      );
    }
    throw error;
  } finally {
    key.fill(0);
  }
};

/** The ways the signed-in person can unlock here, given the passkey of this session. */
export const unlockOptions = async (credentialId: string): Promise<UnlockOptions> => {
  const vaults = await fetchVaults();
  return {
    prf: vaults.some(({ vault }) => vault.kind === 'prf' && vault.credentialId === credentialId),
    passphrase: vaults.some(({ vault }) => vault.kind === 'passphrase'),
    recovery: vaults.some(({ vault }) => vault.kind === 'recovery'),
  };
};

/** Opens the PRF copy of the passkey `credentialId` with its PRF output (zeroed afterwards). */
export const unlockWithPrf = async (personId: string, credentialId: string, prfOutput: Uint8Array) => {
  try {
    await initCrypto();
    const copy = findCopy(await fetchVaults(), 'prf', credentialId);
    open(copy, personId, wrappingKeyFromPrf(prfOutput, personId));
  } finally {
    prfOutput.fill(0);
  }
};

/** Opens the passphrase copy (Argon2id: takes a few seconds on purpose). */
export const unlockWithPassphrase = async (personId: string, passphrase: string) => {
  await initCrypto();
  const copy = findCopy(await fetchVaults(), 'passphrase');
  open(copy, personId, wrappingKeyFromPassphrase(passphrase, vaultKdfParams(fromBase64url(copy.vault.blob))));
};

/** Opens the recovery copy with the recovery key as the person typed it. */
export const unlockWithRecoveryKey = async (personId: string, typed: string) => {
  await initCrypto();
  const recoveryKey = parseRecoveryKey(typed);
  const copy = findCopy(await fetchVaults(), 'recovery');
  try {
    open(copy, personId, wrappingKeyFromRecoveryKey(recoveryKey, personId));
  } finally {
    recoveryKey.fill(0);
  }
};
