import { createPublicKey, verify } from 'node:crypto';
import { base64, base64urlnopad, hex } from '@scure/base';
import fc from 'fast-check';
import sodium from 'libsodium-wrappers-sumo';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Checkpoint, formatCheckpointBody, parseCheckpointBody } from './checkpoint';
import { parseSignedNote, signNote } from './signed-note';
import { formatVerifierKey, parseVerifierKey, type VerifierKey } from './verifier-key';
import { verifyCheckpoint } from './verify-checkpoint';

const ORIGIN = 'parley.example/correspondence-log/v1';
// The root of the 8-leaf RFC 6962 test tree (test/vectors/rfc6962-merkle.json).
const ROOT_8 = hex.decode('5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328');

// Known answer: signed with the Ed25519 key whose seed is 32 bytes of 0x01. Computed once with
// this code and checked below with node:crypto's independent Ed25519; never edit by hand.
const KNOWN_PUBLIC_KEY = '8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c';
const KNOWN_VERIFIER_KEY = 'parley.example/correspondence-log/v1+319ab2b6+AYqI4910CfGV/VLbLTy6XXLKZwm/HZQSG/N0iAG0D29c';
const KNOWN_NOTE =
  'parley.example/correspondence-log/v1\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n\n' +
  '\u2014 parley.example/correspondence-log/v1 ' +
  'MZqyttEoH3wk/fO2KfCKNzpPSgxQF+df+I1PtEV7fieH/LOKxl+pcCcB16f4JOfkaalBhEjZ0tk3PZVTOvXqKZZpXg0=\n';

type LogKey = { sign: (message: Uint8Array) => Uint8Array; publicKey: Uint8Array; verifier: VerifierKey };
const logKey = (seedByte: number, name = ORIGIN): LogKey => {
  const { publicKey, privateKey } = sodium.crypto_sign_seed_keypair(new Uint8Array(32).fill(seedByte));
  const parsed = parseVerifierKey(formatVerifierKey(name, publicKey));
  if (!parsed.ok) {
    throw new Error(parsed.reason);
  }
  return { sign: (message) => sodium.crypto_sign_detached(message, privateKey), publicKey, verifier: parsed.key };
};
const signCheckpoint = (checkpoint: Checkpoint, key: LogKey, name = ORIGIN): string =>
  signNote(formatCheckpointBody(checkpoint), name, key.sign, key.publicKey);
/** The note with its last signature line's key ID and signature cut to `length` bytes. */
const withSignatureBytes = (note: string, length: number): string => {
  const space = note.lastIndexOf(' ');
  const payload = base64.decode(note.slice(space + 1, -1)).slice(0, length);
  return `${note.slice(0, space + 1)}${base64.encode(payload)}\n`;
};
const reasonOf = (result: { ok: boolean; reason?: string }): string => (result.ok ? 'accepted' : (result.reason ?? ''));

let log: LogKey;
beforeAll(async () => {
  await sodium.ready;
  log = logKey(0x01);
});

