/**
 * Ed25519 cosignatures of C2SP tlog-cosignature (https://c2sp.org/tlog-cosignature, "Ed25519
 * signed message"): a note signature line whose payload is key ID (4) || timestamp (8, big-endian
 * POSIX seconds) || Ed25519 signature (64) over
 *
 *     cosignature/v1\ntime <timestamp>\n<the whole checkpoint body>
 *
 * libsodium must be ready (`await sodium.ready`) before {@link verifyCosignatures} is called.
 */
import { utf8 } from '@scure/base';
import { sodium } from '../crypto/sodium';
import { encodeBase64 } from '../log/canonical-base64';
import { findNoteTextProblem, parseSignedNote } from '../log/signed-note';
import { formatKeyId } from '../log/verifier-key';
import type { CosignerKey } from './cosigner-key';

const SIGNATURE_PREFIX = '\u2014 ';
const ED25519_SIGNATURE_SIZE = 64;
const TIMESTAMP_SIZE = 8;

/** One verified cosignature: which witness signed, and the time it states. */
export type Cosignature = { readonly witness: CosignerKey; readonly timestamp: number };

/** The message a cosignature/v1 signature covers, for a checkpoint body and a timestamp. */
export const cosignatureMessage = (body: string, timestamp: number): Uint8Array =>
  utf8.decode(`cosignature/v1\ntime ${timestamp}\n${body}`);

const assertTimestamp = (timestamp: number): void => {
  // The spec allows up to 2^63 - 1; a number beyond 2^53 - 1 is not exact in JavaScript.
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new RangeError(`a cosignature timestamp must be a non-negative safe integer, got ${String(timestamp)}`);
  }
};

/**
 * The cosignature line (ending in a newline) by `witness` over a checkpoint `body` at `timestamp`.
 * `sign` returns the 64-byte Ed25519 signature of its message with the witness's secret key.
 */
export const formatCosignatureLine = (
  body: string,
  witness: CosignerKey,
  timestamp: number,
  sign: (message: Uint8Array) => Uint8Array,
): string => {
  assertTimestamp(timestamp);
  if (body === '' || !body.endsWith('\n') || findNoteTextProblem(body) !== undefined) {
    throw new TypeError('a checkpoint body must be note text ending in a newline');
  }
  const signature = sign(cosignatureMessage(body, timestamp));
  if (signature.length !== ED25519_SIGNATURE_SIZE) {
    throw new RangeError(`an Ed25519 signature is ${ED25519_SIGNATURE_SIZE} bytes, got ${signature.length}`);
  }
  const payload = new Uint8Array(4 + TIMESTAMP_SIZE + ED25519_SIGNATURE_SIZE);
  const view = new DataView(payload.buffer);
  view.setUint32(0, witness.keyId);
  view.setBigUint64(4, BigInt(timestamp));
  payload.set(signature, 4 + TIMESTAMP_SIZE);
  return `${SIGNATURE_PREFIX}${witness.name} ${encodeBase64(payload)}\n`;
};

/** The outcome of {@link verifyCosignatures}: the body and the witnesses whose cosignature verified. */
export type VerifiedCosignatures =
  | { readonly ok: true; readonly body: string; readonly cosignatures: readonly Cosignature[] }
  | { readonly ok: false; readonly reason: string };

const isValidSignature = (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean => {
  if (typeof sodium.crypto_sign_verify_detached !== 'function') {
    throw new Error('libsodium is not ready: await sodium.ready before verifying cosignatures');
  }
  try {
    return sodium.crypto_sign_verify_detached(signature, message, publicKey);
  } catch {
    return false;
  }
};

/**
 * The timestamp of a cosignature line's payload after its key ID (timestamp (8) || signature
 * (64)), in POSIX seconds; undefined when the payload is not 72 bytes or the time is beyond
 * 2^53 - 1. It means nothing until the signature has verified.
 */
export const cosignatureTimestampOf = (payload: Uint8Array): number | undefined => {
  if (payload.length !== TIMESTAMP_SIZE + ED25519_SIGNATURE_SIZE) {
    return undefined;
  }
  const timestamp = new DataView(payload.buffer, payload.byteOffset, TIMESTAMP_SIZE).getBigUint64(0);
  return timestamp > BigInt(Number.MAX_SAFE_INTEGER) ? undefined : Number(timestamp);
};

/** Why the payload of a line by `witness` does not verify over `body`, or its timestamp. */
const checkLine = (payload: Uint8Array, body: string, witness: CosignerKey): number | string => {
  const label = `${witness.name}+${formatKeyId(witness.keyId)}`;
  const seconds = cosignatureTimestampOf(payload);
  if (seconds === undefined) {
    return `cosignature by ${label} is not a 72-byte timestamped Ed25519 signature with a time below 2^53`;
  }
  const message = cosignatureMessage(body, seconds);
  return isValidSignature(payload.slice(TIMESTAMP_SIZE), message, witness.publicKey)
    ? seconds
    : `cosignature by ${label} does not verify`;
};

/**
 * Checks the cosignature lines of `note` by each of the pinned `witnesses`. Lines by other keys are
 * ignored, as the spec requires; a witness without a line is simply absent from the result; but a
 * line that names a pinned witness and its key ID and does not verify refuses the whole note, since
 * it can only be a forgery or a corruption. The log's own signature is not checked here
 * (`verifyCheckpoint` does that).
 */
export const verifyCosignatures = (
  note: string | Uint8Array,
  witnesses: readonly CosignerKey[],
): VerifiedCosignatures => {
  const parsed = parseSignedNote(note);
  if (!parsed.ok) {
    return { ok: false, reason: `malformed note: ${parsed.reason}` };
  }
  const { body, signatures } = parsed.note;
  const cosignatures: Cosignature[] = [];
  for (const witness of witnesses) {
    const lines = signatures.filter(({ name, keyId }) => name === witness.name && keyId === witness.keyId);
    let latest: number | undefined;
    for (const line of lines) {
      const checked = checkLine(line.signature, body, witness);
      if (typeof checked === 'string') {
        return { ok: false, reason: checked };
      }
      latest = Math.max(latest ?? 0, checked);
    }
    if (latest !== undefined) {
      cosignatures.push({ witness, timestamp: latest });
    }
  }
  return { ok: true, body, cosignatures };
};

/**
 * The note with `lines` (signature lines, each ending in a newline) appended after its existing
 * signatures, skipping any it already carries: how a log publishes the cosignatures it collected.
 */
export const appendSignatureLines = (note: string, lines: readonly string[]): string => {
  const present = new Set(note.slice(note.lastIndexOf('\n\n') + 2).split('\n'));
  const added = lines.filter((line) => !present.has(line.slice(0, -1)));
  return note + [...new Set(added)].join('');
};
