/**
 * The C2SP signed-note format (https://c2sp.org/signed-note): a UTF-8 text ending in a newline,
 * a blank line, then one or more lines `— <key name> <base64(key ID || signature)>`.
 */
import { utf8 } from '@scure/base';
import { decodeCanonicalBase64, encodeBase64 } from './canonical-base64';
import { isValidKeyName, keyIdOf } from './verifier-key';

/** One signature line of a note. */
export type NoteSignature = { readonly name: string; readonly keyId: number; readonly signature: Uint8Array };

/** A parsed note: its signed text (with the final newline) and its signature lines, in order. */
export type SignedNote = { readonly body: string; readonly signatures: readonly NoteSignature[] };

/** The outcome of {@link parseSignedNote}. */
export type ParsedNote =
  | { readonly ok: true; readonly note: SignedNote }
  | { readonly ok: false; readonly reason: string };

/** The largest note accepted, in UTF-8 bytes; far above a checkpoint with 16 post-quantum cosignatures. */
export const MAX_NOTE_BYTES = 1_000_000;
/** The most signature lines accepted (the spec asks for at least 16; Go's note package allows 100). */
const MAX_SIGNATURES = 100;
const SIGNATURE_PREFIX = '\u2014 ';
const ED25519_SIGNATURE_SIZE = 64;

/**
 * Why `text` may not be (part of) a note, or undefined if it may: a note is valid UTF-8 with no
 * control character below U+0020 other than newline, so CR, tabs and NULs are refused.
 */
export const findNoteTextProblem = (text: string): string | undefined => {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x0a) {
      return `control character U+${code.toString(16).padStart(4, '0')} at offset ${i}`;
    }
  }
  return /\p{Cs}/u.test(text) ? 'a lone UTF-16 surrogate (not encodable as UTF-8)' : undefined;
};

const fail = (reason: string): ParsedNote => ({ ok: false, reason });

const decodeNote = (note: string | Uint8Array): { text: string } | { reason: string } => {
  // A string's UTF-8 form is at least as long as its UTF-16 length, so this bounds the work.
  if (note.length > MAX_NOTE_BYTES) {
    return { reason: `note is larger than ${MAX_NOTE_BYTES} bytes` };
  }
  if (typeof note === 'string') {
    return { text: note };
  }
  try {
    return { text: utf8.encode(note) };
  } catch {
    return { reason: 'note is not valid UTF-8' };
  }
};

const parseSignatureLine = (line: string): NoteSignature | string => {
  if (!line.startsWith(SIGNATURE_PREFIX)) {
    return 'does not start with an em dash and a space';
  }
  const rest = line.slice(SIGNATURE_PREFIX.length);
  const space = rest.indexOf(' ');
  const name = rest.slice(0, space);
  if (space < 0 || !isValidKeyName(name)) {
    return 'has no valid key name';
  }
  const bytes = decodeCanonicalBase64(rest.slice(space + 1));
  if (bytes === undefined || bytes.length < 5) {
    return 'has no canonical base64 key ID and signature';
  }
  const keyId = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0);
  return { name, keyId, signature: bytes.slice(4) };
};

/**
 * Parses a signed note strictly, without checking any signature: the text is everything up to
 * and including the newline before the last blank line, and every line after it must be a
 * well-formed signature line. Accepts the note as a string or as its UTF-8 bytes.
 */
export const parseSignedNote = (note: string | Uint8Array): ParsedNote => {
  const decoded = decodeNote(note);
  if ('reason' in decoded) {
    return fail(decoded.reason);
  }
  const { text } = decoded;
  const problem = findNoteTextProblem(text);
  if (problem !== undefined) {
    return fail(`note contains ${problem}`);
  }
  if (typeof note === 'string' && utf8.decode(text).length > MAX_NOTE_BYTES) {
    return fail(`note is larger than ${MAX_NOTE_BYTES} bytes`);
  }
  if (text.endsWith('\n\n') && text.slice(0, -2).includes('\n\n')) {
    // A note saved with an editor's extra newline: the text is the note byte for byte, or nothing.
    return fail('note ends with a blank line: nothing may follow the newline of its last signature line');
  }
  const split = text.lastIndexOf('\n\n');
  if (split < 0) {
    return fail('note has no blank line before its signatures');
  }
  const block = text.slice(split + 2);
  if (block === '' || !block.endsWith('\n')) {
    return fail(block === '' ? 'note has no signature lines' : 'note does not end with a newline');
  }
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) {
    return fail(`note has more than ${MAX_SIGNATURES} signatures`);
  }
  const signatures: NoteSignature[] = [];
  for (const [index, line] of lines.entries()) {
    const parsed = parseSignatureLine(line);
    if (typeof parsed === 'string') {
      return fail(`signature line ${index + 1} ${parsed}`);
    }
    signatures.push(parsed);
  }
  return { ok: true, note: { body: text.slice(0, split + 1), signatures } };
};

/**
 * Signs `body` as a note with one Ed25519 signature line by key `name`. `sign` returns the
 * 64-byte Ed25519 signature of its message with the secret key matching `publicKey` (libsodium
 * `crypto_sign_detached` or node:crypto `sign(null, …)`); the public key only gives the key ID.
 * Throws if the body is not valid note text, the name is invalid or the signature is not 64 bytes.
 */
export const signNote = (
  body: string,
  name: string,
  sign: (message: Uint8Array) => Uint8Array,
  publicKey: Uint8Array,
): string => {
  const problem = findNoteTextProblem(body);
  if (body === '' || !body.endsWith('\n') || problem !== undefined) {
    throw new TypeError(`a note body must be non-empty text ending in a newline${problem ? `, not ${problem}` : ''}`);
  }
  if (!isValidKeyName(name)) {
    throw new TypeError('a key name must be non-empty, without spaces, "+" or control characters');
  }
  const signature = sign(utf8.decode(body));
  if (signature.length !== ED25519_SIGNATURE_SIZE) {
    throw new RangeError(`an Ed25519 signature is ${ED25519_SIGNATURE_SIZE} bytes, got ${signature.length}`);
  }
  const payload = new Uint8Array(4 + ED25519_SIGNATURE_SIZE);
  new DataView(payload.buffer).setUint32(0, keyIdOf(name, publicKey));
  payload.set(signature, 4);
  const note = `${body}\n${SIGNATURE_PREFIX}${name} ${encodeBase64(payload)}\n`;
  if (utf8.decode(note).length > MAX_NOTE_BYTES) {
    throw new RangeError(`a note may not exceed ${MAX_NOTE_BYTES} bytes`);
  }
  return note;
};
