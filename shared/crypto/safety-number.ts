/**
 * Safety numbers that two people compare out of band (Signal's numeric fingerprint, over both
 * identity keys). Spec: docs/PROTOCOL.md#7-key-directory-statements
 */
import { sha512 } from '@noble/hashes/sha2.js';
import { concatBytes, fromBase64url, utf8Bytes } from '../encoding/bytes';

const ITERATIONS = 5200;

/** Whose fingerprint: a person and their current public keys (base64url). */
export type FingerprintSubject = { readonly person: string; readonly signKey: string; readonly boxKey: string };

const fingerprint = ({ person, signKey, boxKey }: FingerprintSubject): { digits: string; hash: Uint8Array } => {
  const keys = concatBytes(fromBase64url(signKey), fromBase64url(boxKey));
  let hash = sha512(concatBytes(new Uint8Array([0, 0]), keys, utf8Bytes(person)));
  for (let round = 1; round < ITERATIONS; round++) {
    hash = sha512(concatBytes(hash, keys));
  }
  let digits = '';
  for (let chunk = 0; chunk < 6; chunk++) {
    let value = 0;
    for (let byte = 0; byte < 5; byte++) {
      value = value * 256 + (hash[chunk * 5 + byte] ?? 0);
    }
    digits += String(value % 100000).padStart(5, '0');
  }
  return { digits, hash };
};

/** The 60-digit safety number of two people, the same whichever of them computes it. */
export const safetyNumber = (a: FingerprintSubject, b: FingerprintSubject) => {
  const [first, second] = [fingerprint(a), fingerprint(b)].sort((x, y) => x.digits.localeCompare(y.digits));
  if (!first || !second) {
    throw new Error('unreachable');
  }
  const digits = first.digits + second.digits;
  return {
    digits,
    groups: digits.match(/.{5}/g) ?? [],
    qrPayload: concatBytes(new Uint8Array([1]), first.hash.slice(0, 32), second.hash.slice(0, 32)),
  };
};
