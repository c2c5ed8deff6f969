import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { blake2b } from '@noble/hashes/blake2.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { utf8Bytes, utf8String } from '../encoding/bytes';
import {
  type LocalStoreKey,
  localStoreKey,
  openLocalRecord,
  sealLocalRecord,
  sealLocalRecordWithNonce,
} from './local-store-seal';
import { initCrypto } from './sodium';

const PERSON = '0b8f7a52-3a0c-4a2e-9d2c-6a1f0f6d1c11';
const OTHER = '7e4a4c0d-6d1e-4f6b-8a25-2b1f4c9d3e22';
const secret = new Uint8Array(32).fill(7);
const tagged = (tag: string, text: string) => new Uint8Array(Buffer.from(`${tag}\0${text}`));

beforeAll(initCrypto);

describe('local store sealing', () => {
  it('derives the store key as keyed BLAKE2b-256 bound to the person (checked with @noble/hashes)', () => {
    const expected = blake2b(tagged('parley/local-store-key/v1', PERSON), { key: secret, dkLen: 32 });
    expect(localStoreKey(secret, PERSON)).toEqual(expected);
    expect(localStoreKey(secret, OTHER)).not.toEqual(expected);
    expect(() => localStoreKey(new Uint8Array(31), PERSON)).toThrow(RangeError);
  });

  it('seals with XChaCha20-Poly1305, the record name as associated data (checked with @noble/ciphers)', () => {
    const key = localStoreKey(secret, PERSON);
    const nonce = new Uint8Array(24).fill(3);
    const sealed = sealLocalRecordWithNonce(key, 'stream:s1', utf8Bytes('{"v":1}'), nonce);
    const expected = xchacha20poly1305(key, nonce, tagged('parley/local-store-record/v1', 'stream:s1')).encrypt(
      utf8Bytes('{"v":1}'),
    );
    expect(sealed.subarray(24)).toEqual(expected);
    expect(sealed.subarray(0, 24)).toEqual(nonce);
  });

  it('opens its own records and refuses altered, moved or foreign ones', () => {
    const key = localStoreKey(secret, PERSON);
    const sealed = sealLocalRecord(key, 'stream:s1', utf8Bytes('cached'));
    expect(utf8String(openLocalRecord(key, 'stream:s1', sealed) ?? new Uint8Array())).toBe('cached');
    const flipped = sealed.slice();
    flipped[30] = (flipped[30] ?? 0) ^ 1;
    expect(openLocalRecord(key, 'stream:s1', flipped)).toBeNull();
    expect(openLocalRecord(key, 'stream:s2', sealed)).toBeNull();
    expect(openLocalRecord(localStoreKey(secret, OTHER), 'stream:s1', sealed)).toBeNull();
    expect(openLocalRecord(key, 'stream:s1', sealed.subarray(0, 30))).toBeNull();
    expect(openLocalRecord(new Uint8Array(32) as LocalStoreKey, 'stream:s1', sealed)).toBeNull();
  });
});
