/**
 * Integer arithmetic for Merkle tree sizes and leaf indices up to 2^53 - 1.
 *
 * JavaScript's bitwise operators truncate their operands to 32 bits, so a tree of 2^32 leaves or
 * more would silently compute the wrong shape with `>>`, `&` or `^`. Everything here uses exact
 * double arithmetic instead, which is correct for every safe integer.
 */

const TWO_POW_32 = 2 ** 32;

/** True when `value` is a safe integer ≥ 0: the only tree sizes and leaf indices the log accepts. */
export const isTreeIndex = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** `value >> 1` for any non-negative safe integer. */
export const half = (value: number): number => Math.floor(value / 2);

/** True when the least significant bit of a non-negative safe integer is set. */
export const isOdd = (value: number): boolean => value % 2 === 1;

/** The number of bits needed to write `value` (0 for 0), as Go's `bits.Len64`. */
export const bitLength = (value: number): number => {
  let bits = 0;
  for (let rest = value; rest > 0; rest = half(rest)) {
    bits += 1;
  }
  return bits;
};

/** The number of set bits of a non-negative safe integer, as Go's `bits.OnesCount64`. */
export const popCount = (value: number): number => {
  let count = 0;
  for (let rest = value; rest > 0; rest = half(rest)) {
    count += rest % 2;
  }
  return count;
};

/** The number of trailing zero bits of a positive safe integer, as Go's `bits.TrailingZeros64`. */
export const trailingZeros = (value: number): number => {
  let zeros = 0;
  for (let rest = value; rest > 0 && !isOdd(rest); rest = half(rest)) {
    zeros += 1;
  }
  return zeros;
};

/** True when `value` is 2^k for some k ≥ 0. */
export const isPowerOfTwo = (value: number): boolean => value >= 1 && 2 ** (bitLength(value) - 1) === value;

/** k such that 2^k = `value`, for a power of two. */
export const log2Exact = (value: number): number => bitLength(value) - 1;

/** The largest power of two strictly less than `value` (≥ 2): the RFC 6962 §2.1 split point. */
export const largestPowerOfTwoBelow = (value: number): number => 2 ** (bitLength(value - 1) - 1);

/** `a ^ b` for non-negative safe integers, XORing the high and low 32-bit halves separately. */
export const xor = (a: number, b: number): number => {
  const high = (Math.floor(a / TWO_POW_32) ^ Math.floor(b / TWO_POW_32)) >>> 0;
  const low = ((a % TWO_POW_32) ^ (b % TWO_POW_32)) >>> 0;
  return high * TWO_POW_32 + low;
};

/**
 * The number of hashes in an RFC 6962 inclusion proof for `leafIndex` in a tree of `treeSize`
 * leaves (`leafIndex < treeSize`): the levels where the paths to the leaf and to the last leaf
 * diverge, plus one per left sibling above them (transparency-dev/merkle `decompInclProof`).
 */
export const inclusionProofLength = (leafIndex: number, treeSize: number): number => {
  const inner = bitLength(xor(leafIndex, treeSize - 1));
  return inner + popCount(Math.floor(leafIndex / 2 ** inner));
};

/**
 * The number of hashes in an RFC 6962 consistency proof from `size1` to `size2`
 * (0 < size1 < size2): as the inclusion proof of leaf `size1 - 1`, minus the levels inside the
 * largest complete subtree ending at `size1`, plus that subtree's root unless it is the whole
 * old tree.
 */
export const consistencyProofLength = (size1: number, size2: number): number => {
  const inner = bitLength(xor(size1 - 1, size2 - 1));
  const border = popCount(Math.floor((size1 - 1) / 2 ** inner));
  const seed = isPowerOfTwo(size1) ? 0 : 1;
  return seed + inner - trailingZeros(size1) + border;
};
