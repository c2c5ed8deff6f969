import { beforeAll, describe, expect, it } from 'vitest';
import { generateIdentityKeys } from './identity-keys';
import { initCrypto } from './sodium';
import { decodeKeyring, encodeKeyring, type VaultKey } from './vault-keyring';

beforeAll(initCrypto);

const vaultKey = (): VaultKey => {
  const { keyId, signSecretKey, boxSecretKey } = generateIdentityKeys();
  return { keyId, signSecretKey, boxSecretKey };
};

describe('keyring encoding', () => {
  it('is 0x01, the count, then key id, sign secret key and box secret key per key, in order', () => {
    const keys = [vaultKey(), vaultKey()];
    const bytes = encodeKeyring(keys);
    expect(bytes).toHaveLength(2 + 2 * 112);
    expect([...bytes.subarray(0, 2)]).toEqual([0x01, 2]);
    expect(bytes.subarray(2 + 112 + 16, 2 + 112 + 80)).toEqual(keys[1]?.signSecretKey);
    expect(decodeKeyring(bytes)).toEqual(keys);
  });

  it('refuses an empty keyring, more than 255 keys, a key listed twice and wrong lengths', () => {
    const key = vaultKey();
    expect(() => encodeKeyring([])).toThrow(RangeError);
    expect(() => encodeKeyring(Array.from({ length: 256 }, vaultKey))).toThrow(/1 to 255/);
    expect(() => encodeKeyring([key, key])).toThrow(/each key once/);
    expect(() => encodeKeyring([{ ...key, boxSecretKey: key.boxSecretKey.slice(1) as never }])).toThrow(RangeError);
  });

  it('refuses bytes of another version, count or length', () => {
    const bytes = encodeKeyring([vaultKey()]);
    expect(() => decodeKeyring(new Uint8Array([0x02, ...bytes.subarray(1)]))).toThrow(/malformed/);
    expect(() => decodeKeyring(new Uint8Array([0x01, 2, ...bytes.subarray(2)]))).toThrow(/malformed/);
    expect(() => decodeKeyring(bytes.subarray(0, -1))).toThrow(/malformed/);
    expect(() => decodeKeyring(new Uint8Array([0x01, 0]))).toThrow(/malformed/);
  });
});
