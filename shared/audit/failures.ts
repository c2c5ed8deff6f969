/**
 * How the bundle verifier reports problems: one failure per subject and reason, never stopping
 * at the first. Spec: docs/AUDIT-BUNDLE.md §4.
 */
import { fromBase64url } from '../encoding/bytes';
import { HASH_SIZE, type Hash } from '../log/merkle';

/**
 * One problem found in a bundle. `subject` names what failed: `bundle`, `checkpoint <size>`,
 * `consistency <from> -> <to>`, `statement <hash> (...)`, `entry <hash> (...)`, `stream <id>`,
 * `leaf <index>` or `leaves`; `reason` says why, in words.
 */
export type BundleFailure = { readonly subject: string; readonly reason: string };

/** Records a failure. */
export type Fail = (subject: string, reason: string) => void;

/**
 * Decodes a record's list of base64url hashes (strict, unpadded, exactly 32 bytes each, at most
 * `max` of them), or says why it is not one: not an array, too long, or which element is wrong.
 * The bundle's proofs and record hashes are all in this form.
 */
export const decodeHashes = (list: unknown, name: string, max: number): Hash[] | string => {
  if (!Array.isArray(list)) {
    return `${name} is not an array of hashes`;
  }
  if (list.length > max) {
    return `${name} has ${list.length} hashes, more than the ${max} a proof can need`;
  }
  const hashes: Hash[] = [];
  for (const [index, text] of list.entries()) {
    let bytes: Uint8Array | undefined;
    try {
      bytes = typeof text === 'string' ? fromBase64url(text) : undefined;
    } catch {
      bytes = undefined;
    }
    if (bytes?.length !== HASH_SIZE) {
      return `${name}[${index}] is not base64url of ${HASH_SIZE} bytes`;
    }
    hashes.push(bytes);
  }
  return hashes;
};
