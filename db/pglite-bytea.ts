import { types } from '@electric-sql/pglite';

/**
 * bytea to and from PostgreSQL's hex text ('\x' and two hex digits a byte) through Node's native
 * hex codec. PGlite's own codec turns each byte pair with `parseInt` and each byte with
 * `toString(16)` in JavaScript: it was the heaviest server function of a 1,000-entry read.
 */
export const parseBytea = (text: string): Uint8Array => {
  const hex = text.slice(2);
  if (!text.startsWith('\\x') || hex.length % 2 !== 0) {
    throw new TypeError('a bytea value is not in the hex format');
  }
  const bytes = new Uint8Array(hex.length / 2);
  // write() stops at the first pair that is not hex; every pair must be.
  if (Buffer.from(bytes.buffer).write(hex, 'hex') !== bytes.length) {
    throw new TypeError('a bytea value holds a character that is not hex');
  }
  return bytes;
};

export const serializeBytea = (value: unknown): string => {
  if (!(value instanceof Uint8Array)) {
    throw new TypeError('a bytea parameter must be a Uint8Array');
  }
  return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
};

/** The PGlite options that install this codec for bytea (arrays of bytea follow the element's). */
export const PGLITE_BYTEA_CODEC = {
  parsers: { [types.BYTEA]: parseBytea },
  serializers: { [types.BYTEA]: serializeBytea },
};
