/**
 * The key vault's plaintext: every key pair a person has held, so that entries sealed to an
 * older box key still open after a rotation. Spec: docs/PROTOCOL.md#8-key-vault
 */
import { concatBytes, fromBase64url, toBase64url } from '../encoding/bytes';
import type { BoxSecretKey, SignSecretKey } from './identity-keys';

/** One key pair in the vault. */
export type VaultKey = {
  readonly keyId: string;
  readonly signSecretKey: SignSecretKey;
  readonly boxSecretKey: BoxSecretKey;
};
export type Keyring = readonly VaultKey[];

const KEYRING_V1 = 0x01;
const ENTRY_BYTES = 16 + 64 + 32;

/** version 0x01 || count (1 byte) || per key: keyId (16) || signSecretKey (64) || boxSecretKey (32). */
export const encodeKeyring = (keyring: Keyring): Uint8Array => {
  if (keyring.length === 0 || keyring.length > 255) {
    throw new RangeError('a keyring holds 1 to 255 keys');
  }
  return concatBytes(
    new Uint8Array([KEYRING_V1, keyring.length]),
    ...keyring.flatMap((key) => {
      const keyId = fromBase64url(key.keyId);
      if (keyId.length !== 16 || key.signSecretKey.length !== 64 || key.boxSecretKey.length !== 32) {
        throw new RangeError('malformed vault key');
      }
      return [keyId, key.signSecretKey, key.boxSecretKey];
    }),
  );
};

export const decodeKeyring = (bytes: Uint8Array): Keyring => {
  if (bytes[0] !== KEYRING_V1 || bytes.length !== 2 + (bytes[1] ?? 0) * ENTRY_BYTES || (bytes[1] ?? 0) === 0) {
    throw new RangeError('malformed keyring');
  }
  return Array.from({ length: bytes[1] ?? 0 }, (_, index) => {
    const at = 2 + index * ENTRY_BYTES;
    return {
      keyId: toBase64url(bytes.slice(at, at + 16)),
      signSecretKey: bytes.slice(at + 16, at + 80) as SignSecretKey,
      boxSecretKey: bytes.slice(at + 80, at + 112) as BoxSecretKey,
    };
  });
};