describe('checkpoints', () => {
  it('signs a known checkpoint to the exact known bytes', () => {
    expect(hex.encode(log.publicKey)).toBe(KNOWN_PUBLIC_KEY);
    expect(formatVerifierKey(ORIGIN, log.publicKey)).toBe(KNOWN_VERIFIER_KEY);
    expect(signCheckpoint({ origin: ORIGIN, treeSize: 8, rootHash: ROOT_8 }, log)).toBe(KNOWN_NOTE);
    const result = verifyCheckpoint(KNOWN_NOTE, KNOWN_VERIFIER_KEY, ORIGIN);
    expect(result).toEqual({ ok: true, checkpoint: { origin: ORIGIN, treeSize: 8, rootHash: ROOT_8 } });
  });

  it('carries a signature that node:crypto verifies independently', () => {
    const parsed = parseSignedNote(KNOWN_NOTE);
    if (!parsed.ok) {
      throw new Error(parsed.reason);
    }
    const [line] = parsed.note.signatures;
    const publicKey = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: base64urlnopad.encode(hex.decode(KNOWN_PUBLIC_KEY)) },
      format: 'jwk',
    });
    const body = Buffer.from(parsed.note.body, 'utf8');
    expect(line && verify(null, body, publicKey, line.signature)).toBe(true);
    expect(line && verify(null, Buffer.concat([body, Buffer.from('x')]), publicKey, line.signature)).toBe(false);
  });

  it('round-trips any origin, size and root through sign, parse and verify', () => {
    const origin = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 60 })
      .filter((text) => [...text].every((char) => char.charCodeAt(0) >= 0x20));
    fc.assert(
      fc.property(
        origin,
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        (o, treeSize, rootHash) => {
          const checkpoint = { origin: o, treeSize, rootHash };
          expect(parseCheckpointBody(formatCheckpointBody(checkpoint))).toEqual({ ok: true, checkpoint });
          expect(verifyCheckpoint(signCheckpoint(checkpoint, log), log.verifier, o)).toEqual({ ok: true, checkpoint });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps a checkpoint for a million leaves with a 40-character origin within 300 bytes', () => {
    const origin = `${'a'.repeat(28)}.example/log`;
    expect(origin).toHaveLength(40);
    const note = signCheckpoint({ origin, treeSize: 1_000_000, rootHash: ROOT_8 }, log, origin);
    expect(Buffer.byteLength(note, 'utf8')).toBeLessThanOrEqual(300);
  });

  it('refuses the note when any single bit of any byte is flipped', () => {
    const bytes = Buffer.from(KNOWN_NOTE, 'utf8');
    const accepted: string[] = [];
    for (let i = 0; i < bytes.length; i += 1) {
      for (let bit = 0; bit < 8; bit += 1) {
        const changed = Uint8Array.from(bytes);
        changed[i] = (changed[i] as number) ^ (1 << bit);
        if (verifyCheckpoint(changed, log.verifier, ORIGIN).ok) {
          accepted.push(`byte ${i} bit ${bit}`);
        }
      }
    }
    expect(accepted).toEqual([]);
  });

  it('refuses every truncation of the note', () => {
    for (let length = 0; length < KNOWN_NOTE.length; length += 1) {
      expect(verifyCheckpoint(KNOWN_NOTE.slice(0, length), log.verifier, ORIGIN).ok).toBe(false);
    }
  });

  it.each([
    ['another key', () => verifyCheckpoint(KNOWN_NOTE, logKey(0x02).verifier, ORIGIN), /no signature by/],
    [
      'the same name with another key',
      () =>
        verifyCheckpoint(
          signCheckpoint({ origin: ORIGIN, treeSize: 8, rootHash: ROOT_8 }, logKey(0x02)),
          log.verifier,
          ORIGIN,
        ),
      /no signature by/,
    ],
    [
      'another origin',
      () => verifyCheckpoint(KNOWN_NOTE, log.verifier, 'parley.example/other-log/v1'),
      /origin is "parley.example\/correspondence-log\/v1", expected/,
    ],
    [
      'a signature missing a character',
      () => verifyCheckpoint(KNOWN_NOTE.replace('Xg0=\n', 'g0=\n'), log.verifier, ORIGIN),
      /base64/,
    ],
    [
      'a signature cut to 62 bytes',
      () => verifyCheckpoint(withSignatureBytes(KNOWN_NOTE, 4 + 62), log.verifier, ORIGIN),
      /62 bytes, not 64/,
    ],
    [
      'a missing signature',
      () => verifyCheckpoint(KNOWN_NOTE.slice(0, KNOWN_NOTE.indexOf('\u2014')), log.verifier, ORIGIN),
      /no signature lines/,
    ],
    [
      'a space after the origin',
      () => verifyCheckpoint(KNOWN_NOTE.replace('v1\n8', 'v1 \n8'), log.verifier, ORIGIN),
      /does not verify/,
    ],
    [
      'CRLF line ends',
      () => verifyCheckpoint(KNOWN_NOTE.replaceAll('\n', '\r\n'), log.verifier, ORIGIN),
      /control character U\+000d/,
    ],
    [
      'an extra blank line',
      () => verifyCheckpoint(KNOWN_NOTE.replace('\n\n', '\n\n\n'), log.verifier, ORIGIN),
      /does not verify/,
    ],
    ['a trailing newline', () => verifyCheckpoint(`${KNOWN_NOTE}\n`, log.verifier, ORIGIN), /ends with a blank line/],
    ['a leading space', () => verifyCheckpoint(` ${KNOWN_NOTE}`, log.verifier, ORIGIN), /does not verify/],
    [
      'a malformed verifier key',
      () => verifyCheckpoint(KNOWN_NOTE, KNOWN_VERIFIER_KEY.replace('+319ab2b6+', '+319ab2b7+'), ORIGIN),
      /does not match/,
    ],
  ])('refuses a checkpoint with %s, saying why', (_, run, reason) => {
    expect(reasonOf(run())).toMatch(reason);
  });

  it('ignores other signers, in any order, but needs the pinned key', () => {
    const witness = logKey(0x03, 'witness.example/w1');
    const body = formatCheckpointBody({ origin: ORIGIN, treeSize: 8, rootHash: ROOT_8 });
    const witnessLine = signNote(body, 'witness.example/w1', witness.sign, witness.publicKey).slice(body.length + 1);
    const logLine = KNOWN_NOTE.slice(body.length + 1);
    expect(verifyCheckpoint(`${body}\n${witnessLine}${logLine}`, log.verifier, ORIGIN).ok).toBe(true);
    expect(verifyCheckpoint(`${body}\n${logLine}${witnessLine}`, log.verifier, ORIGIN).ok).toBe(true);
    expect(reasonOf(verifyCheckpoint(`${body}\n${witnessLine}`, log.verifier, ORIGIN))).toMatch(/no signature by/);
    expect(verifyCheckpoint(`${body}\n${witnessLine}`, witness.verifier, ORIGIN).ok).toBe(true);
  });

  it('refuses a genuine signature moved onto another tree head', () => {
    const other = signCheckpoint({ origin: ORIGIN, treeSize: 9, rootHash: ROOT_8 }, log);
    const moved = KNOWN_NOTE.slice(0, KNOWN_NOTE.indexOf('\n\n') + 2) + other.slice(other.indexOf('\u2014'));
    expect(reasonOf(verifyCheckpoint(moved, log.verifier, ORIGIN))).toMatch(/does not verify/);
  });

  it('refuses a signed body that is not a strict checkpoint', () => {
    const root = base64.encode(ROOT_8);
    const cases: [string, RegExp][] = [
      [`${ORIGIN}\n08\n${root}\n`, /leading zeros/],
      [`${ORIGIN}\n+8\n${root}\n`, /decimal/],
      [`${ORIGIN}\n-1\n${root}\n`, /decimal/],
      [`${ORIGIN}\n8.0\n${root}\n`, /decimal/],
      [`${ORIGIN}\n1e3\n${root}\n`, /decimal/],
      [`${ORIGIN}\n 8\n${root}\n`, /decimal/],
      [`${ORIGIN}\n\n${root}\n`, /decimal/],
      [`${ORIGIN}\n9007199254740992\n${root}\n`, /2\^53/],
      [`${ORIGIN}\n8\n${base64.encode(ROOT_8.slice(1))}\n`, /31 bytes/],
      [`${ORIGIN}\n8\n${base64.encode(Uint8Array.of(...ROOT_8, 0))}\n`, /33 bytes/],
      [`${ORIGIN}\n8\n${root.replace('=', '')}\n`, /base64/],
      [`${ORIGIN}\n8\n${root.replace('/', '_')}\n`, /base64/],
      [`${ORIGIN}\n8\n${root}\nextension\n`, /extension line other than/],
      [`${ORIGIN}\n8\n${root}\nkey-statements 3\nkey-statements 3\n`, /more than one extension line/],
      [`${ORIGIN}\n8\n${root}\nkey-statements 03\n`, /extension line other than/],
      [`${ORIGIN}\n8\n${root}\nkey-statements -1\n`, /extension line other than/],
      [`${ORIGIN}\n8\n${root}\nkey-statements  3\n`, /extension line other than/],
      [`${ORIGIN}\n8\n${root}\nkey-statements 9\n`, /larger than the tree size/],
      [`\n8\n${root}\n`, /origin is empty/],
      [`${ORIGIN}\n8\n`, /needs an origin/],
    ];
    for (const [body, reason] of cases) {
      expect(reasonOf(parseCheckpointBody(body))).toMatch(reason);
      const note = signNote(body, ORIGIN, log.sign, log.publicKey);
      expect(reasonOf(verifyCheckpoint(note, log.verifier, ORIGIN))).toMatch(/^malformed checkpoint: /);
    }
  });

  it('round-trips the key-statements extension line, and a body without it', () => {
    const counted = formatCheckpointBody({ origin: ORIGIN, treeSize: 8, rootHash: ROOT_8, keyStatements: 3 });
    expect(counted).toBe(`${ORIGIN}\n8\n${base64.encode(ROOT_8)}\nkey-statements 3\n`);
    expect(parseCheckpointBody(counted)).toEqual({
      ok: true,
      checkpoint: { origin: ORIGIN, treeSize: 8, rootHash: ROOT_8, keyStatements: 3 },
    });
    const plain = formatCheckpointBody({ origin: ORIGIN, treeSize: 8, rootHash: ROOT_8 });
    expect(parseCheckpointBody(plain)).toEqual({
      ok: true,
      checkpoint: { origin: ORIGIN, treeSize: 8, rootHash: ROOT_8 },
    });
    expect(() => formatCheckpointBody({ origin: ORIGIN, treeSize: 2, rootHash: ROOT_8, keyStatements: 3 })).toThrow(
      RangeError,
    );
  });

  it('refuses to format an invalid checkpoint', () => {
    expect(() => formatCheckpointBody({ origin: '', treeSize: 1, rootHash: ROOT_8 })).toThrow(TypeError);
    expect(() => formatCheckpointBody({ origin: 'a\nb', treeSize: 1, rootHash: ROOT_8 })).toThrow(TypeError);
    expect(() => formatCheckpointBody({ origin: 'a\rb', treeSize: 1, rootHash: ROOT_8 })).toThrow(TypeError);
    expect(() => formatCheckpointBody({ origin: ORIGIN, treeSize: -1, rootHash: ROOT_8 })).toThrow(RangeError);
    expect(() => formatCheckpointBody({ origin: ORIGIN, treeSize: 2 ** 53, rootHash: ROOT_8 })).toThrow(RangeError);
    expect(() => formatCheckpointBody({ origin: ORIGIN, treeSize: 1.5, rootHash: ROOT_8 })).toThrow(RangeError);
    expect(() => formatCheckpointBody({ origin: ORIGIN, treeSize: 1, rootHash: ROOT_8.slice(1) })).toThrow(RangeError);
  });
});
