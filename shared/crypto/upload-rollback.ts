/**
 * What every client checks when it downloads one of its own stored uploads (a vault copy, the
 * verified-contacts list): signed by the person, and not older than the last one it saw or made
 * of that slot. The browser and the Node SDK both call these; each keeps its own memory of what
 * it saw (localStorage per person; the SDK's exported state). Spec: docs/PROTOCOL.md#85-storing-copies
 */
import type { StoredVaultCopy, StoredVerifications, VaultCopy } from '../schemas/identity';
import {
  isSignedVaultUpload,
  isVaultUploadSignedBy,
  isVerificationsSignedBy,
  type UploadState,
  vaultUploadState,
  verificationsUploadState,
} from './signed-upload';
import { sodium } from './sodium';
import type { Keyring } from './vault-keyring';

/** The name of a vault copy's slot in a client's memory of seen uploads. */
export const vaultUploadSlot = (vault: Pick<VaultCopy, 'kind' | 'credentialId'>): string =>
  vault.kind === 'prf' ? `vault:prf:${vault.credentialId}` : `vault:${vault.kind}`;

/** The name of the verified-contacts list's slot. */
export const VERIFICATIONS_SLOT = 'verifications';

/** A downloaded upload was refused: older than (or forked from) the one seen, or not signed. */
export class UploadRefusedError extends Error {
  constructor(
    readonly slot: string,
    readonly reason: 'older' | 'forked' | 'unsigned',
    message: string,
  ) {
    super(message);
    this.name = 'UploadRefusedError';
  }
}

/** What a slot holds, in words for the person whose upload it is. */
const slotName = (slot: string): string => {
  if (slot === VERIFICATIONS_SLOT) {
    return 'your list of verified contacts';
  }
  return slot.startsWith('vault:prf:')
    ? 'the copy of your keys for this passkey'
    : `the ${slot.slice(6)} copy of your keys`;
};

/**
 * Refuses an upload older than the last one seen in its slot, or another one at that version (the
 * server kept a copy its owner replaced, or was given two and shows each to someone else).
 */
export const assertNotRolledBack = (slot: string, seen: UploadState | undefined, offered: UploadState): void => {
  if (seen === undefined) {
    return;
  }
  if (offered.version < seen.version) {
    throw new UploadRefusedError(
      slot,
      'older',
      `The server offered version ${offered.version} of ${slotName(slot)}, older than version ${seen.version} seen here: refused as a rollback`,
    );
  }
  if (offered.version === seen.version && offered.hash !== seen.hash) {
    throw new UploadRefusedError(
      slot,
      'forked',
      `The server offered another version ${offered.version} of ${slotName(slot)} than the one seen here: refused`,
    );
  }
};

/**
 * Checks a downloaded vault copy: not rolled back, and (from version 1) signed by a key of
 * `keyring`: the keys the copy holds once opened with its wrapping key (only its owner can have
 * sealed them), or the owner's unlocked keyring.
 *
 * @returns the copy's version and hash, to remember as seen.
 * @throws {UploadRefusedError}
 */
export const checkStoredVault = (
  personId: string,
  stored: StoredVaultCopy,
  keyring: Keyring,
  seen: UploadState | undefined,
): UploadState => {
  const slot = vaultUploadSlot(stored.vault);
  const state = vaultUploadState(personId, stored);
  assertNotRolledBack(slot, seen, state);
  if (isSignedVaultUpload(stored)) {
    const key = keyring.find((candidate) => candidate.keyId === stored.keyId);
    const publicKey = key ? sodium.crypto_sign_ed25519_sk_to_pk(key.signSecretKey) : null;
    if (!publicKey || !isVaultUploadSignedBy(personId, stored, publicKey)) {
      throw new UploadRefusedError(
        slot,
        'unsigned',
        `The server's version ${stored.version} of ${slotName(slot)} is not signed by you: refused`,
      );
    }
  }
  return state;
};

/**
 * Checks a downloaded verified-contacts list: not rolled back, and signed by the key `signKeyOf`
 * gives for its key id (a key of the person, from the verified directory).
 *
 * @returns the list's version and hash, to remember as seen.
 * @throws {UploadRefusedError}
 */
export const checkStoredVerifications = (
  personId: string,
  stored: StoredVerifications,
  signKeyOf: (keyId: string) => Uint8Array | undefined,
  seen: UploadState | undefined,
): UploadState => {
  const publicKey = signKeyOf(stored.keyId);
  if (!publicKey || !isVerificationsSignedBy(personId, stored, publicKey)) {
    throw new UploadRefusedError(
      VERIFICATIONS_SLOT,
      'unsigned',
      'Your stored verifications are not signed by you: they were altered',
    );
  }
  const state = verificationsUploadState(personId, stored);
  assertNotRolledBack(VERIFICATIONS_SLOT, seen, state);
  return state;
};
