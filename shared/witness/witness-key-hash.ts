/**
 * The hash by which a person compares a pinned witness key with its operator's (docs/PROTOCOL.md
 * §9.3): the whole SHA-256(name || 0x0A || 0x04 || public key) whose first 4 bytes are the
 * cosignature/v1 key ID, so the printed hash starts with the key ID but is not grindable as 32 bits are.
 */
import { hex } from '@scure/base';
import { type CosignerKey, cosignerKeyDigest } from './cosigner-key';

/** The key hash of a witness key as lowercase hex in groups of four, e.g. `1a2b 3c4d …` (16 groups). */
export const witnessKeyHash = ({ name, publicKey }: Pick<CosignerKey, 'name' | 'publicKey'>): string =>
  hex.encode(cosignerKeyDigest(name, publicKey)).replace(/(.{4})(?=.)/g, '$1 ');
