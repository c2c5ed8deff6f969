import { beforeAll, describe, expect, it } from 'vitest';
import { isBucketSize, paddedSize, padToBucket, unpadFromBucket } from './padding';
import { initCrypto, sodium } from './sodium';

beforeAll(async () => {
  await initCrypto();
});

describe('paddedSize', () => {
  it.each([
    [0, 256],
    [1, 256],
    [255, 256],
    [256, 512],
    [511, 512],
    [4095, 4096],
    [4096, 8192],
    [32_768, 65_536],
    [65_535, 65_536],
    [65_536, 131_072],
    [131_071, 131_072],
    [131_072, 196_608],
    [1_048_575, 1_048_576],
  ])('puts %i bytes in the %i bucket', (n, bucket) => {
    expect(paddedSize(n)).toBe(bucket);
    expect(isBucketSize(bucket)).toBe(true);
  });

  it.each([0, 255, 300, 65_537, 100_000, 196_607])('does not call %i a bucket size', (size) => {
    expect(isBucketSize(size)).toBe(false);
  });

  it('refuses negative or fractional lengths', () => {
    expect(() => paddedSize(-1)).toThrow(RangeError);
    expect(() => paddedSize(1.5)).toThrow(RangeError);
  });
});

describe('padToBucket / unpadFromBucket', () => {
  it.each([0, 1, 255, 256, 65_535, 65_536, 70_000])('round-trips %i bytes', (n) => {
    const plaintext = Uint8Array.from({ length: n }, (_, i) => i % 251);
    const padded = padToBucket(plaintext);
    expect(padded).toHaveLength(paddedSize(n));
    // Buffer#equals: vitest's deep equality is slow on 64 KiB arrays.
    expect(Buffer.from(unpadFromBucket(padded)).equals(plaintext)).toBe(true);
  });

  it('pads with ISO/IEC 7816-4: 0x80 then zeros', () => {
    const padded = padToBucket(new Uint8Array([1, 2, 3]));
    expect([...padded.subarray(0, 5)]).toEqual([1, 2, 3, 0x80, 0]);
    expect(padded.subarray(4).every((byte) => byte === 0)).toBe(true);
  });

  it('refuses a length that is not a bucket', () => {
    expect(() => unpadFromBucket(new Uint8Array(300))).toThrow(/not a bucket size/);
  });

  it('refuses padding without its 0x80 marker', () => {
    expect(() => unpadFromBucket(new Uint8Array(256))).toThrow(/malformed/);
    const padded = padToBucket(new Uint8Array([1, 2, 3]));
    padded[255] = 1;
    expect(() => unpadFromBucket(padded)).toThrow(/malformed/);
  });

  it('refuses a plaintext padded to a larger bucket than its own', () => {
    expect(() => unpadFromBucket(sodium.pad(new Uint8Array(10), 512))).toThrow(/not the bucket/);
  });
});
