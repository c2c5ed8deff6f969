import canonicalize from 'canonicalize';
import { utf8Bytes } from './bytes';

/** The values a signed structure may hold: strings, safe integers, and arrays or objects of those. */
export type CanonicalValue = string | number | readonly CanonicalValue[] | { readonly [key: string]: CanonicalValue };

const assertCanonicalValue = (value: unknown, path: string): void => {
  if (typeof value === 'string') {
    return;
  }
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw new TypeError(`${path} must be a safe integer, got ${value}`);
    }
    return;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      assertCanonicalValue(item, `${path}[${index}]`);
    }
    return;
  }
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) {
      assertCanonicalValue(item, `${path}.${key}`);
    }
    return;
  }
  throw new TypeError(`${path} must be a string, an integer, an array or a plain object`);
};

/**
 * The one encoding every hash and signature in Parley covers: RFC 8785 JSON Canonicalization
 * Scheme (via the `canonicalize` package) encoded as UTF-8. Refuses anything but strings, safe
 * integers, arrays and plain objects, so floats, `null`, `undefined`, dates or class instances can
 * never make two implementations disagree.
 */
export const canonicalBytes = (value: CanonicalValue): Uint8Array => {
  assertCanonicalValue(value, '$');
  const text = canonicalize(value);
  if (text === undefined) {
    throw new TypeError('value has no canonical form');
  }
  return utf8Bytes(text);
};

/** Both encodings of {@link canonicalBytesWithAndWithout}. */
export type CanonicalPair = { readonly whole: Uint8Array; readonly without: Uint8Array };

/**
 * canonicalBytes of an object and of the same object without its member `omitted`, canonicalising
 * each member once. RFC 8785 writes an object as its members sorted by key (UTF-16 code units, as
 * `canonicalize` sorts them), each `key:value` in canonical form and joined by commas, so the two
 * texts share every other member's text; the values themselves are still written by `canonicalize`.
 */
export const canonicalBytesWithAndWithout = (
  value: { readonly [key: string]: CanonicalValue },
  omitted: string,
): CanonicalPair => {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) {
    throw new TypeError('$ must be a plain object');
  }
  assertCanonicalValue(value, '$');
  const members: string[] = [];
  const kept: string[] = [];
  for (const key of Object.keys(value).sort()) {
    const text = canonicalize(value[key]);
    if (text === undefined) {
      throw new TypeError(`$.${key} has no canonical form`);
    }
    const member = `${canonicalize(key)}:${text}`;
    members.push(member);
    if (key !== omitted) {
      kept.push(member);
    }
  }
  return { whole: utf8Bytes(`{${members.join(',')}}`), without: utf8Bytes(`{${kept.join(',')}}`) };
};
