import { beforeAll, describe, expect, it } from 'vitest';
import { generateIdentityKeys } from '../../shared/crypto/identity-keys';
import { initCrypto } from '../../shared/crypto/sodium';
import type { WrappingKey } from '../../shared/crypto/vault';
import { toBase64url } from '../../shared/encoding/bytes';
import { invitationToken } from './enrol-person';
import { setUnlockedKeyring, UnlockedKeyring, unlockedKeyringOf } from './unlocked-keyring';
import { openVaultCopy, sealVaultCopy } from './vault-copies';

beforeAll(initCrypto);

const PERSON = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const vaultKey = (keys: ReturnType<typeof generateIdentityKeys>) => ({
  keyId: keys.keyId,
  signSecretKey: keys.signSecretKey,
  boxSecretKey: keys.boxSecretKey,
});

describe('UnlockedKeyring', () => {
  it('keeps old keys after a rotation, signs with the newest, and re-seals into a copy that opens', () => {
    const first = generateIdentityKeys();
    const second = generateIdentityKeys();
    const secret = { kind: 'recovery' as const, key: new Uint8Array(32).fill(7) as WrappingKey };
    const keyring = new UnlockedKeyring([vaultKey(first)], [secret]);
    keyring.add(second);
    expect(keyring.keyring.map((key) => key.keyId)).toEqual([first.keyId, second.keyId]);
    expect(keyring.signer(PERSON)).toMatchObject({ person: PERSON, keyId: second.keyId });
    expect(keyring.signer(PERSON, first.keyId).keyId).toBe(first.keyId);
    expect(() => keyring.signer(PERSON, 'AAAAAAAAAAAAAAAAAAAAAA')).toThrow(/does not hold/);
    const copy = sealVaultCopy(keyring.keyring, PERSON, secret);
    expect(copy).toMatchObject({ kind: 'recovery', credentialId: '' });
    expect(openVaultCopy(copy, PERSON, secret.key).map((key) => key.keyId)).toEqual([first.keyId, second.keyId]);
    expect(keyring.secretFor({ kind: 'recovery' })).toBe(secret);
    expect(keyring.secretFor({ kind: 'prf', credentialId: 'x' })).toBeUndefined();
  });

  it('is wiped when its owner locks', () => {
    const owner = {};
    const keys = generateIdentityKeys();
    const keyring = new UnlockedKeyring([vaultKey(keys)]);
    setUnlockedKeyring(owner, keyring);
    expect(unlockedKeyringOf(owner)).toBe(keyring);
    setUnlockedKeyring(owner, undefined);
    expect(unlockedKeyringOf(owner)).toBeUndefined();
    expect(keys.signSecretKey.every((byte) => byte === 0)).toBe(true);
    expect(keyring.keyring).toEqual([]);
  });
});

describe('invitationToken', () => {
  const token = toBase64url(new Uint8Array(32).fill(9));
  it('reads the token from a link fragment or takes a bare token', () => {
    expect(invitationToken(`http://localhost:8080/enrol#${token}`)).toBe(token);
    expect(invitationToken(` ${token} `)).toBe(token);
  });
  it('refuses anything that is not a 32-byte base64url token', () => {
    expect(() => invitationToken('http://localhost:8080/enrol#short')).toThrow();
  });
});
