import { concatBytes, utf8Bytes } from '../encoding/bytes';
import { sha256 } from './sha256';

/**
 * Domain separation for every hash and signature: the UTF-8 tag, a zero byte, then the message.
 * Tags never contain a zero byte, so no two (tag, message) pairs give the same bytes.
 */
export const taggedMessage = (tag: string, ...parts: readonly Uint8Array[]): Uint8Array =>
  concatBytes(utf8Bytes(tag), new Uint8Array([0]), ...parts);

/** SHA-256 of a tagged message: entry hashes, statement hashes, ciphertext hashes, key ids. */
export const taggedHash = (tag: string, ...parts: readonly Uint8Array[]): Uint8Array =>
  sha256(taggedMessage(tag, ...parts));
