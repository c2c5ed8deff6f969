import { beforeAll, describe, expect, it } from 'vitest';
import { generateIdentityKeys } from './identity-keys';
import { formatRecoveryKey, generateRecoveryKey, parseRecoveryKey } from './recovery-key';
import { initCrypto, sodium } from './sodium';
import { openVault, sealVault, VAULT_PRF_SALT, VaultError, vaultKdfParams } from './vault';
import { newKdfParams, wrappingKeyFromPassphrase, wrappingKeyFromPrf, wrappingKeyFromRecoveryKey } from './vault-keys';

const PERSON = '0b8f7a52-3a0c-4a2e-9d2c-6a1f0f6d1c11';
const OTHER = '7e4a4c0d-6d1e-4f6b-8a25-2b1f4c9d3e22';
const LOW_COST = { opsLimit: 1, memLimit: 8192 };

beforeAll(initCrypto);

const keyring = () => {
  const keys = generateIdentityKeys();
  return [{ keyId: keys.keyId, signSecretKey: keys.signSecretKey, boxSecretKey: keys.boxSecretKey }];
};

describe('key vault', () => {
  it('is the sumo build at run time: crypto_pwhash exists', () => {
    expect(typeof sodium.crypto_pwhash).toBe('function');
  });

  it('opens with the PRF-derived key and returns the keyring unchanged', () => {
    const ring = keyring();
    const prf = sodium.randombytes_buf(32);
    const blob = sealVault(ring, PERSON, 'prf', wrappingKeyFromPrf(prf, PERSON));
    expect(openVault(blob, PERSON, 'prf', wrappingKeyFromPrf(prf, PERSON))).toEqual(ring);
    expect(VAULT_PRF_SALT).toHaveLength(32);
  });

  it('refuses another PRF output, another person, another kind and any altered byte', () => {
    const ring = keyring();
    const prf = sodium.randombytes_buf(32);
    const key = wrappingKeyFromPrf(prf, PERSON);
    const blob = sealVault(ring, PERSON, 'prf', key);
    expect(() => openVault(blob, PERSON, 'prf', wrappingKeyFromPrf(sodium.randombytes_buf(32), PERSON))).toThrow(
      VaultError,
    );
    expect(() => openVault(blob, OTHER, 'prf', wrappingKeyFromPrf(prf, OTHER))).toThrow(VaultError);
    expect(() => openVault(blob, OTHER, 'prf', key)).toThrow(VaultError);
    expect(() => openVault(blob, PERSON, 'recovery', key)).toThrow(VaultError);
    for (let index = 0; index < blob.length; index++) {
      const altered = blob.slice();
      altered[index] = (altered[index] ?? 0) ^ 0x01;
      expect(() => openVault(altered, PERSON, 'prf', key), `byte ${index}`).toThrow(VaultError);
    }
  });

  it('opens a passphrase copy with the same passphrase and parameters only', () => {
    const ring = keyring();
    const kdf = newKdfParams(LOW_COST);
    const blob = sealVault(ring, PERSON, 'passphrase', wrappingKeyFromPassphrase('correct horse battery', kdf), kdf);
    const stored = vaultKdfParams(blob);
    expect(openVault(blob, PERSON, 'passphrase', wrappingKeyFromPassphrase('correct horse battery', stored))).toEqual(
      ring,
    );
    expect(() =>
      openVault(blob, PERSON, 'passphrase', wrappingKeyFromPassphrase('correct horse battery!', stored)),
    ).toThrow(VaultError);
    expect(() => wrappingKeyFromPassphrase('too short', stored)).toThrow(RangeError);
  });

  it('opens a recovery copy with the typed recovery key', () => {
    const ring = keyring();
    const recovery = generateRecoveryKey();
    const blob = sealVault(ring, PERSON, 'recovery', wrappingKeyFromRecoveryKey(recovery, PERSON));
    const typed = formatRecoveryKey(recovery).toLowerCase().replace(/-/g, ' ');
    expect(openVault(blob, PERSON, 'recovery', wrappingKeyFromRecoveryKey(parseRecoveryKey(typed), PERSON))).toEqual(
      ring,
    );
  });
});

describe('recovery key', () => {
  it('is 55 characters in groups of five and round-trips, tolerating O, I and L', () => {
    const key = generateRecoveryKey();
    const text = formatRecoveryKey(key);
    expect(text.replace(/-/g, '')).toHaveLength(55);
    expect(text.split('-').every((group) => group.length <= 5)).toBe(true);
    expect(parseRecoveryKey(text.replace(/0/g, 'O').replace(/1/g, 'l'))).toEqual(key);
  });

  it('detects every single-character substitution of a fixed key', () => {
    // A 16-bit checksum misses a random typo with probability 2^-16: fixed bytes keep this exact.
    const key = Uint8Array.from({ length: 32 }, (_, index) => (index * 37 + 11) % 256);
    const compact = formatRecoveryKey(key).replace(/-/g, '');
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    let detected = 0;
    let tried = 0;
    for (let position = 0; position < compact.length; position++) {
      for (const replacement of alphabet) {
        if (replacement === compact[position]) {
          continue;
        }
        tried++;
        const typo = compact.slice(0, position) + replacement + compact.slice(position + 1);
        try {
          parseRecoveryKey(typo);
        } catch {
          detected++;
        }
      }
    }
    expect(detected).toBe(tried);
  });
});
