/**
 * The key vault's plaintext: every key pair a person has held, so that entries sealed to an
 * older box key still open after a rotation. Spec: docs/PROTOCOL.md#8-key-vault
 */
import { concatBytes, fromBase64url, toBase64url } from '../encoding/bytes';
import type { BoxSecretKey, SignSecretKey } from './identity-keys';

/** One key pair in the vault, named by its key id (base64url of 16 bytes). */
export type VaultKey = {
  readonly keyId: string;
  readonly signSecretKey: SignSecretKey;
  readonly boxSecretKey: BoxSecretKey;
};
/** Every key pair a person holds, oldest first by convention (the order is kept). */
export type Keyring = readonly VaultKey[];

const KEYRING_V1 = 0x01;
const KEY_ID_BYTES = 16;
const ENTRY_BYTES = KEY_ID_BYTES + 64 + 32;
const MAX_KEYS = 255;

/**
 * `0x01 || count (1 byte) || count × (keyId 16 || signSecretKey 64 || boxSecretKey 32)`.
 * Refuses an empty keyring, more than 255 keys, a key listed twice or a field of the wrong length.
 */
export const encodeKeyring = (keyring: Keyring): Uint8Array => {
  if (keyring.length === 0 || keyring.length > MAX_KEYS) {
    throw new RangeError(`a keyring holds 1 to ${MAX_KEYS} keys, got ${keyring.length}`);
  }
  if (new Set(keyring.map((key) => key.keyId)).size !== keyring.length) {
    throw new RangeError('a keyring lists each key once');
  }
  return concatBytes(
    new Uint8Array([KEYRING_V1, keyring.length]),
    ...keyring.flatMap((key) => {
      const keyId = fromBase64url(key.keyId);
      if (keyId.length !== KEY_ID_BYTES || key.signSecretKey.length !== 64 || key.boxSecretKey.length !== 32) {
        throw new RangeError('a vault key is a 16-byte key id, a 64-byte sign secret key and a 32-byte box secret key');
      }
      return [keyId, key.signSecretKey, key.boxSecretKey];
    }),
  );
};

/** Reads {@link encodeKeyring}'s bytes back (fresh copies); throws RangeError on any other shape. */
export const decodeKeyring = (bytes: Uint8Array): Keyring => {
  const count = bytes[1] ?? 0;
  if (bytes[0] !== KEYRING_V1 || count === 0 || bytes.length !== 2 + count * ENTRY_BYTES) {
    throw new RangeError('malformed keyring');
  }
  return Array.from({ length: count }, (_, index) => {
    const at = 2 + index * ENTRY_BYTES;
    return {
      keyId: toBase64url(bytes.slice(at, at + KEY_ID_BYTES)),
      signSecretKey: bytes.slice(at + KEY_ID_BYTES, at + KEY_ID_BYTES + 64) as SignSecretKey,
      boxSecretKey: bytes.slice(at + KEY_ID_BYTES + 64, at + ENTRY_BYTES) as BoxSecretKey,
    };
  });
};
