/**
 * Length hiding: plaintexts are padded (ISO/IEC 7816-4, libsodium `pad`) to a size bucket, so the
 * ciphertext length reveals only the bucket.
 * Spec: docs/PROTOCOL.md#3-padding
 */
import { sodium } from './sodium';

const SMALLEST_BUCKET = 256;
const LARGE_BUCKET_STEP = 65_536;

/**
 * The padded size of an `n`-byte plaintext: the smallest power of two ≥ n + 1 (at least 256)
 * while that is ≤ 65,536; above, the smallest multiple of 65,536 ≥ n + 1. The "+ 1" leaves room
 * for the 0x80 marker, so padding is never empty.
 */
export const paddedSize = (n: number): number => {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`a plaintext length is a non-negative integer, got ${n}`);
  }
  let bucket = SMALLEST_BUCKET;
  while (bucket < n + 1 && bucket < LARGE_BUCKET_STEP) {
    bucket *= 2;
  }
  return bucket >= n + 1 ? bucket : Math.ceil((n + 1) / LARGE_BUCKET_STEP) * LARGE_BUCKET_STEP;
};

/** Whether `size` is a size `paddedSize` can return. */
export const isBucketSize = (size: number): boolean =>
  Number.isSafeInteger(size) && size >= SMALLEST_BUCKET && paddedSize(size - 1) === size;

/** Pads `plaintext` to `paddedSize(plaintext.length)`: plaintext || 0x80 || 0x00…. */
export const padToBucket = (plaintext: Uint8Array): Uint8Array => sodium.pad(plaintext, paddedSize(plaintext.length));

/**
 * Removes bucket padding. Throws a `RangeError` if the length is not a bucket size, if the
 * padding is malformed, or if the padded length is not the bucket of the unpadded length (a
 * non-canonical encoding of the same plaintext).
 */
export const unpadFromBucket = (padded: Uint8Array): Uint8Array => {
  if (!isBucketSize(padded.length)) {
    throw new RangeError(`padded length ${padded.length} is not a bucket size`);
  }
  let plaintext: Uint8Array;
  try {
    plaintext = sodium.unpad(padded, padded.length);
  } catch {
    throw new RangeError('padding is malformed');
  }
  if (paddedSize(plaintext.length) !== padded.length) {
    throw new RangeError(`padded length ${padded.length} is not the bucket of ${plaintext.length} bytes`);
  }
  return plaintext;
};
