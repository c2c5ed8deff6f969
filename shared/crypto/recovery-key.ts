/**
 * The recovery key: 256 random bits, shown once, typed back to unlock a second vault copy.
 * Crockford base32 of key || 2-byte checksum, in groups of five. Spec: docs/PROTOCOL.md#8-key-vault
 */
import { base32crockford } from '@scure/base';
import { concatBytes, equalBytes } from '../encoding/bytes';
import { randomBytes } from './random';
import { taggedHash } from './tagged';

const checksum = (key: Uint8Array) => taggedHash('parley/recovery-checksum/v1', key).slice(0, 2);

/** A fresh 32-byte recovery key. */
export const generateRecoveryKey = (): Uint8Array => randomBytes(32);

/** The key as a person writes it down: 55 characters in groups of five. */
export const formatRecoveryKey = (key: Uint8Array): string => {
  if (key.length !== 32) {
    throw new RangeError('a recovery key is 32 bytes');
  }
  return (base32crockford.encode(concatBytes(key, checksum(key))).match(/.{1,5}/g) ?? []).join('-');
};

/** Reads a typed recovery key: any case, spaces or dashes anywhere, O as 0, I and L as 1. */
export const parseRecoveryKey = (text: string): Uint8Array => {
  const cleaned = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  let bytes: Uint8Array;
  try {
    bytes = base32crockford.decode(cleaned);
  } catch {
    throw new RangeError('This is not a recovery key: it has characters a recovery key never contains');
  }
  if (bytes.length !== 34) {
    throw new RangeError('This is not a recovery key: it has the wrong length');
  }
  const key = bytes.slice(0, 32);
  if (!equalBytes(checksum(key), bytes.slice(32))) {
    throw new RangeError('This recovery key has a typing mistake: check each group');
  }
  return key;
};
