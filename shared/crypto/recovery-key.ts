/**
 * The recovery key: 256 random bits, shown once, typed back to unlock the recovery copy of the
 * vault. Written as Crockford base32 of key || 2-byte checksum, in groups of five separated by
 * '-'. Spec: docs/PROTOCOL.md#8-key-vault
 */
import { base32crockford } from '@scure/base';
import { concatBytes, equalBytes } from '../encoding/bytes';
import { randomBytes } from './random';
import { taggedHash } from './tagged';

const KEY_BYTES = 32;
const CHECKSUM_BYTES = 2;
/** ⌈(32 + 2) × 8 / 5⌉ characters. */
const RECOVERY_KEY_CHARS = 55;
const GROUP = 5;
/** Crockford's alphabet, plus the letters it reads as digits (O → 0, I and L → 1). */
const CROCKFORD_TYPED = /^[0-9A-HJKMNP-TV-ZOIL]*$/;

/** Why a typed recovery key was refused; the message can be shown to the person as it is. */
export class RecoveryKeyError extends Error {
  constructor(
    readonly reason: 'characters' | 'length' | 'checksum',
    message: string,
  ) {
    super(message);
    this.name = 'RecoveryKeyError';
  }
}

const checksum = (key: Uint8Array): Uint8Array =>
  taggedHash('parley/recovery-checksum/v1', key).slice(0, CHECKSUM_BYTES);

/** A fresh 32-byte recovery key from libsodium's CSPRNG. */
export const generateRecoveryKey = (): Uint8Array => randomBytes(KEY_BYTES);

/** The key as a person writes it down: 55 characters in 11 groups of five, e.g. `7Z0QK-…-W3`. */
export const formatRecoveryKey = (key: Uint8Array): string => {
  if (key.length !== KEY_BYTES) {
    throw new RangeError(`a recovery key is ${KEY_BYTES} bytes, got ${key.length}`);
  }
  const text = base32crockford.encode(concatBytes(key, checksum(key)));
  return Array.from({ length: Math.ceil(text.length / GROUP) }, (_, group) =>
    text.slice(group * GROUP, (group + 1) * GROUP),
  ).join('-');
};

/**
 * Reads a typed recovery key: any case, spaces or dashes anywhere, O read as 0, I and L as 1.
 * Throws {@link RecoveryKeyError} for a character outside the alphabet, a wrong length, or a
 * wrong checksum (a typing mistake: 1 in 65,536 slips through).
 */
export const parseRecoveryKey = (text: string): Uint8Array => {
  const compact = text.toUpperCase().replace(/[\s-]/g, '');
  if (!CROCKFORD_TYPED.test(compact)) {
    const [bad] = compact.replace(/[0-9A-HJKMNP-TV-ZOIL]/g, '');
    throw new RecoveryKeyError(
      'characters',
      `A recovery key has no "${bad}": it uses only digits and letters other than U`,
    );
  }
  if (compact.length !== RECOVERY_KEY_CHARS) {
    throw new RecoveryKeyError(
      'length',
      `A recovery key has ${RECOVERY_KEY_CHARS} characters; this has ${compact.length}: check for a missing or extra group`,
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = base32crockford.decode(compact);
  } catch {
    // 55 characters carry 275 bits for 272: the last character's low three bits must be zero.
    throw new RecoveryKeyError('checksum', 'This recovery key has a typing mistake in its last group');
  }
  const key = bytes.slice(0, KEY_BYTES);
  if (!equalBytes(checksum(key), bytes.slice(KEY_BYTES))) {
    throw new RecoveryKeyError('checksum', 'This recovery key has a typing mistake: check each group');
  }
  return key;
};
