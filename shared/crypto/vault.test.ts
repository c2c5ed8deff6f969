import { createHash } from 'node:crypto';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { blake2b } from '@noble/hashes/blake2.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateIdentityKeys, identityKeysFromSeeds } from './identity-keys';
import { generateRecoveryKey } from './recovery-key';
import { initCrypto, sodium } from './sodium';
import { openVault, sealVault, sealVaultWithNonce, VAULT_PRF_SALT, VaultError, type VaultErrorReason } from './vault';
import type { Keyring } from './vault-keyring';
import { wrappingKeyFromPrf, wrappingKeyFromRecoveryKey } from './vault-keys';

const PERSON = '0b8f7a52-3a0c-4a2e-9d2c-6a1f0f6d1c11';
const OTHER = '7e4a4c0d-6d1e-4f6b-8a25-2b1f4c9d3e22';

beforeAll(initCrypto);

const ringOf = (...keys: ReturnType<typeof generateIdentityKeys>[]): Keyring =>
  keys.map(({ keyId, signSecretKey, boxSecretKey }) => ({ keyId, signSecretKey, boxSecretKey }));

const reasonOf = (open: () => unknown): VaultErrorReason | 'opened' | 'other' => {
  try {
    open();
    return 'opened';
  } catch (error) {
    return error instanceof VaultError ? error.reason : 'other';
  }
};

describe('key vault', () => {
  it('runs on the sumo build: crypto_pwhash exists at run time', () => {
    expect(typeof sodium.crypto_pwhash).toBe('function');
  });

  it('uses SHA-256 of the tag and a zero byte as the PRF salt', () => {
    expect(VAULT_PRF_SALT).toEqual(new Uint8Array(createHash('sha256').update('parley/prf-salt/v1\0').digest()));
  });

  it('keeps every key of a rotated keyring, in order, through a PRF copy', () => {
    const ring = ringOf(generateIdentityKeys(), generateIdentityKeys(), generateIdentityKeys());
    const prf = sodium.randombytes_buf(32);
    const blob = sealVault(ring, PERSON, 'prf', wrappingKeyFromPrf(prf, PERSON));
    expect(blob).toHaveLength(2 + 24 + 2 + 3 * 112 + 16);
    expect(openVault(blob, PERSON, 'prf', wrappingKeyFromPrf(prf, PERSON))).toEqual(ring);
    expect(sealVault(ring, PERSON, 'prf', wrappingKeyFromPrf(prf, PERSON))).not.toEqual(blob);
  });

  it('matches an independent construction with @noble/ciphers and @noble/hashes (known answer)', () => {
    const keys = identityKeysFromSeeds(new Uint8Array(32).fill(1), new Uint8Array(32).fill(2));
    const prf = new Uint8Array(32).fill(9);
    const nonce = Uint8Array.from({ length: 24 }, (_, index) => index);
    const blob = sealVaultWithNonce(ringOf(keys), PERSON, 'prf', wrappingKeyFromPrf(prf, PERSON), nonce);
    const tagged = (tag: string, message: string) => new Uint8Array(Buffer.from(`${tag}\0${message}`));
    const key = blake2b(tagged('parley/vault-prf/v1', PERSON), { key: prf, dkLen: 32 });
    const ad = new Uint8Array([...tagged('parley/vault/v1', PERSON), 0x01, 0x01]);
    expect([...blob.subarray(0, 2)]).toEqual([0x01, 0x01]);
    expect(blob.subarray(2, 26)).toEqual(nonce);
    const plaintext = xchacha20poly1305(key, nonce, ad).decrypt(blob.subarray(26));
    expect(plaintext).toEqual(
      new Uint8Array([
        0x01,
        0x01,
        ...Buffer.from(keys.keyId, 'base64url'),
        ...keys.signSecretKey,
        ...keys.boxSecretKey,
      ]),
    );
    expect(createHash('sha256').update(blob).digest('hex')).toBe(
      'd813ccebd6294e5c638e2b0da67f39dc8ea6a70b69c88505d39e10551fad2d40',
    );
  });

  it('refuses a wrong key, another person, another kind, another version and a truncated blob', () => {
    const ring = ringOf(generateIdentityKeys());
    const prf = sodium.randombytes_buf(32);
    const key = wrappingKeyFromPrf(prf, PERSON);
    const blob = sealVault(ring, PERSON, 'prf', key);
    expect(reasonOf(() => openVault(blob, PERSON, 'prf', wrappingKeyFromPrf(sodium.randombytes_buf(32), PERSON)))).toBe(
      'wrong-key-or-person',
    );
    expect(reasonOf(() => openVault(blob, OTHER, 'prf', wrappingKeyFromPrf(prf, OTHER)))).toBe('wrong-key-or-person');
    expect(reasonOf(() => openVault(blob, OTHER, 'prf', key))).toBe('wrong-key-or-person');
    expect(reasonOf(() => openVault(blob, PERSON, 'recovery', key))).toBe('wrong-kind');
    expect(reasonOf(() => openVault(blob, PERSON, 'passphrase', key))).toBe('wrong-kind');
    expect(reasonOf(() => openVault(new Uint8Array([0x02, ...blob.subarray(1)]), PERSON, 'prf', key))).toBe(
      'unsupported-version',
    );
    expect(reasonOf(() => openVault(blob.subarray(0, 41), PERSON, 'prf', key))).toBe('malformed');
    expect(reasonOf(() => openVault(new Uint8Array(), PERSON, 'prf', key))).toBe('unsupported-version');
  });

  it('refuses every altered byte', () => {
    const key = wrappingKeyFromRecoveryKey(generateRecoveryKey(), PERSON);
    const blob = sealVault(ringOf(generateIdentityKeys()), PERSON, 'recovery', key);
    for (let index = 0; index < blob.length; index++) {
      const altered = blob.slice();
      altered[index] = (altered[index] ?? 0) ^ 0x01;
      expect(() => openVault(altered, PERSON, 'recovery', key), `byte ${index}`).toThrow(VaultError);
    }
  });

  it('seals a passphrase copy only with KDF parameters, and the others only without', () => {
    const ring = ringOf(generateIdentityKeys());
    const key = wrappingKeyFromPrf(sodium.randombytes_buf(32), PERSON);
    const kdf = { salt: new Uint8Array(16), opsLimit: 1, memLimit: 8192 };
    expect(() => sealVault(ring, PERSON, 'passphrase', key)).toThrow(RangeError);
    expect(() => sealVault(ring, PERSON, 'prf', key, kdf)).toThrow(RangeError);
    expect(() => sealVault(ring, PERSON, 'passphrase', key, { ...kdf, salt: new Uint8Array(8) })).toThrow(RangeError);
    expect(() => sealVaultWithNonce(ring, PERSON, 'prf', key, new Uint8Array(12))).toThrow(RangeError);
    expect(() => sealVault([], PERSON, 'prf', key)).toThrow(RangeError);
  });
});
