/**
 * Why a key vault did not open: one error type, shared by every caller of `openVault`.
 * Spec: docs/PROTOCOL.md#8-key-vault
 */

/** Why a vault did not open. AEAD cannot tell a wrong key from another person's blob: one reason covers both. */
export type VaultErrorReason = 'unsupported-version' | 'wrong-kind' | 'malformed' | 'wrong-key-or-person';

const MESSAGES: Readonly<Record<VaultErrorReason, string>> = {
  'unsupported-version': 'the vault has a format version this client does not know',
  'wrong-kind': 'the vault is not of the kind being unlocked',
  malformed: 'the vault is corrupted: truncated, or with impossible parameters',
  'wrong-key-or-person': "the key does not open this vault, or the vault is another person's",
};

/** A vault that did not open, with a machine-readable reason. */
export class VaultError extends Error {
  constructor(readonly reason: VaultErrorReason) {
    super(`vault cannot be opened: ${MESSAGES[reason]}`);
    this.name = 'VaultError';
  }
}
