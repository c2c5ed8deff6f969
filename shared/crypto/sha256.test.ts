import { sha256 as sha256InJs } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { toBase64url, utf8Bytes } from '../encoding/bytes';
import { sha256 } from './sha256';
import { initCrypto, sodium } from './sodium';

const hex = (bytes: Uint8Array) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

// FIPS 180-4 examples (NIST CSRC, SHA256.pdf): "abc" and the 448-bit two-block message.
const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
const TWO_BLOCKS = '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1';
const TWO_BLOCKS_TEXT = 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq';

describe('sha256', () => {
  it('gives the FIPS 180-4 digests with libsodium loaded, whole or in parts', async () => {
    await initCrypto();
    expect(typeof sodium.crypto_hash_sha256).toBe('function');
    expect(hex(sha256(utf8Bytes('abc')))).toBe(ABC);
    expect(hex(sha256(utf8Bytes('a'), new Uint8Array(0), utf8Bytes('bc')))).toBe(ABC);
    expect(hex(sha256(utf8Bytes(TWO_BLOCKS_TEXT.slice(0, 20)), utf8Bytes(TWO_BLOCKS_TEXT.slice(20))))).toBe(TWO_BLOCKS);
  });

  it('agrees with the JavaScript implementation it replaces on inputs of every length up to 300 bytes', async () => {
    await initCrypto();
    const bytes = Uint8Array.from({ length: 300 }, (_, index) => (index * 151 + 7) % 256);
    for (let length = 0; length <= bytes.length; length += 1) {
      const input = bytes.subarray(0, length);
      expect(toBase64url(sha256(Uint8Array.of(1), input))).toBe(toBase64url(sha256InJs(Uint8Array.of(1, ...input))));
    }
  });
});
