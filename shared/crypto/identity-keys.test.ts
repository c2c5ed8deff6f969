import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64url } from '../encoding/bytes';
import { deriveKeyId, generateIdentityKeys, identityKeysFromSeeds } from './identity-keys';
import { initCrypto, sodium } from './sodium';

beforeAll(async () => {
  await initCrypto();
});

const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'hex'));
const seed = (byte: number): Uint8Array => new Uint8Array(32).fill(byte);

describe('identity keys', () => {
  it('generates a 64-byte Ed25519 secret key and a separate X25519 key pair', () => {
    const keys = generateIdentityKeys();
    expect(keys.signPublicKey).toHaveLength(32);
    expect(keys.signSecretKey).toHaveLength(64);
    expect(keys.boxPublicKey).toHaveLength(32);
    expect(keys.boxSecretKey).toHaveLength(32);
    expect(keys.boxPublicKey).not.toEqual(keys.signPublicKey);
    expect(fromBase64url(keys.keyId)).toHaveLength(16);
  });

  it('derives the RFC 8032 test 1 public key from its seed', () => {
    const keys = identityKeysFromSeeds(
      hex('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60'),
      seed(1),
    );
    expect(Buffer.from(keys.signPublicKey).toString('hex')).toBe(
      'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    );
  });

  it('gives the same keys for the same seeds, and different keys for different ones', () => {
    expect(identityKeysFromSeeds(seed(1), seed(2))).toEqual(identityKeysFromSeeds(seed(1), seed(2)));
    expect(identityKeysFromSeeds(seed(1), seed(3)).keyId).not.toBe(identityKeysFromSeeds(seed(1), seed(2)).keyId);
  });

  it('derives the box public key as X25519 of the seed-derived secret key', () => {
    const keys = identityKeysFromSeeds(seed(1), seed(2));
    expect(sodium.crypto_scalarmult_base(keys.boxSecretKey)).toEqual(keys.boxPublicKey);
  });

  it('computes the key id as the first 16 bytes of the tagged SHA-256 of both public keys', () => {
    const keys = identityKeysFromSeeds(seed(7), seed(8));
    const expected = createHash('sha256')
      .update('parley/key-id/v1\u0000')
      .update(keys.signPublicKey)
      .update(keys.boxPublicKey)
      .digest()
      .subarray(0, 16)
      .toString('base64url');
    expect(deriveKeyId(keys.signPublicKey, keys.boxPublicKey)).toBe(expected);
    expect(keys.keyId).toBe(expected);
  });

  it('binds the key id to the order of the two keys', () => {
    const { signPublicKey, boxPublicKey } = identityKeysFromSeeds(seed(7), seed(8));
    expect(deriveKeyId(boxPublicKey as never, signPublicKey as never)).not.toBe(
      deriveKeyId(signPublicKey, boxPublicKey),
    );
  });

  it('refuses seeds and keys of the wrong length', () => {
    expect(() => identityKeysFromSeeds(new Uint8Array(31), seed(1))).toThrow(RangeError);
    expect(() => identityKeysFromSeeds(seed(1), new Uint8Array(33))).toThrow(RangeError);
    expect(() => deriveKeyId(new Uint8Array(31) as never, new Uint8Array(32) as never)).toThrow(RangeError);
  });
});
