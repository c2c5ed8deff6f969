import { beforeAll, describe, expect, it } from 'vitest';
import { utf8Bytes } from '../encoding/bytes';
import { generateIdentityKeys, type IdentityKeys } from './identity-keys';
import { signTagged, verifyTagged } from './sign';
import { initCrypto, sodium } from './sodium';

let keys: IdentityKeys;
const message = utf8Bytes('the parties agree');

beforeAll(async () => {
  await initCrypto();
  keys = generateIdentityKeys();
});

describe('signTagged / verifyTagged', () => {
  it('verifies its own signature', () => {
    const signature = signTagged('parley/test/v1', message, keys.signSecretKey);
    expect(signature).toHaveLength(64);
    expect(verifyTagged('parley/test/v1', message, signature, keys.signPublicKey)).toBe(true);
  });

  it('signs the tagged message, not the bare message', () => {
    const signature = signTagged('parley/test/v1', message, keys.signSecretKey);
    expect(sodium.crypto_sign_verify_detached(signature, message, keys.signPublicKey)).toBe(false);
    const tagged = new Uint8Array([...utf8Bytes('parley/test/v1'), 0, ...message]);
    expect(sodium.crypto_sign_verify_detached(signature, tagged, keys.signPublicKey)).toBe(true);
  });

  it('is deterministic (RFC 8032)', () => {
    expect(signTagged('t', message, keys.signSecretKey)).toEqual(signTagged('t', message, keys.signSecretKey));
  });

  it('rejects another tag, another message, another key or a flipped bit', () => {
    const signature = signTagged('parley/test/v1', message, keys.signSecretKey);
    expect(verifyTagged('parley/test/v2', message, signature, keys.signPublicKey)).toBe(false);
    expect(verifyTagged('parley/test/v1', utf8Bytes('the parties disagree'), signature, keys.signPublicKey)).toBe(
      false,
    );
    expect(verifyTagged('parley/test/v1', message, signature, generateIdentityKeys().signPublicKey)).toBe(false);
    const flipped = signature.slice();
    flipped[10] = (flipped[10] ?? 0) ^ 1;
    expect(verifyTagged('parley/test/v1', message, flipped, keys.signPublicKey)).toBe(false);
  });

  it('returns false instead of throwing for inputs of the wrong length', () => {
    const signature = signTagged('t', message, keys.signSecretKey);
    expect(verifyTagged('t', message, signature.subarray(0, 63), keys.signPublicKey)).toBe(false);
    expect(verifyTagged('t', message, new Uint8Array(0), keys.signPublicKey)).toBe(false);
    expect(verifyTagged('t', message, signature, keys.signPublicKey.subarray(0, 31))).toBe(false);
    expect(verifyTagged('t', message, signature, new Uint8Array(32))).toBe(false);
  });

  it('refuses a signing key of the wrong length', () => {
    expect(() => signTagged('t', message, keys.signSecretKey.subarray(0, 32) as never)).toThrow(RangeError);
  });
});
