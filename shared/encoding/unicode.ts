/**
 * Unicode rules every string Parley reads obeys: well-formed UTF-16 (no lone surrogate), so that
 * it has exactly one UTF-8 form (RFC 8785 requires I-JSON, RFC 7493 §2.1), and lengths counted in
 * code points ("characters" in docs/PROTOCOL.md §1.1), whatever language counts them.
 */

// With the `u` flag a surrogate pair is one code point, so only a lone surrogate is in \p{Cs}.
const LONE_SURROGATE = /\p{Cs}/u;

/** True when `text` is well-formed Unicode: it holds no lone (unpaired) UTF-16 surrogate. */
export const isWellFormedText = (text: string): boolean => !LONE_SURROGATE.test(text);

/** The number of Unicode code points in a well-formed string (a surrogate pair counts once). */
export const countCodePoints = (text: string): number => {
  let count = 0;
  for (const _ of text) {
    count += 1;
  }
  return count;
};
