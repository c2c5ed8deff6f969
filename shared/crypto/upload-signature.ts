import { canonicalBytes } from '../encoding/canonical';
import type { VaultCopy } from '../schemas/identity';

/** Tag of the signature over a vault upload (docs/PROTOCOL.md, "Key vault"). */
export const VAULT_UPLOAD_TAG = 'parley/vault-upload/v1';
/** Tag of the signature over the sealed verified-contacts list. */
export const VERIFICATIONS_UPLOAD_TAG = 'parley/verifications-upload/v1';

/**
 * What a person signs to store a vault copy: binding it to themselves, its kind and passkey, so
 * that a stolen session alone cannot replace a vault with one its owner cannot open.
 */
export const vaultUploadMessage = (personId: string, vault: VaultCopy): Uint8Array =>
  canonicalBytes({ person: personId, kind: vault.kind, credentialId: vault.credentialId, blob: vault.blob });

/** What a person signs to store their sealed list of verified contacts. */
export const verificationsUploadMessage = (personId: string, blob: string): Uint8Array =>
  canonicalBytes({ person: personId, blob });
