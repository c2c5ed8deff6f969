import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64url, toBase64url, utf8String } from '../encoding/bytes';
import type { VaultCopy } from '../schemas/identity';
import { generateIdentityKeys, type IdentityKeys } from './identity-keys';
import { PASSKEY_REMOVAL_TAG, passkeyRemovalMessage } from './passkey-removal';
import { signTagged } from './sign';
import {
  isVaultUploadSignedBy,
  isVerificationsSignedBy,
  nextUploadPosition,
  signVaultUpload,
  signVerificationsUpload,
  vaultUploadState,
  verificationsUploadState,
} from './signed-upload';
import { initCrypto } from './sodium';
import {
  FIRST_UPLOAD,
  LEGACY_VERIFICATIONS_UPLOAD_TAG,
  legacyVerificationsUploadMessage,
  VAULT_UPLOAD_TAG,
  vaultUploadMessage,
  verificationsUploadMessage,
} from './upload-signature';

const PERSON = '0b1e2f30-4a5b-4c6d-8e9f-a0b1c2d3e4f5';
const VAULT: VaultCopy = { kind: 'prf', credentialId: 'cred-1', blob: 'AQIDBA' };
let keys: IdentityKeys;
let other: IdentityKeys;

beforeAll(async () => {
  await initCrypto();
  keys = generateIdentityKeys();
  other = generateIdentityKeys();
});

describe('the signed bytes of uploads (docs/PROTOCOL.md §8.5)', () => {
  it('signs a vault copy as JCS of person, kind, passkey, blob, version and previous hash', () => {
    const message = vaultUploadMessage(PERSON, VAULT, { version: 3, previousHash: 'h' });
    expect(utf8String(message)).toBe(
      `{"blob":"AQIDBA","credentialId":"cred-1","kind":"prf","person":"${PERSON}","previousHash":"h","version":3}`,
    );
  });

  it('signs a verified-contacts list as JCS of person, blob, version and previous hash; legacy lists without the last two', () => {
    expect(utf8String(verificationsUploadMessage(PERSON, 'QUJD', FIRST_UPLOAD))).toBe(
      `{"blob":"QUJD","person":"${PERSON}","previousHash":"","version":1}`,
    );
    expect(utf8String(legacyVerificationsUploadMessage(PERSON, 'QUJD'))).toBe(`{"blob":"QUJD","person":"${PERSON}"}`);
  });

  it('signs a passkey removal as JCS of person, passkey and challenge', () => {
    expect(utf8String(passkeyRemovalMessage(PERSON, 'cred-1', 'Y2hhbGxlbmdl'))).toBe(
      `{"challenge":"Y2hhbGxlbmdl","credentialId":"cred-1","person":"${PERSON}"}`,
    );
    expect(PASSKEY_REMOVAL_TAG).toBe('parley/passkey-removal/v1');
  });

  it('hashes a stored upload as SHA-256 of the upload-hash tag, the signed tagged message and the signature', () => {
    const upload = signVaultUpload(PERSON, VAULT, FIRST_UPLOAD, keys);
    // An independent SHA-256 (Node's) over the bytes the spec names.
    const expected = createHash('sha256')
      .update('parley/upload-hash/v1\0parley/vault-upload/v2\0')
      .update(vaultUploadMessage(PERSON, VAULT, FIRST_UPLOAD))
      .update(fromBase64url(upload.signature))
      .digest('base64url');
    expect(vaultUploadState(PERSON, upload)).toEqual({ version: 1, hash: expected });
    expect(vaultUploadState(PERSON, { vault: VAULT, version: 0 })).toEqual({ version: 0, hash: '' });
  });
});

describe('signing, verifying and chaining uploads', () => {
  it('verifies a signed vault copy by its signer only, and not once any signed field changes', () => {
    const upload = signVaultUpload(PERSON, VAULT, FIRST_UPLOAD, keys);
    expect(upload).toMatchObject({ version: 1, previousHash: '', keyId: keys.keyId });
    expect(isVaultUploadSignedBy(PERSON, upload, keys.signPublicKey)).toBe(true);
    expect(isVaultUploadSignedBy(PERSON, upload, other.signPublicKey)).toBe(false);
    const changed = [
      { ...upload, version: 2 },
      { ...upload, previousHash: toBase64url(new Uint8Array(32)) },
      { ...upload, vault: { ...VAULT, blob: 'AQIDBQ' } },
      { ...upload, vault: { ...VAULT, kind: 'recovery' as const, credentialId: '' } },
    ];
    for (const altered of changed) {
      expect(isVaultUploadSignedBy(PERSON, altered, keys.signPublicKey)).toBe(false);
    }
    expect(isVaultUploadSignedBy('0b1e2f30-4a5b-4c6d-8e9f-a0b1c2d3e4f6', upload, keys.signPublicKey)).toBe(false);
    expect(isVaultUploadSignedBy(PERSON, { vault: VAULT, version: 0 }, keys.signPublicKey)).toBe(false);
  });

  it('chains each upload to the hash of the one it replaces', () => {
    const first = signVaultUpload(PERSON, VAULT, nextUploadPosition(null), keys);
    const firstState = vaultUploadState(PERSON, first);
    const second = signVaultUpload(PERSON, VAULT, nextUploadPosition(firstState), keys);
    expect(second).toMatchObject({ version: 2, previousHash: firstState.hash });
    expect(vaultUploadState(PERSON, second).hash).not.toBe(firstState.hash);
    expect(nextUploadPosition({ version: 0, hash: '' })).toEqual(FIRST_UPLOAD);
  });

  it('reads a legacy list under the v1 tag, and never takes a v1 signature for a versioned upload', () => {
    const signature = toBase64url(
      signTagged(LEGACY_VERIFICATIONS_UPLOAD_TAG, legacyVerificationsUploadMessage(PERSON, 'QUJD'), keys.signSecretKey),
    );
    const legacy = { blob: 'QUJD', version: 0 as const, keyId: keys.keyId, signature };
    expect(isVerificationsSignedBy(PERSON, legacy, keys.signPublicKey)).toBe(true);
    expect(verificationsUploadState(PERSON, legacy)).toEqual({ version: 0, hash: '' });
    const relabelled = { ...legacy, version: 1, previousHash: '' };
    expect(isVerificationsSignedBy(PERSON, relabelled, keys.signPublicKey)).toBe(false);

    const upload = signVerificationsUpload(PERSON, 'QUJD', FIRST_UPLOAD, keys);
    expect(isVerificationsSignedBy(PERSON, upload, keys.signPublicKey)).toBe(true);
    expect(isVerificationsSignedBy(PERSON, { ...upload, version: 2 }, keys.signPublicKey)).toBe(false);
    // The same key's vault-upload signature over other bytes is not a list signature: tags differ.
    const asVault = signVaultUpload(PERSON, VAULT, FIRST_UPLOAD, keys);
    expect(isVerificationsSignedBy(PERSON, { ...upload, signature: asVault.signature }, keys.signPublicKey)).toBe(
      false,
    );
    expect(VAULT_UPLOAD_TAG).toBe('parley/vault-upload/v2');
  });
});
