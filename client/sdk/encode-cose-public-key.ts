import type { KeyObject } from 'node:crypto';
import { type CBORType, encodeCBOR } from '@levischuck/tiny-cbor';
import { fromBase64url } from '../../shared/encoding/bytes';

/** COSE algorithm identifier of ECDSA with SHA-256 on P-256 ("ES256"). */
export const COSE_ALG_ES256 = -7;

/**
 * Encodes a P-256 public key as the COSE_Key of attested credential data (RFC 9053 §7.1.1:
 * kty 2 = EC2, alg -7, crv 1 = P-256, x, y), in CTAP2 canonical key order.
 */
export const encodeCosePublicKey = (publicKey: KeyObject): Uint8Array => {
  const jwk = publicKey.export({ format: 'jwk' });
  if (jwk.crv !== 'P-256' || jwk.x === undefined || jwk.y === undefined) {
    throw new TypeError(`Expected a P-256 public key, got curve ${String(jwk.crv)}`);
  }
  const coseKey = new Map<string | number, CBORType>([
    [1, 2],
    [3, COSE_ALG_ES256],
    [-1, 1],
    [-2, fromBase64url(jwk.x)],
    [-3, fromBase64url(jwk.y)],
  ]);
  return encodeCBOR(coseKey);
};
