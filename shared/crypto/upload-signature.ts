/**
 * The bytes a person signs to store a vault copy or their verified-contacts list, and the hash
 * that chains each stored upload of a slot to the one it replaces.
 * Spec: docs/PROTOCOL.md#85-storing-copies
 */
import { toBase64url } from '../encoding/bytes';
import { canonicalBytes } from '../encoding/canonical';
import type { VaultCopy } from '../schemas/identity';
import { taggedHash, taggedMessage } from './tagged';

/** Tag of the signature over a vault upload (docs/PROTOCOL.md §8.5). */
export const VAULT_UPLOAD_TAG = 'parley/vault-upload/v2';
/** Tag of the signature over the sealed verified-contacts list (docs/PROTOCOL.md §8.5). */
export const VERIFICATIONS_UPLOAD_TAG = 'parley/verifications-upload/v2';
/**
 * Tag of the signatures of verified-contacts lists stored before uploads carried a version: such
 * a list is read as version 0 and checked under this tag; nothing new is signed with it.
 */
export const LEGACY_VERIFICATIONS_UPLOAD_TAG = 'parley/verifications-upload/v1';
/** Tag of the hash of a stored signed upload, which the next upload of its slot names. */
export const UPLOAD_HASH_TAG = 'parley/upload-hash/v1';

/**
 * Where an upload sits in its slot's history: `version` is exactly one more than the stored
 * upload it replaces (1 for the first signed one), and `previousHash` is that upload's
 * {@link uploadHash} ('' for the first). Both are signed, so an old upload cannot be replayed.
 */
export type UploadPosition = { readonly version: number; readonly previousHash: string };

/** The position of the first signed upload of a slot (empty, or holding a copy from before versions). */
export const FIRST_UPLOAD: UploadPosition = { version: 1, previousHash: '' };

/**
 * What a person signs to store a vault copy: binding it to themselves, its kind and passkey and
 * its place in the slot's history, so that a stolen session can neither swap a vault for one its
 * owner cannot open nor put back an older copy.
 */
export const vaultUploadMessage = (personId: string, vault: VaultCopy, position: UploadPosition): Uint8Array =>
  canonicalBytes({
    person: personId,
    kind: vault.kind,
    credentialId: vault.credentialId,
    blob: vault.blob,
    version: position.version,
    previousHash: position.previousHash,
  });

/** What a person signs to store their sealed list of verified contacts, at its place in history. */
export const verificationsUploadMessage = (personId: string, blob: string, position: UploadPosition): Uint8Array =>
  canonicalBytes({ person: personId, blob, version: position.version, previousHash: position.previousHash });

/** What lists stored before versions were signed over (under {@link LEGACY_VERIFICATIONS_UPLOAD_TAG}). */
export const legacyVerificationsUploadMessage = (personId: string, blob: string): Uint8Array =>
  canonicalBytes({ person: personId, blob });

/**
 * The hash of a stored signed upload: SHA-256 of `tagged('parley/upload-hash/v1', tagged(tag,
 * message) || signature)`, base64url. The next upload of the slot names it as `previousHash`.
 */
export const uploadHash = (tag: string, message: Uint8Array, signature: Uint8Array): string =>
  toBase64url(taggedHash(UPLOAD_HASH_TAG, taggedMessage(tag, message), signature));
