/**
 * Verifies a C2SP signed note (https://c2sp.org/signed-note) against one pinned Ed25519 key,
 * with libsodium's `crypto_sign_verify_detached` (which also refuses small-order keys and
 * non-canonical signatures). libsodium must be ready (`await sodium.ready`) before the first call.
 */
import { utf8 } from '@scure/base';
import { sodium } from '../crypto/sodium';
import { parseSignedNote } from './signed-note';
import { formatKeyId, isValidKeyName, keyIdOf, parseVerifierKey, type VerifierKey } from './verifier-key';

/** The outcome of {@link verifyNote}: the signed text, or why the note is refused. */
export type VerifiedNote =
  | { readonly ok: true; readonly body: string }
  | { readonly ok: false; readonly reason: string };

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

const resolveKey = (verifierKey: VerifierKey | string): VerifierKey | string => {
  if (typeof verifierKey === 'string') {
    const parsed = parseVerifierKey(verifierKey);
    return parsed.ok ? parsed.key : parsed.reason;
  }
  const { name, keyId, publicKey } = verifierKey;
  if (!isValidKeyName(name) || publicKey.length !== 32 || keyId !== keyIdOf(name, publicKey)) {
    return 'verifier key is not a valid Ed25519 key whose ID matches its name and public key';
  }
  return verifierKey;
};

const isValidSignature = (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean => {
  if (typeof sodium.crypto_sign_verify_detached !== 'function') {
    throw new Error('libsodium is not ready: await sodium.ready before verifying notes');
  }
  try {
    return sodium.crypto_sign_verify_detached(signature, message, publicKey);
  } catch {
    return false;
  }
};

/**
 * Checks that `note` is a well-formed signed note carrying a valid signature by `verifierKey`
 * (a parsed key or its text). Lines by other keys are ignored, as the spec requires, but every
 * line that names the pinned key and its ID must verify: one bad line refuses the whole note.
 */
export const verifyNote = (note: string | Uint8Array, verifierKey: VerifierKey | string): VerifiedNote => {
  const key = resolveKey(verifierKey);
  if (typeof key === 'string') {
    return fail(key);
  }
  const parsed = parseSignedNote(note);
  if (!parsed.ok) {
    return fail(`malformed note: ${parsed.reason}`);
  }
  const keyLabel = `${key.name}+${formatKeyId(key.keyId)}`;
  const lines = parsed.note.signatures.filter(({ name, keyId }) => name === key.name && keyId === key.keyId);
  if (lines.length === 0) {
    return fail(`note has no signature by ${keyLabel}`);
  }
  const message = utf8.decode(parsed.note.body);
  for (const { signature } of lines) {
    if (signature.length !== 64) {
      return fail(`signature by ${keyLabel} is ${signature.length} bytes, not 64`);
    }
    if (!isValidSignature(signature, message, key.publicKey)) {
      return fail(`signature by ${keyLabel} does not verify`);
    }
  }
  return { ok: true, body: parsed.note.body };
};
