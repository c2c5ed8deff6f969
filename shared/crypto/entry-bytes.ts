/**
 * The exact bytes an entry's signature, associated data and hashes cover.
 * Spec: docs/PROTOCOL.md#43-associated-data, #44-signature, #45-entry-hash
 */
import { toBase64url, utf8Bytes } from '../encoding/bytes';
import { type CanonicalValue, canonicalBytes, canonicalBytesWithAndWithout } from '../encoding/canonical';
import type { EntryHeader } from '../schemas/entry';
import { taggedHash, taggedMessage } from './tagged';

/** Domain-separation tag of the author's signature over the canonical header. */
export const ENTRY_SIGNATURE_TAG = 'parley/entry-signature/v1';
/** Domain-separation tag of the entry hash (chain link, `refs` target, transparency-log leaf). */
export const ENTRY_HASH_TAG = 'parley/entry-hash/v1';
/** Domain-separation tag of the ciphertext hash. */
export const CIPHERTEXT_HASH_TAG = 'parley/ciphertext/v1';

/** A header before its ciphertext hash is known: what the associated data covers. */
export type EntryHeaderWithoutHash = Omit<EntryHeader, 'ciphertextHash'>;

/**
 * The header's canonical bytes (RFC 8785, UTF-8). Throws a `TypeError` for values canonical JSON
 * refuses (floats, `undefined`, `null`), which no valid header holds.
 */
export const entryHeaderBytes = (header: EntryHeader): Uint8Array =>
  // zod types optional members as `T | undefined`; canonicalBytes refuses `undefined` at run time.
  canonicalBytes(header as CanonicalValue);

/**
 * The message the author signs and every verifier checks, e.g. the server with `node:crypto`:
 * 'parley/entry-signature/v1' || 0x00 || canonicalBytes(header).
 */
export const entrySigningBytes = (header: EntryHeader): Uint8Array =>
  taggedMessage(ENTRY_SIGNATURE_TAG, entryHeaderBytes(header));

/**
 * The AEAD associated data: canonicalBytes of the header without its `ciphertextHash` member (a
 * hash of the ciphertext cannot be an input to that ciphertext). Accepts a complete header too.
 */
export const entryAssociatedData = (header: EntryHeaderWithoutHash | EntryHeader): Uint8Array => {
  const { ciphertextHash: _notCovered, ...covered } = header as EntryHeader;
  return canonicalBytes(covered as CanonicalValue);
};

/** What a reader needs of a header's canonical form: the bytes signed and hashed, and the associated data. */
export type EntryHeaderEncodings = { readonly headerBytes: Uint8Array; readonly associatedData: Uint8Array };

/**
 * {@link entryHeaderBytes} and {@link entryAssociatedData} of one header, canonicalising each member
 * once: a reader that checks the signature and then opens the entry needs both.
 */
export const entryHeaderEncodings = (header: EntryHeader): EntryHeaderEncodings => {
  const { whole, without } = canonicalBytesWithAndWithout(
    header as { [key: string]: CanonicalValue },
    'ciphertextHash',
  );
  return { headerBytes: whole, associatedData: without };
};

/** ciphertextHash: SHA-256('parley/ciphertext/v1' || 0x00 || ciphertext), base64url. */
export const computeCiphertextHash = (ciphertext: Uint8Array): string =>
  toBase64url(taggedHash(CIPHERTEXT_HASH_TAG, ciphertext));

/**
 * The entry hash: SHA-256('parley/entry-hash/v1' || 0x00 || canonicalBytes({ header, signature })),
 * base64url, where `signature` is the base64url string. The ciphertext is covered through the
 * header's `ciphertextHash`.
 */
export const computeEntryHash = (header: EntryHeader, signature: string): string =>
  entryHashOfHeaderBytes(entryHeaderBytes(header), signature);

// RFC 8785 sorts members by key and writes each value canonically, and "header" sorts before
// "signature": canonicalBytes({ header, signature }) is these pieces around the header's bytes.
const HASHED_OPEN = utf8Bytes('{"header":');
const HASHED_SIGNATURE = utf8Bytes(',"signature":');
const HASHED_CLOSE = utf8Bytes('}');

/**
 * {@link computeEntryHash} from the header's canonical bytes (`entryHeaderBytes`), so that a
 * verifier canonicalises a header once for both the signature and the hash.
 */
export const entryHashOfHeaderBytes = (headerBytes: Uint8Array, signature: string): string =>
  toBase64url(
    taggedHash(ENTRY_HASH_TAG, HASHED_OPEN, headerBytes, HASHED_SIGNATURE, canonicalBytes(signature), HASHED_CLOSE),
  );
