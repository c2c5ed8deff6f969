/**
 * Safety numbers that two people compare out of band: Signal's numeric fingerprint, over both of
 * each person's public keys. Spec: docs/PROTOCOL.md#7-key-directory-statements
 */
import { sha512 } from '@noble/hashes/sha2.js';
import { concatBytes, fromBase64url, utf8Bytes } from '../encoding/bytes';

/** SHA-512 rounds per fingerprint: the first over the version, keys and id, then 5,199 more. */
const ROUNDS = 5200;
const FINGERPRINT_VERSION = new Uint8Array([0x00, 0x00]);
const PARTY_FINGERPRINT_VERSION = new Uint8Array([0x00, 0x01]);
const QR_VERSION = 0x01;
const PARTY_QR_VERSION = 0x02;
const CHUNKS = 6;
const CHUNK_BYTES = 5;

/** Whose fingerprint: a person and their public keys (base64url, as in the directory's key records). */
export type FingerprintSubject = { readonly person: string; readonly signKey: string; readonly boxKey: string };

/** The number two people compare: 60 digits, the same 12 groups of five, and the bytes a QR code carries. */
export type SafetyNumber = { readonly digits: string; readonly groups: string[]; readonly qrPayload: Uint8Array };

/** 30 digits and the final hash of one fingerprint: of a person, or (`party` given) of a party's root. */
const fingerprint = (
  { person, signKey, boxKey }: FingerprintSubject,
  party?: string,
): { digits: string; hash: Uint8Array } => {
  const sign = fromBase64url(signKey);
  const box = fromBase64url(boxKey);
  if (sign.length !== 32 || box.length !== 32) {
    throw new RangeError('a fingerprint covers a 32-byte signing key and a 32-byte box key');
  }
  const keys = concatBytes(sign, box);
  const subject =
    party === undefined
      ? concatBytes(FINGERPRINT_VERSION, keys, utf8Bytes(person))
      : concatBytes(PARTY_FINGERPRINT_VERSION, keys, utf8Bytes(party), new Uint8Array([0x00]), utf8Bytes(person));
  let hash = sha512(subject);
  for (let round = 1; round < ROUNDS; round++) {
    hash = sha512(concatBytes(hash, keys));
  }
  let digits = '';
  for (let chunk = 0; chunk < CHUNKS; chunk++) {
    // 40-bit big-endian integer: exact in a double (< 2^53).
    let value = 0;
    for (const byte of hash.subarray(chunk * CHUNK_BYTES, (chunk + 1) * CHUNK_BYTES)) {
      value = value * 256 + byte;
    }
    digits += String(value % 100_000).padStart(5, '0');
  }
  return { digits, hash };
};

/** Order by digits; on an (astronomically unlikely) tie, by hash bytes, so the QR payload is symmetric too. */
const isFirst = (x: { digits: string; hash: Uint8Array }, y: { digits: string; hash: Uint8Array }): boolean => {
  if (x.digits !== y.digits) {
    return x.digits < y.digits;
  }
  const at = x.hash.findIndex((byte, index) => byte !== y.hash[index]);
  return at === -1 || (x.hash[at] ?? 0) < (y.hash[at] ?? 0);
};

/**
 * The safety number of two people: each one's 30 fingerprint digits, the numerically smaller
 * first (equal-length digit strings compare numerically as strings), so both compute the same
 * 60 digits. `qrPayload` = 0x01 || first 32 bytes of each final hash, in the same order (65 bytes).
 */
export const safetyNumber = (a: FingerprintSubject, b: FingerprintSubject): SafetyNumber => {
  const x = fingerprint(a);
  const y = fingerprint(b);
  const [first, second] = isFirst(x, y) ? [x, y] : [y, x];
  const digits = first.digits + second.digits;
  return {
    digits,
    groups: Array.from({ length: digits.length / 5 }, (_, group) => digits.slice(group * 5, group * 5 + 5)),
    qrPayload: concatBytes(new Uint8Array([QR_VERSION]), first.hash.subarray(0, 32), second.hash.subarray(0, 32)),
  };
};

/** A party's number: its root's 30 digits in six groups of five, and the bytes a QR code carries. */
export type PartySafetyNumber = { readonly digits: string; readonly groups: string[]; readonly qrPayload: Uint8Array };

/**
 * The safety number of a party's root (docs/PROTOCOL.md §7.5): the fingerprint of the root admin's
 * first key bound to the party id, so counterparts can verify out of band, once, that they see the
 * same root as the party itself. `qrPayload` = 0x02 || the first 32 bytes of the final hash.
 */
export const partySafetyNumber = (party: string, root: FingerprintSubject): PartySafetyNumber => {
  const { digits, hash } = fingerprint(root, party);
  return {
    digits,
    groups: Array.from({ length: digits.length / 5 }, (_, group) => digits.slice(group * 5, group * 5 + 5)),
    qrPayload: concatBytes(new Uint8Array([PARTY_QR_VERSION]), hash.subarray(0, 32)),
  };
};
