import { beforeAll, describe, expect, it } from 'vitest';
import type { StoredVaultCopy, VaultCopy, VaultUpload } from '../schemas/identity';
import { generateIdentityKeys, type IdentityKeys } from './identity-keys';
import {
  nextUploadPosition,
  signVaultUpload,
  signVerificationsUpload,
  vaultUploadState,
  verificationsUploadState,
} from './signed-upload';
import { initCrypto } from './sodium';
import {
  assertNotRolledBack,
  checkStoredVault,
  checkStoredVerifications,
  UploadRefusedError,
  VERIFICATIONS_SLOT,
  vaultUploadSlot,
} from './upload-rollback';
import { FIRST_UPLOAD } from './upload-signature';
import type { Keyring } from './vault-keyring';

const PERSON = '0b1e2f30-4a5b-4c6d-8e9f-a0b1c2d3e4f5';
const VAULT: VaultCopy = { kind: 'recovery', credentialId: '', blob: 'AQIDBA' };
let keys: IdentityKeys;
let keyring: Keyring;
let v1: VaultUpload;
let v2: VaultUpload;

const refusal = (check: () => unknown) => {
  try {
    check();
  } catch (error) {
    expect(error).toBeInstanceOf(UploadRefusedError);
    return (error as UploadRefusedError).reason;
  }
  throw new Error('expected a refusal');
};

beforeAll(async () => {
  await initCrypto();
  keys = generateIdentityKeys();
  keyring = [{ keyId: keys.keyId, signSecretKey: keys.signSecretKey, boxSecretKey: keys.boxSecretKey }];
  v1 = signVaultUpload(PERSON, VAULT, FIRST_UPLOAD, keys);
  v2 = signVaultUpload(PERSON, { ...VAULT, blob: 'BQYHCA' }, nextUploadPosition(vaultUploadState(PERSON, v1)), keys);
});

describe('assertNotRolledBack', () => {
  it('accepts anything in a slot never seen, the same upload again, and a newer one', () => {
    const seen = { version: 2, hash: 'h2' };
    expect(() => assertNotRolledBack('s', undefined, { version: 0, hash: '' })).not.toThrow();
    expect(() => assertNotRolledBack('s', seen, seen)).not.toThrow();
    expect(() => assertNotRolledBack('s', seen, { version: 3, hash: 'h3' })).not.toThrow();
  });

  it('refuses an older version, and another upload at the version seen', () => {
    const seen = { version: 2, hash: 'h2' };
    expect(refusal(() => assertNotRolledBack('s', seen, { version: 1, hash: 'h1' }))).toBe('older');
    expect(refusal(() => assertNotRolledBack('s', seen, { version: 0, hash: '' }))).toBe('older');
    expect(refusal(() => assertNotRolledBack('s', seen, { version: 2, hash: 'other' }))).toBe('forked');
  });
});

describe('checkStoredVault', () => {
  it('accepts a copy signed by a key of the keyring, returning its state to remember', () => {
    expect(checkStoredVault(PERSON, v2, keyring, vaultUploadState(PERSON, v1))).toEqual(vaultUploadState(PERSON, v2));
  });

  it('refuses the older copy once the newer was seen (a server replaying it)', () => {
    expect(refusal(() => checkStoredVault(PERSON, v1, keyring, vaultUploadState(PERSON, v2)))).toBe('older');
  });

  it('refuses an older copy relabelled with the newer version, and a copy signed by a key it does not hold', () => {
    const relabelled = { ...v1, version: 2, previousHash: v2.previousHash };
    expect(refusal(() => checkStoredVault(PERSON, relabelled, keyring, undefined))).toBe('unsigned');
    const stranger = generateIdentityKeys();
    const byStranger = signVaultUpload(PERSON, VAULT, FIRST_UPLOAD, stranger);
    expect(refusal(() => checkStoredVault(PERSON, byStranger, keyring, undefined))).toBe('unsigned');
  });

  it('accepts an unsigned copy from before versions only while no signed one was seen', () => {
    const legacy: StoredVaultCopy = { vault: VAULT, version: 0 };
    expect(checkStoredVault(PERSON, legacy, keyring, undefined)).toEqual({ version: 0, hash: '' });
    expect(refusal(() => checkStoredVault(PERSON, legacy, keyring, vaultUploadState(PERSON, v1)))).toBe('older');
  });

  it('names slots by kind, and PRF slots by passkey', () => {
    expect(vaultUploadSlot(VAULT)).toBe('vault:recovery');
    expect(vaultUploadSlot({ kind: 'prf', credentialId: 'c1' })).toBe('vault:prf:c1');
  });
});

describe('checkStoredVerifications', () => {
  it('accepts a list signed by the key the directory gives, refuses one signed by another, and an older one', () => {
    const signKeyOf = (keyId: string) => (keyId === keys.keyId ? keys.signPublicKey : undefined);
    const first = signVerificationsUpload(PERSON, 'QUJD', FIRST_UPLOAD, keys);
    const firstState = verificationsUploadState(PERSON, first);
    const second = signVerificationsUpload(PERSON, 'REVG', nextUploadPosition(firstState), keys);
    const secondState = checkStoredVerifications(PERSON, second, signKeyOf, firstState);
    expect(secondState.version).toBe(2);
    expect(refusal(() => checkStoredVerifications(PERSON, first, signKeyOf, secondState))).toBe('older');
    const forged = signVerificationsUpload(PERSON, 'REVG', { version: 9, previousHash: '' }, generateIdentityKeys());
    expect(refusal(() => checkStoredVerifications(PERSON, forged, signKeyOf, undefined))).toBe('unsigned');
    expect(VERIFICATIONS_SLOT).toBe('verifications');
  });
});
