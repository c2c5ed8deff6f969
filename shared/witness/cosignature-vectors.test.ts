import { readFileSync } from 'node:fs';
import { base64, hex } from '@scure/base';
import sodium from 'libsodium-wrappers-sumo';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSignedNote } from '../log/signed-note';
import { verifyCheckpoint } from '../log/verify-checkpoint';
import { cosignatureTimestampOf, formatCosignatureLine, verifyCosignatures } from './cosignature';
import { type CosignerKey, parseCosignerKey } from './cosigner-key';

type Vector = { label: string; body: string; witness: number; line: string; timestamp: number; ignored?: true };
type Vectors = {
  log: { name: string; verifierKey: string };
  witnesses: { name: string; seedHex: string; verifierKey: string }[];
  valid: Vector[];
  invalid: Vector[];
  cosignedNote: string;
};
const vectors = JSON.parse(
  readFileSync(new URL('../../test/vectors/cosignature-v1.json', import.meta.url), 'utf8'),
) as Vectors;

// Published by others: transparency-dev/formats note/note_cosigv1_test.go (a native cosignature/v1
// key, an Ed25519 note key, the CoSigV1Timestamp vector and its wrong-type partner) and the
// c2sp.org/tlog-cosignature example, whose witness key is not published (so only its framing and
// time can be checked: time 1679315147 is the spec's signed-message example).
const REMORA_KEY = 'remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2';
const NOTE_KEY = 'TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6';
const FORMATS_COSIGNATURE =
  'ZGhGuQAAAABm/qTPeyKXD+R2rzyQsxPiP8mXum7qq/iF0u4vanlqJyocWODBt97w9uL+8qT7S5gxEHWWOworDcFiEBYJXORmnFBOBA==';
const FORMATS_NOT_A_COSIGNATURE =
  'eQjRQm6eSKzFoiYalgwCPXu2y3ijtg68is9M46JKxuZB+dRfTmeQeDBoXnvxZx2ugnkyV+MUMLXpWs1hPb/W/4xkNQY=';
const SPEC_NOTE = `example.com/behind-the-sofa
20852163
CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=

\u2014 example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=
\u2014 witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==
`;

let witnesses: { key: CosignerKey; sign: (message: Uint8Array) => Uint8Array }[];
beforeAll(async () => {
  await sodium.ready;
  witnesses = vectors.witnesses.map((witness) => {
    const parsed = parseCosignerKey(witness.verifierKey);
    if (!parsed.ok) {
      throw new Error(parsed.reason);
    }
    const { privateKey, publicKey } = sodium.crypto_sign_seed_keypair(hex.decode(witness.seedHex));
    expect(publicKey).toEqual(parsed.key.publicKey);
    return { key: parsed.key, sign: (message) => sodium.crypto_sign_detached(message, privateKey) };
  });
});

const witnessAt = (index: number) => witnesses[index] as (typeof witnesses)[number];

describe('cosignature/v1 vectors from an independent implementation', () => {
  it('reproduces every valid line byte for byte and verifies it with its time', () => {
    for (const vector of vectors.valid) {
      const { key, sign } = witnessAt(vector.witness);
      expect(formatCosignatureLine(vector.body, key, vector.timestamp, sign), vector.label).toBe(vector.line);
      const note = `${vector.body}\n${vector.line}`;
      expect(verifyCosignatures(note, [key]), vector.label).toEqual({
        ok: true,
        body: vector.body,
        cosignatures: [{ witness: key, timestamp: vector.timestamp }],
      });
    }
  });

  it('verifies the log signature and both cosignatures of the cosigned note', () => {
    expect(verifyCheckpoint(vectors.cosignedNote, vectors.log.verifierKey, vectors.log.name).ok).toBe(true);
    const checked = verifyCosignatures(vectors.cosignedNote, [witnessAt(0).key, witnessAt(1).key]);
    expect(checked.ok && checked.cosignatures.map(({ witness, timestamp }) => [witness.name, timestamp])).toEqual([
      [vectors.witnesses[0]?.name, 1796600000],
      [vectors.witnesses[1]?.name, 1796600001],
    ]);
  });

  it('refuses every tampered line that names the pinned witness, and ignores a line under another key ID', () => {
    for (const vector of vectors.invalid) {
      const { key } = witnessAt(vector.witness);
      const checked = verifyCosignatures(`${vector.body}\n${vector.line}`, [key]);
      if ('ignored' in vector) {
        expect(checked, vector.label).toEqual({ ok: true, body: vector.body, cosignatures: [] });
      } else {
        expect(checked.ok, vector.label).toBe(false);
      }
    }
  });

  it('does not take a cosignature by one witness for another', () => {
    const [a, b] = vectors.valid;
    const note = `${a?.body}\n${a?.line}`;
    expect(verifyCosignatures(note, [witnessAt(1).key])).toEqual({ ok: true, body: a?.body, cosignatures: [] });
    expect(b?.line).not.toBe(a?.line);
  });
});

describe('published cosignature keys and lines', () => {
  it('parses the native cosignature/v1 key of transparency-dev/formats and checks its key ID', () => {
    const parsed = parseCosignerKey(REMORA_KEY);
    expect(parsed.ok && parsed.key.name).toBe('remora.n621.de');
    expect(parseCosignerKey(REMORA_KEY.replace('da77ade7', '00000000')).ok).toBe(false);
  });

  it('refuses an ordinary note key (type 0x01) where a witness key belongs', () => {
    expect(parseCosignerKey(NOTE_KEY)).toMatchObject({ ok: false, reason: expect.stringContaining('0x04') });
  });

  it('reads the time of the transparency-dev/formats cosignature and refuses its plain-signature partner', () => {
    expect(cosignatureTimestampOf(base64.decode(FORMATS_COSIGNATURE).slice(4))).toBe(1727964367);
    expect(cosignatureTimestampOf(base64.decode(FORMATS_NOT_A_COSIGNATURE).slice(4))).toBeUndefined();
  });

  it('frames the tlog-cosignature example line: key ID 8d66cf3f and time 1679315147', () => {
    const parsed = parseSignedNote(SPEC_NOTE);
    const line = parsed.ok ? parsed.note.signatures[1] : undefined;
    expect(line?.keyId.toString(16)).toBe('8d66cf3f');
    expect(cosignatureTimestampOf(line?.signature ?? new Uint8Array())).toBe(1679315147);
  });
});
