/**
 * Signing, verifying and chaining the uploads a person stores on the server: vault copies and the
 * verified-contacts list. Spec: docs/PROTOCOL.md#85-storing-copies
 */
import { fromBase64url, toBase64url } from '../encoding/bytes';
import type {
  StoredVaultCopy,
  StoredVerifications,
  VaultCopy,
  VaultUpload,
  VerificationsUpload,
} from '../schemas/identity';
import type { SignSecretKey } from './identity-keys';
import { signTagged, verifyTagged } from './sign';
import {
  FIRST_UPLOAD,
  LEGACY_VERIFICATIONS_UPLOAD_TAG,
  legacyVerificationsUploadMessage,
  type UploadPosition,
  uploadHash,
  VAULT_UPLOAD_TAG,
  VERIFICATIONS_UPLOAD_TAG,
  vaultUploadMessage,
  verificationsUploadMessage,
} from './upload-signature';

/** The key an upload is signed with. */
export type UploadSigner = { readonly keyId: string; readonly signSecretKey: SignSecretKey };

/**
 * A stored upload's place in its slot's history: its version and {@link uploadHash}. Version 0
 * (stored before uploads were versioned) has the hash '', so the next upload is {@link FIRST_UPLOAD}.
 */
export type UploadState = { readonly version: number; readonly hash: string };

/** The position of the upload that replaces `stored` (or fills an empty slot). */
export const nextUploadPosition = (stored: UploadState | null | undefined): UploadPosition =>
  stored ? { version: stored.version + 1, previousHash: stored.hash } : FIRST_UPLOAD;

/** Signs a vault copy at `position` for `PUT /api/vault` (or an enrolment). */
export const signVaultUpload = (
  personId: string,
  vault: VaultCopy,
  position: UploadPosition,
  signer: UploadSigner,
): VaultUpload => ({
  vault,
  ...position,
  keyId: signer.keyId,
  signature: toBase64url(
    signTagged(VAULT_UPLOAD_TAG, vaultUploadMessage(personId, vault, position), signer.signSecretKey),
  ),
});

/** Signs a sealed verified-contacts list at `position` for `PUT /api/verifications`. */
export const signVerificationsUpload = (
  personId: string,
  blob: string,
  position: UploadPosition,
  signer: UploadSigner,
): VerificationsUpload => ({
  blob,
  ...position,
  keyId: signer.keyId,
  signature: toBase64url(
    signTagged(VERIFICATIONS_UPLOAD_TAG, verificationsUploadMessage(personId, blob, position), signer.signSecretKey),
  ),
});

/** Whether a stored vault copy is a signed upload (version 1 on), not one stored before versions. */
export const isSignedVaultUpload = (stored: StoredVaultCopy): stored is VaultUpload => 'signature' in stored;

const isVersionedList = (stored: StoredVerifications): stored is VerificationsUpload => 'previousHash' in stored;

/** What a stored vault copy was signed over, and under which tag; null for a version-0 copy. */
const signedVaultBytes = (personId: string, stored: StoredVaultCopy) =>
  isSignedVaultUpload(stored)
    ? {
        tag: VAULT_UPLOAD_TAG,
        message: vaultUploadMessage(personId, stored.vault, stored),
        signature: stored.signature,
      }
    : null;

/** What a stored list was signed over, and under which tag (the legacy one at version 0). */
const signedVerificationsBytes = (personId: string, stored: StoredVerifications) =>
  isVersionedList(stored)
    ? { tag: VERIFICATIONS_UPLOAD_TAG, message: verificationsUploadMessage(personId, stored.blob, stored) }
    : { tag: LEGACY_VERIFICATIONS_UPLOAD_TAG, message: legacyVerificationsUploadMessage(personId, stored.blob) };

/** A stored vault copy's version and hash, as the next upload of its slot must name them. */
export const vaultUploadState = (personId: string, stored: StoredVaultCopy): UploadState => {
  const signed = signedVaultBytes(personId, stored);
  return {
    version: stored.version,
    hash: signed ? uploadHash(signed.tag, signed.message, fromBase64url(signed.signature)) : '',
  };
};

/** A stored list's version and hash ('' at version 0), as the next upload must name them. */
export const verificationsUploadState = (personId: string, stored: StoredVerifications): UploadState => {
  if (!isVersionedList(stored)) {
    return { version: 0, hash: '' };
  }
  const { tag, message } = signedVerificationsBytes(personId, stored);
  return { version: stored.version, hash: uploadHash(tag, message, fromBase64url(stored.signature)) };
};

/** Whether a stored signed vault copy is signed by `signPublicKey` (false at version 0: unsigned). */
export const isVaultUploadSignedBy = (personId: string, stored: StoredVaultCopy, signPublicKey: Uint8Array) => {
  const signed = signedVaultBytes(personId, stored);
  return signed !== null && verifyTagged(signed.tag, signed.message, fromBase64url(signed.signature), signPublicKey);
};

/** Whether a stored list is signed by `signPublicKey` (under the legacy tag at version 0). */
export const isVerificationsSignedBy = (personId: string, stored: StoredVerifications, signPublicKey: Uint8Array) => {
  const { tag, message } = signedVerificationsBytes(personId, stored);
  return verifyTagged(tag, message, fromBase64url(stored.signature), signPublicKey);
};
