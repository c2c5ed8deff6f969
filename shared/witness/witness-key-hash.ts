/**
 * The hash by which a person compares a pinned witness key with its operator's (docs/PROTOCOL.md
 * §9.3): the whole SHA-256(name || 0x0A || 0x04 || public key) whose first 4 bytes are the
 * cosignature/v1 key ID, so the printed hash starts with the key ID but is not grindable as 32 bits are.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8 } from '@scure/base';
import type { CosignerKey } from './cosigner-key';

const COSIGNATURE_V1_TYPE = 0x04;

/** The key hash of a witness key as lowercase hex in groups of four, e.g. `1a2b 3c4d …` (16 groups). */
export const witnessKeyHash = ({ name, publicKey }: Pick<CosignerKey, 'name' | 'publicKey'>): string => {
  const digest = sha256
    .create()
    .update(utf8.decode(name))
    .update(Uint8Array.of(0x0a, COSIGNATURE_V1_TYPE))
    .update(publicKey)
    .digest();
  const hex = Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return hex.match(/.{4}/g)?.join(' ') ?? hex;
};
