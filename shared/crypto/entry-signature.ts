/**
 * The author's signature over an entry header.
 * Spec: docs/PROTOCOL.md#44-signature
 */
import { fromBase64url, toBase64url } from '../encoding/bytes';
import { EntryHeader, type SignedEntry } from '../schemas/entry';
import { ENTRY_SIGNATURE_TAG, entryHeaderBytes } from './entry-bytes';
import type { SignPublicKey, SignSecretKey } from './identity-keys';
import { signTagged, verifyTagged } from './sign';

/** Signs a complete header; returns the base64url signature that goes in `SignedEntry.signature`. */
export const signEntryHeader = (header: EntryHeader, signSecretKey: SignSecretKey): string =>
  toBase64url(signTagged(ENTRY_SIGNATURE_TAG, entryHeaderBytes(header), signSecretKey));

/**
 * Whether `entry.signature` is the signature of `signPublicKey` over the header's canonical bytes.
 * False, never a throw, for a header the `EntryHeader` schema rejects (an extra field, a wrong
 * type), for a signature that is not base64url of 64 bytes, and for a key of the wrong length: a
 * verifier never vouches for something that is not a valid entry. The ciphertext is not checked
 * here (see `checkEntryIntegrity`).
 */
export const verifyEntrySignature = (
  entry: Pick<SignedEntry, 'header' | 'signature'>,
  signPublicKey: SignPublicKey,
): boolean => {
  const header = EntryHeader.safeParse(entry.header);
  if (!header.success) {
    return false;
  }
  let headerBytes: Uint8Array;
  try {
    headerBytes = entryHeaderBytes(header.data);
  } catch {
    // Only a header holding `undefined` (which JSON cannot carry) has no canonical form.
    return false;
  }
  return verifyEntrySignatureOverBytes(headerBytes, entry.signature, signPublicKey);
};

/**
 * {@link verifyEntrySignature} over a header's canonical bytes (`entryHeaderBytes` of a parsed
 * header), for a verifier that computed them once for the entry hash (`entryHashOfHeaderBytes`).
 */
export const verifyEntrySignatureOverBytes = (
  headerBytes: Uint8Array,
  signature: string,
  signPublicKey: SignPublicKey,
): boolean => {
  try {
    // Throws on a signature that is not base64url: not a valid signature.
    return verifyTagged(ENTRY_SIGNATURE_TAG, headerBytes, fromBase64url(signature), signPublicKey);
  } catch {
    return false;
  }
};
