/**
 * Verifies a signed C2SP checkpoint (https://c2sp.org/tlog-checkpoint) from Parley's log: the
 * note must carry a valid signature by the pinned log key, and only then is its body parsed and
 * its origin compared. libsodium must be ready (`await sodium.ready`) before the first call.
 */
import { type Checkpoint, parseCheckpointBody } from './checkpoint';
import type { VerifierKey } from './verifier-key';
import { verifyNote } from './verify-note';

/** The outcome of {@link verifyCheckpoint}: the verified tree head, or why it is refused. */
export type VerifiedCheckpoint =
  | { readonly ok: true; readonly checkpoint: Checkpoint }
  | { readonly ok: false; readonly reason: string };

/**
 * Checks a signed checkpoint against the pinned log key (a parsed key or its verifier key text)
 * and the origin the caller expects, and returns the tree head it commits to. Signatures by
 * other keys (witnesses, a rotated key) are ignored; a missing or invalid signature by the
 * pinned key, a malformed note or body, or another origin refuses it.
 */
export const verifyCheckpoint = (
  note: string | Uint8Array,
  verifierKey: VerifierKey | string,
  expectedOrigin: string,
): VerifiedCheckpoint => {
  const verified = verifyNote(note, verifierKey);
  if (!verified.ok) {
    return verified;
  }
  // The spec: the text must be ignored until a trusted signature over it has verified.
  const parsed = parseCheckpointBody(verified.body);
  if (!parsed.ok) {
    return { ok: false, reason: `malformed checkpoint: ${parsed.reason}` };
  }
  if (parsed.checkpoint.origin !== expectedOrigin) {
    return {
      ok: false,
      reason: `checkpoint origin is ${JSON.stringify(parsed.checkpoint.origin)}, expected ${JSON.stringify(expectedOrigin)}`,
    };
  }
  return parsed;
};
