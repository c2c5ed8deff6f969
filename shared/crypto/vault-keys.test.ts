import { argon2id } from '@noble/hashes/argon2.js';
import { blake2b } from '@noble/hashes/blake2.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateIdentityKeys } from './identity-keys';
import { formatRecoveryKey, generateRecoveryKey, parseRecoveryKey } from './recovery-key';
import { initCrypto, sodium } from './sodium';
import { type KdfParams, openVault, sealVault, VaultError, vaultKdfParams } from './vault';
import {
  MIN_PASSPHRASE_LENGTH,
  newKdfParams,
  wrappingKeyFromPassphrase,
  wrappingKeyFromPrf,
  wrappingKeyFromRecoveryKey,
} from './vault-keys';

const PERSON = '0b8f7a52-3a0c-4a2e-9d2c-6a1f0f6d1c11';
const OTHER = '7e4a4c0d-6d1e-4f6b-8a25-2b1f4c9d3e22';
const PASSPHRASE = 'correct horse battery';

beforeAll(initCrypto);

const LOW_COST = { opsLimit: 1, memLimit: 8192 };
const tagged = (tag: string, person: string) => new Uint8Array(Buffer.from(`${tag}\0${person}`));
const ring = () => {
  const { keyId, signSecretKey, boxSecretKey } = generateIdentityKeys();
  return [{ keyId, signSecretKey, boxSecretKey }];
};

describe('wrapping keys', () => {
  it('from PRF and recovery key are keyed BLAKE2b-256 bound to the person (checked with @noble/hashes)', () => {
    const secret = Uint8Array.from({ length: 32 }, (_, index) => index);
    expect(wrappingKeyFromPrf(secret, PERSON)).toEqual(
      blake2b(tagged('parley/vault-prf/v1', PERSON), { key: secret, dkLen: 32 }),
    );
    expect(wrappingKeyFromRecoveryKey(secret, PERSON)).toEqual(
      blake2b(tagged('parley/vault-recovery/v1', PERSON), { key: secret, dkLen: 32 }),
    );
    expect(wrappingKeyFromPrf(secret, OTHER)).not.toEqual(wrappingKeyFromPrf(secret, PERSON));
    expect(wrappingKeyFromPrf(secret, PERSON)).not.toEqual(wrappingKeyFromRecoveryKey(secret, PERSON));
    expect(() => wrappingKeyFromPrf(new Uint8Array(16), PERSON)).toThrow(RangeError);
    expect(() => wrappingKeyFromRecoveryKey(new Uint8Array(33), PERSON)).toThrow(RangeError);
  });

  it('from a passphrase is Argon2id13 with the given salt and limits (checked with @noble/hashes)', () => {
    const kdf: KdfParams = { salt: new Uint8Array(16).fill(5), ...LOW_COST };
    const expected = argon2id(PASSPHRASE, kdf.salt, { t: 1, m: 8, p: 1, dkLen: 32, version: 0x13 });
    expect(wrappingKeyFromPassphrase(PASSPHRASE, kdf)).toEqual(expected);
  });

  it('from a passphrase normalises it to NFC, so a decomposed accent gives the same key', () => {
    const kdf: KdfParams = { salt: new Uint8Array(16), ...LOW_COST };
    const composed = 'négociation à Genève';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(wrappingKeyFromPassphrase(decomposed, kdf)).toEqual(wrappingKeyFromPassphrase(composed, kdf));
  });

  it(`refuses a passphrase under ${MIN_PASSPHRASE_LENGTH} characters`, () => {
    const kdf = newKdfParams(LOW_COST);
    expect(() => wrappingKeyFromPassphrase('eleven char', kdf)).toThrow(/at least 12 characters/);
    expect(wrappingKeyFromPassphrase('twelve chars', kdf)).toHaveLength(32);
  });

  it('draws a fresh 16-byte salt and defaults to libsodium MODERATE costs', () => {
    const kdf = newKdfParams();
    expect(kdf.salt).toHaveLength(16);
    expect(newKdfParams().salt).not.toEqual(kdf.salt);
    expect(kdf).toMatchObject({
      opsLimit: sodium.crypto_pwhash_OPSLIMIT_MODERATE,
      memLimit: sodium.crypto_pwhash_MEMLIMIT_MODERATE,
    });
  });
});

describe('passphrase and recovery copies', () => {
  it('open with the same passphrase and the parameters stored in the blob only', () => {
    const keyring = ring();
    const kdf = newKdfParams(LOW_COST);
    const blob = sealVault(keyring, PERSON, 'passphrase', wrappingKeyFromPassphrase(PASSPHRASE, kdf), kdf);
    expect(blob.subarray(0, 26)).toEqual(new Uint8Array([1, 2, ...kdf.salt, 0, 0, 0, 1, 0, 0, 0x20, 0]));
    const stored = vaultKdfParams(blob);
    expect(stored).toEqual(kdf);
    expect(openVault(blob, PERSON, 'passphrase', wrappingKeyFromPassphrase(PASSPHRASE, stored))).toEqual(keyring);
    const wrong = wrappingKeyFromPassphrase(`${PASSPHRASE}!`, stored);
    expect(() => openVault(blob, PERSON, 'passphrase', wrong)).toThrow(VaultError);
  });

  it('refuses a blob whose parameters were swapped, and impossible parameters before any Argon2id run', () => {
    const kdf = newKdfParams(LOW_COST);
    const key = wrappingKeyFromPassphrase(PASSPHRASE, kdf);
    const blob = sealVault(ring(), PERSON, 'passphrase', key, kdf);
    const swapped = blob.slice();
    swapped[21] = 2; // opslimit 1 → 2: the AD no longer matches, whatever key is derived
    expect(() =>
      openVault(swapped, PERSON, 'passphrase', wrappingKeyFromPassphrase(PASSPHRASE, vaultKdfParams(swapped))),
    ).toThrow(/does not open this vault/);
    const huge = blob.slice();
    huge[22] = 0xff; // memlimit ≥ 4 GiB
    expect(() => vaultKdfParams(huge)).toThrow(/corrupted/);
    expect(() => openVault(huge, PERSON, 'passphrase', key)).toThrow(/corrupted/);
    expect(() => vaultKdfParams(sealVault(ring(), PERSON, 'prf', key))).toThrow(/not of the kind/);
  });

  it('open a recovery copy with the recovery key as typed', () => {
    const keyring = ring();
    const recovery = generateRecoveryKey();
    const blob = sealVault(keyring, PERSON, 'recovery', wrappingKeyFromRecoveryKey(recovery, PERSON));
    const typed = formatRecoveryKey(recovery).toLowerCase().replace(/-/g, ' ');
    const key = wrappingKeyFromRecoveryKey(parseRecoveryKey(typed), PERSON);
    expect(openVault(blob, PERSON, 'recovery', key)).toEqual(keyring);
  });
});
