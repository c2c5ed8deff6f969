import { base64 } from '@scure/base';
import sodium from 'libsodium-wrappers-sumo';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_NOTE_BYTES, parseSignedNote, signNote } from './signed-note';
import { formatVerifierKey, keyIdOf, parseVerifierKey } from './verifier-key';
import { verifyNote } from './verify-note';

// The example of golang.org/x/mod/sumdb/note (doc.go and example_test.go): an independent
// implementation's keys and signed note, reproduced here byte for byte.
const GO_SIGNER_KEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const GO_VERIFIER_KEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_NOTE = `${GO_TEXT}\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;
// Other published verifier keys: golang.org/x/mod note_test.go (EnochRoot) and
// transparency-dev/formats note tests (TEST, whose base64 contains a '+').
const OTHER_PUBLISHED_KEYS = [
  'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop',
  'TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6',
];

type Signer = { sign: (message: Uint8Array) => Uint8Array; publicKey: Uint8Array };
const signerFromSeed = (seed: Uint8Array): Signer => {
  const { publicKey, privateKey } = sodium.crypto_sign_seed_keypair(seed);
  return { sign: (message) => sodium.crypto_sign_detached(message, privateKey), publicKey };
};

let peter: Signer;
beforeAll(async () => {
  await sodium.ready;
  const typedSeed = base64.decode(GO_SIGNER_KEY.split('+').slice(4).join('+'));
  expect(typedSeed[0]).toBe(0x01);
  peter = signerFromSeed(typedSeed.slice(1));
});

describe('signed notes and verifier keys', () => {
  it('reproduces the Go sumdb/note example note and verifier key byte for byte', () => {
    expect(formatVerifierKey('PeterNeumann', peter.publicKey)).toBe(GO_VERIFIER_KEY);
    expect(signNote(GO_TEXT, 'PeterNeumann', peter.sign, peter.publicKey)).toBe(GO_NOTE);
    expect(verifyNote(GO_NOTE, GO_VERIFIER_KEY)).toEqual({ ok: true, body: GO_TEXT });
    expect(verifyNote(GO_NOTE.replace('cryptography', 'cryptographY'), GO_VERIFIER_KEY)).toEqual({
      ok: false,
      reason: 'signature by PeterNeumann+c74f20a3 does not verify',
    });
  });

  it.each(OTHER_PUBLISHED_KEYS)('parses the published verifier key %s and writes it back', (text) => {
    const parsed = parseVerifierKey(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(formatVerifierKey(parsed.key.name, parsed.key.publicKey)).toBe(text);
    }
  });

  it('refuses every truncation and every one-character change of a verifier key', () => {
    const refused = (text: string): boolean => !parseVerifierKey(text).ok;
    for (let begin = 0; begin < GO_VERIFIER_KEY.length; begin += 1) {
      for (let end = begin; end <= GO_VERIFIER_KEY.length; end += 1) {
        if (begin !== 0 || end !== GO_VERIFIER_KEY.length) {
          expect(refused(GO_VERIFIER_KEY.slice(begin, end))).toBe(true);
        }
      }
    }
    for (let i = 0; i < GO_VERIFIER_KEY.length; i += 1) {
      for (const replacement of ['A', 'b', '0', '+', ' ', '=', 'C']) {
        const changed = GO_VERIFIER_KEY.slice(0, i) + replacement + GO_VERIFIER_KEY.slice(i + 1);
        if (changed !== GO_VERIFIER_KEY) {
          expect(refused(changed)).toBe(true);
        }
      }
    }
    expect(refused(GO_VERIFIER_KEY.replace('c74f20a3', 'C74F20A3'))).toBe(true);
  });

  it('refuses invalid key names when signing or formatting keys', () => {
    for (const name of ['', 'a b', 'a+b', 'a\tb', 'a\u00a0b', 'a\u2003b', 'a\u0000b', 'a\ud800b']) {
      expect(() => formatVerifierKey(name, peter.publicKey)).toThrow(TypeError);
      expect(() => signNote(GO_TEXT, name, peter.sign, peter.publicKey)).toThrow(TypeError);
    }
    expect(() => formatVerifierKey('ok', new Uint8Array(31))).toThrow(RangeError);
    expect(() => signNote('no final newline', 'ok', peter.sign, peter.publicKey)).toThrow(TypeError);
    expect(() => signNote('cr\r\n', 'ok', peter.sign, peter.publicKey)).toThrow(TypeError);
    expect(() => signNote(GO_TEXT, 'ok', () => new Uint8Array(63), peter.publicKey)).toThrow(RangeError);
  });

  it('parses every signature line in order and ignores lines by other keys', () => {
    const other = signerFromSeed(new Uint8Array(32).fill(7));
    const otherLine = signNote(GO_TEXT, 'witness.example/w1', other.sign, other.publicKey).slice(GO_TEXT.length + 1);
    const note = GO_NOTE + otherLine;
    const parsed = parseSignedNote(note);
    expect(parsed.ok && parsed.note.signatures.map(({ name, keyId }) => [name, keyId])).toEqual([
      ['PeterNeumann', 0xc74f20a3],
      ['witness.example/w1', keyIdOf('witness.example/w1', other.publicKey)],
    ]);
    expect(verifyNote(note, GO_VERIFIER_KEY).ok).toBe(true);
    expect(verifyNote(`${GO_TEXT}\n${otherLine}`, GO_VERIFIER_KEY)).toEqual({
      ok: false,
      reason: 'note has no signature by PeterNeumann+c74f20a3',
    });
  });

  it('refuses a note if any line by the pinned key fails, even next to a valid one', () => {
    const forged = `\u2014 PeterNeumann ${base64.encode(Uint8Array.of(0xc7, 0x4f, 0x20, 0xa3, ...new Uint8Array(64)))}\n`;
    expect(verifyNote(GO_NOTE + forged, GO_VERIFIER_KEY).ok).toBe(false);
    const short = `\u2014 PeterNeumann ${base64.encode(Uint8Array.of(0xc7, 0x4f, 0x20, 0xa3, 1))}\n`;
    expect(verifyNote(GO_NOTE + short, GO_VERIFIER_KEY)).toEqual({
      ok: false,
      reason: 'signature by PeterNeumann+c74f20a3 is 1 bytes, not 64',
    });
  });

  it.each([
    ['a carriage return', GO_NOTE.replace('problem,\n', 'problem,\r\n'), /control character U\+000d/],
    ['a tab', GO_NOTE.replace('you think', 'you\tthink'), /control character U\+0009/],
    ['a lone surrogate', GO_NOTE.replace('you think', 'you \ud800think'), /surrogate/],
    ['no final newline', GO_NOTE.slice(0, -1), /does not end with a newline/],
    ['no blank line', GO_NOTE.replace('\n\n', '\n'), /no blank line/],
    ['no signature lines', `${GO_TEXT}\n`, /no signature lines/],
    ['an ASCII hyphen', GO_NOTE.replace('\u2014', '-'), /em dash/],
    ['two spaces after the dash', GO_NOTE.replace('\u2014 ', '\u2014  '), /key name/],
    ['a trailing space', GO_NOTE.replace('AM=\n', 'AM= \n'), /base64/],
    ['non-canonical base64', GO_NOTE.replace('AM=\n', 'AN=\n'), /base64/],
    ['unpadded base64', GO_NOTE.replace('AM=\n', 'AM\n'), /base64/],
    ['a blank line after the signatures', `${GO_NOTE}\n`, /ends with a blank line/],
  ])('refuses a note with %s', (_, note, reason) => {
    const parsed = parseSignedNote(note);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.reason).toMatch(reason);
  });

  it('refuses invalid UTF-8, oversized notes and too many signatures', () => {
    const bytes = new TextEncoder().encode(GO_NOTE);
    expect(parseSignedNote(bytes).ok).toBe(true);
    expect(parseSignedNote(Uint8Array.of(0xff, ...bytes))).toEqual({ ok: false, reason: 'note is not valid UTF-8' });
    const big = `${'x'.repeat(MAX_NOTE_BYTES)}\n${GO_NOTE}`;
    expect(parseSignedNote(big)).toEqual({ ok: false, reason: `note is larger than ${MAX_NOTE_BYTES} bytes` });
    const wide = `${'\u00e9'.repeat(MAX_NOTE_BYTES / 2)}\n${GO_NOTE}`;
    expect(parseSignedNote(wide)).toEqual({ ok: false, reason: `note is larger than ${MAX_NOTE_BYTES} bytes` });
    const line = GO_NOTE.slice(GO_TEXT.length + 1);
    expect(parseSignedNote(`${GO_TEXT}\n${line.repeat(100)}`).ok).toBe(true);
    expect(parseSignedNote(`${GO_TEXT}\n${line.repeat(101)}`).ok).toBe(false);
  });
});
