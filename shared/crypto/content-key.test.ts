import { blake2b } from '@noble/hashes/blake2.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { utf8Bytes } from '../encoding/bytes';
import { asContentKey, computeKeyCommitment, generateContentKey, openSealedKey, resealContentKey } from './content-key';
import { generateIdentityKeys, type IdentityKeys } from './identity-keys';
import { initCrypto } from './sodium';

let reviewer: IdentityKeys;
let other: IdentityKeys;

beforeAll(async () => {
  await initCrypto();
  reviewer = generateIdentityKeys();
  other = generateIdentityKeys();
});

describe('computeKeyCommitment', () => {
  it('is BLAKE2b-256 of the tagged key (checked with @noble/hashes)', () => {
    const key = asContentKey(new Uint8Array(32).fill(9));
    const expected = blake2b(new Uint8Array([...utf8Bytes('parley/key-commitment/v1'), 0, ...key]), { dkLen: 32 });
    expect(computeKeyCommitment(key)).toEqual(expected);
  });

  it('differs for different keys', () => {
    expect(computeKeyCommitment(generateContentKey())).not.toEqual(computeKeyCommitment(generateContentKey()));
  });

  it('refuses a key of the wrong length', () => {
    expect(() => computeKeyCommitment(new Uint8Array(31) as never)).toThrow(RangeError);
    expect(() => asContentKey(new Uint8Array(33))).toThrow(RangeError);
  });
});

describe('resealContentKey / openSealedKey', () => {
  it('seals an 80-byte box that only the addressee opens', () => {
    const key = generateContentKey();
    const sealed = resealContentKey(key, reviewer.boxPublicKey);
    expect(sealed).toHaveLength(80);
    expect(openSealedKey(sealed, reviewer.boxPublicKey, reviewer.boxSecretKey)).toEqual(key);
  });

  it('gives a different box each time (fresh ephemeral key)', () => {
    const key = generateContentKey();
    expect(resealContentKey(key, reviewer.boxPublicKey)).not.toEqual(resealContentKey(key, reviewer.boxPublicKey));
  });

  it('refuses to open with another key pair', () => {
    const sealed = resealContentKey(generateContentKey(), reviewer.boxPublicKey);
    expect(() => openSealedKey(sealed, other.boxPublicKey, other.boxSecretKey)).toThrow(/does not open/);
  });

  it('refuses an altered or truncated box', () => {
    const sealed = resealContentKey(generateContentKey(), reviewer.boxPublicKey);
    const altered = sealed.slice();
    altered[50] = (altered[50] ?? 0) ^ 1;
    expect(() => openSealedKey(altered, reviewer.boxPublicKey, reviewer.boxSecretKey)).toThrow(/does not open/);
    expect(() => openSealedKey(sealed.subarray(0, 79), reviewer.boxPublicKey, reviewer.boxSecretKey)).toThrow(
      /80 bytes/,
    );
  });

  it('refuses to seal a key of the wrong length or to a key of the wrong length', () => {
    expect(() => resealContentKey(new Uint8Array(16) as never, reviewer.boxPublicKey)).toThrow(RangeError);
    expect(() => resealContentKey(generateContentKey(), new Uint8Array(31) as never)).toThrow(RangeError);
  });
});
