import { createHash } from 'node:crypto';
import { concatBytes } from '../../shared/encoding/bytes';

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;
const MAX_SIGN_COUNT = 0xffff_ffff;

/** Attested credential data for a registration (WebAuthn L3 §6.5.2), AAGUID all zero. */
export type AttestedCredential = { credentialId: Uint8Array; cosePublicKey: Uint8Array };

/** What goes into authenticator data; `rpId` is hashed as given. */
export type AuthenticatorDataFields = {
  rpId: string;
  isUserPresent: boolean;
  isUserVerified: boolean;
  signCount: number;
  attestedCredential?: AttestedCredential;
};

/**
 * Authenticator data (WebAuthn L3 §6.1): SHA-256(rpId) ‖ flags ‖ signCount (uint32 big-endian)
 * [‖ AAGUID ‖ credIdLen (uint16) ‖ credId ‖ COSE key]. Flags carry UP, UV and, with attested
 * credential data, AT; backup bits and extension data are never set.
 */
export const buildAuthenticatorData = (fields: AuthenticatorDataFields): Uint8Array => {
  const { rpId, isUserPresent, isUserVerified, signCount, attestedCredential } = fields;
  if (!Number.isInteger(signCount) || signCount < 0 || signCount > MAX_SIGN_COUNT) {
    throw new RangeError(`Sign count must be a uint32, got ${signCount}`);
  }
  const rpIdHash = createHash('sha256').update(rpId, 'utf8').digest();
  const flags = (isUserPresent ? FLAG_UP : 0) | (isUserVerified ? FLAG_UV : 0) | (attestedCredential ? FLAG_AT : 0);
  const header = new Uint8Array(37);
  header.set(rpIdHash, 0);
  header[32] = flags;
  new DataView(header.buffer).setUint32(33, signCount);
  if (!attestedCredential) {
    return header;
  }
  const { credentialId, cosePublicKey } = attestedCredential;
  const aaguidAndLength = new Uint8Array(18);
  new DataView(aaguidAndLength.buffer).setUint16(16, credentialId.length);
  return concatBytes(header, aaguidAndLength, credentialId, cosePublicKey);
};
