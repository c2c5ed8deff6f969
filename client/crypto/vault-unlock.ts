/**
 * Opening the signed-in person's key vault: the PRF copy of the passkey they signed in with, the
 * passphrase copy, or the recovery copy. Whatever opens goes into the in-memory keyring store;
 * wrapping keys and PRF outputs are zeroed as soon as they are used.
 */
import { API } from '../../shared/api/index';
import { parseRecoveryKey } from '../../shared/crypto/recovery-key';
import { initCrypto } from '../../shared/crypto/sodium';
import { openVault, VaultError, type VaultKind, vaultKdfParams, type WrappingKey } from '../../shared/crypto/vault';
import {
  wrappingKeyFromPassphrase,
  wrappingKeyFromPrf,
  wrappingKeyFromRecoveryKey,
} from '../../shared/crypto/vault-keys';
import { fromBase64url } from '../../shared/encoding/bytes';
import type { VaultCopy } from '../../shared/schemas/identity';
import { api } from '../api/transport';
import { holdKeyring } from './keyring-store';

/** Which ways of unlocking the person's stored vault copies allow, for the unlock screen. */
export type UnlockOptions = {
  readonly prf: boolean;
  readonly passphrase: boolean;
  readonly recovery: boolean;
};

const fetchVaults = async (): Promise<VaultCopy[]> => (await api(API.getVaults)).vaults;

const findCopy = (vaults: readonly VaultCopy[], kind: VaultKind, credentialId = ''): VaultCopy => {
  const copy = vaults.find((vault) => vault.kind === kind && vault.credentialId === credentialId);
  if (!copy) {
    throw new Error(
      kind === 'prf'
        ? 'This passkey has no vault copy of its own: unlock with your passphrase or recovery key'
        : `You have no ${kind} copy of your keys`,
    );
  }
  return copy;
};

const open = (copy: VaultCopy, personId: string, key: WrappingKey): void => {
  try {
    const keyring = openVault(fromBase64url(copy.blob), personId, copy.kind, key);
    holdKeyring(personId, keyring, copy.kind);
    for (const entry of keyring) {
      entry.signSecretKey.fill(0);
      entry.boxSecretKey.fill(0);
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
    prf: vaults.some((vault) => vault.kind === 'prf' && vault.credentialId === credentialId),
    passphrase: vaults.some((vault) => vault.kind === 'passphrase'),
    recovery: vaults.some((vault) => vault.kind === 'recovery'),
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
  open(copy, personId, wrappingKeyFromPassphrase(passphrase, vaultKdfParams(fromBase64url(copy.blob))));
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
