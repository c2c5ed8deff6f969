/**
 * Ed25519 cosigner keys of C2SP tlog-cosignature (https://c2sp.org/tlog-cosignature, "Format"):
 * the key ID is the first 4 bytes of SHA-256(name || 0x0A || 0x04 || public key), and the verifier
 * key text is the signed-note vkey form with signature type 0x04:
 * `<name>+<8 hex digits of key ID>+<base64(0x04 || public key)>`.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8 } from '@scure/base';
import { decodeCanonicalBase64, encodeBase64 } from '../log/canonical-base64';
import { formatKeyId, isValidKeyName } from '../log/verifier-key';

/** Signature type byte of Ed25519 cosignature/v1 keys. */
const COSIGNATURE_V1_TYPE = 0x04;
const PUBLIC_KEY_SIZE = 32;

/** A pinned witness (cosigner) key: its name, its 32-bit cosignature/v1 key ID and its Ed25519 public key. */
export type CosignerKey = { readonly name: string; readonly keyId: number; readonly publicKey: Uint8Array };

/** The outcome of {@link parseCosignerKey}. */
export type ParsedCosignerKey =
  | { readonly ok: true; readonly key: CosignerKey }
  | { readonly ok: false; readonly reason: string };

/** SHA-256(name || 0x0A || 0x04 || key): its first 4 bytes are the cosignature/v1 key ID. */
export const cosignerKeyDigest = (name: string, publicKey: Uint8Array): Uint8Array =>
  sha256.create().update(utf8.decode(name)).update(Uint8Array.of(0x0a, COSIGNATURE_V1_TYPE)).update(publicKey).digest();

/** The cosignature/v1 key ID: the first 4 bytes, big-endian, of {@link cosignerKeyDigest}. */
export const cosignerKeyIdOf = (name: string, publicKey: Uint8Array): number => {
  const digest = cosignerKeyDigest(name, publicKey);
  return new DataView(digest.buffer, digest.byteOffset, 4).getUint32(0);
};

/** The cosigner key for a name and Ed25519 public key; throws on an invalid name or key length. */
export const cosignerKeyOf = (name: string, publicKey: Uint8Array): CosignerKey => {
  if (!isValidKeyName(name)) {
    throw new TypeError('a witness name must be non-empty, without spaces, "+" or control characters');
  }
  if (publicKey.length !== PUBLIC_KEY_SIZE) {
    throw new RangeError(`an Ed25519 public key is ${PUBLIC_KEY_SIZE} bytes, got ${publicKey.length}`);
  }
  return { name, keyId: cosignerKeyIdOf(name, publicKey), publicKey };
};

/** The verifier key text of a cosigner key (type 0x04), as witnesses publish and clients pin it. */
export const formatCosignerKey = ({ name, publicKey }: Pick<CosignerKey, 'name' | 'publicKey'>): string => {
  const key = cosignerKeyOf(name, publicKey);
  const typedKey = new Uint8Array(1 + PUBLIC_KEY_SIZE);
  typedKey[0] = COSIGNATURE_V1_TYPE;
  typedKey.set(publicKey, 1);
  return `${name}+${formatKeyId(key.keyId)}+${encodeBase64(typedKey)}`;
};

const fail = (reason: string): ParsedCosignerKey => ({ ok: false, reason });

/**
 * Parses a cosignature/v1 verifier key text (type 0x04) and checks that its key ID matches its
 * name and key. An ordinary note key (type 0x01) is refused: a log key pasted where a witness key
 * belongs must not turn into a witness. Only the canonical form is accepted.
 */
export const parseCosignerKey = (text: string): ParsedCosignerKey => {
  const firstPlus = text.indexOf('+');
  const secondPlus = text.indexOf('+', firstPlus + 1);
  if (firstPlus < 0 || secondPlus < 0) {
    return fail('witness key is not <name>+<key ID>+<key>');
  }
  const name = text.slice(0, firstPlus);
  const keyIdHex = text.slice(firstPlus + 1, secondPlus);
  const typedKey = decodeCanonicalBase64(text.slice(secondPlus + 1));
  if (!isValidKeyName(name)) {
    return fail('witness key name is empty or contains a space, "+" or a control character');
  }
  if (!/^[0-9a-f]{8}$/.test(keyIdHex)) {
    return fail('witness key ID is not 8 lowercase hex digits');
  }
  if (typedKey === undefined) {
    return fail('witness key material is not canonical standard base64');
  }
  if (typedKey.length !== 1 + PUBLIC_KEY_SIZE || typedKey[0] !== COSIGNATURE_V1_TYPE) {
    return fail('witness key is not an Ed25519 cosignature/v1 key (type 0x04 and 32 bytes)');
  }
  const key = cosignerKeyOf(name, typedKey.slice(1));
  if (formatKeyId(key.keyId) !== keyIdHex) {
    return fail(`witness key ID ${keyIdHex} does not match its name and key (expected ${formatKeyId(key.keyId)})`);
  }
  return { ok: true, key };
};
