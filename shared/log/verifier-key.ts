/**
 * Ed25519 key names, key IDs and verifier keys of the C2SP signed-note format
 * (https://c2sp.org/signed-note, "Signatures" and "Ed25519 signatures"), in the text form of
 * golang.org/x/mod/sumdb/note: `<name>+<8 hex digits of key ID>+<base64(0x01 || public key)>`.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8 } from '@scure/base';
import { decodeCanonicalBase64, encodeBase64 } from './canonical-base64';

/** Signature type byte of Ed25519 in signed notes. */
const ED25519_TYPE = 0x01;
const PUBLIC_KEY_SIZE = 32;

/** A pinned Ed25519 note key: its name, its 32-bit key ID and its 32-byte public key. */
export type VerifierKey = { readonly name: string; readonly keyId: number; readonly publicKey: Uint8Array };

/** The outcome of {@link parseVerifierKey}. */
export type ParsedVerifierKey =
  | { readonly ok: true; readonly key: VerifierKey }
  | { readonly ok: false; readonly reason: string };

// Unicode spaces and '+' are the spec's rule; control characters (Cc) and lone surrogates are
// refused too, as a note may not carry them and they cannot round-trip through UTF-8.
const FORBIDDEN_IN_NAME = /[\s\u0085+\p{Cc}\p{Cs}]/u;

/** True when `name` may name a note key: non-empty, no Unicode space, no '+', no control character. */
export const isValidKeyName = (name: string): boolean => name.length > 0 && !FORBIDDEN_IN_NAME.test(name);

/** The key ID of an Ed25519 key: the first 4 bytes, big-endian, of SHA-256(name || 0x0A || 0x01 || key). */
export const keyIdOf = (name: string, publicKey: Uint8Array): number => {
  const digest = sha256
    .create()
    .update(utf8.decode(name))
    .update(Uint8Array.of(0x0a, ED25519_TYPE))
    .update(publicKey)
    .digest();
  return new DataView(digest.buffer, digest.byteOffset, 4).getUint32(0);
};

/** A key ID as the 8 lowercase hex digits of the verifier key text. */
export const formatKeyId = (keyId: number): string => keyId.toString(16).padStart(8, '0');

/** The verifier key text of an Ed25519 note key; throws on an invalid name or key length. */
export const formatVerifierKey = (name: string, publicKey: Uint8Array): string => {
  if (!isValidKeyName(name)) {
    throw new TypeError('a key name must be non-empty, without spaces, "+" or control characters');
  }
  if (publicKey.length !== PUBLIC_KEY_SIZE) {
    throw new RangeError(`an Ed25519 public key is ${PUBLIC_KEY_SIZE} bytes, got ${publicKey.length}`);
  }
  const typedKey = new Uint8Array(1 + PUBLIC_KEY_SIZE);
  typedKey[0] = ED25519_TYPE;
  typedKey.set(publicKey, 1);
  return `${name}+${formatKeyId(keyIdOf(name, publicKey))}+${encodeBase64(typedKey)}`;
};

const fail = (reason: string): ParsedVerifierKey => ({ ok: false, reason });

/**
 * Parses an Ed25519 verifier key text and checks that its key ID matches its name and public
 * key, so a key pasted with the wrong name or a typo is refused here and not at the first
 * signature. Only the canonical form is accepted (lowercase hex, canonical base64).
 */
export const parseVerifierKey = (text: string): ParsedVerifierKey => {
  const firstPlus = text.indexOf('+');
  const secondPlus = text.indexOf('+', firstPlus + 1);
  if (firstPlus < 0 || secondPlus < 0) {
    return fail('verifier key is not <name>+<key ID>+<key>');
  }
  // The name and key ID cannot contain '+'; the base64 key after them can.
  const name = text.slice(0, firstPlus);
  const keyIdHex = text.slice(firstPlus + 1, secondPlus);
  const typedKey = decodeCanonicalBase64(text.slice(secondPlus + 1));
  if (!isValidKeyName(name)) {
    return fail('verifier key name is empty or contains a space, "+" or a control character');
  }
  if (!/^[0-9a-f]{8}$/.test(keyIdHex)) {
    return fail('verifier key ID is not 8 lowercase hex digits');
  }
  if (typedKey === undefined) {
    return fail('verifier key material is not canonical standard base64');
  }
  if (typedKey.length !== 1 + PUBLIC_KEY_SIZE || typedKey[0] !== ED25519_TYPE) {
    return fail('verifier key is not an Ed25519 key (type 0x01 and 32 bytes)');
  }
  const publicKey = typedKey.slice(1);
  const keyId = keyIdOf(name, publicKey);
  if (formatKeyId(keyId) !== keyIdHex) {
    return fail(`verifier key ID ${keyIdHex} does not match its name and key (expected ${formatKeyId(keyId)})`);
  }
  return { ok: true, key: { name, keyId, publicKey } };
};
