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
