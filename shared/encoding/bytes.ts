import { utf8 } from '@scure/base';
import { base64url } from './base64url';

/** Encodes bytes as base64url without padding: every byte field on the wire. */
export const toBase64url = (bytes: Uint8Array): string => base64url.encode(bytes);

/** Decodes strict base64url without padding; throws on any other alphabet or padding. */
export const fromBase64url = (text: string): Uint8Array => base64url.decode(text);

/** UTF-8 bytes of a string. */
export const utf8Bytes = (text: string): Uint8Array => utf8.decode(text);

/** The string a UTF-8 byte sequence encodes. */
export const utf8String = (bytes: Uint8Array): string => utf8.encode(bytes);

/** Concatenates byte arrays. */
export const concatBytes = (...parts: readonly Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
};

/** Byte-wise equality (not constant-time: for public values only). */
export const equalBytes = (a: Uint8Array, b: Uint8Array): boolean => {
  if (a.length !== b.length) {
    return false;
  }
  // A plain loop: the offline verifier compares millions of hashes, and every() calls a closure per byte.
  for (let index = 0; index < a.length; index += 1) {
    if (a[index] !== b[index]) {
      return false;
    }
  }
  return true;
};
