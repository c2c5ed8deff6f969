/**
 * Builds the bundle (and trusted checkpoints) of each strict-input case from the sample log, with
 * fixed randomness so that a re-run writes the same bytes. Used by generate-strict-input-vectors.ts.
 */
import { type AuditBundle, AUDIT_BUNDLE_FORMAT } from '../../shared/audit/bundle';
import { buildSampleBundle, SAMPLE_ORIGIN, signSampleCheckpoint } from '../../shared/audit/sample-bundle';
import { asContentKey } from '../../shared/crypto/content-key';
import type { EntryRandomness } from '../../shared/crypto/entry-seal';
import { toBase64url, utf8Bytes } from '../../shared/encoding/bytes';
import { encodeBase64 } from '../../shared/log/canonical-base64';
import { EMPTY_ROOT } from '../../shared/log/merkle';
import { type JsonChange, isSignedChange, withValueChange, writeWithChange } from '../helpers/json-changes';
import { fixedBytes, hex, sealDeterministically } from './generate-entry-fixtures';
import type { BundleChange, RecordTarget, StrictInputCase } from './strict-input-cases';

/** A case's input to the verifier: the bundle as text (or as hex, when it is not UTF-8) and trusted notes. */
export type BuiltCase = {
  readonly bundle?: string;
  readonly bundleHex?: string;
  readonly trustedCheckpoints?: readonly string[];
};

const randomness = (entryIndex: number): EntryRandomness => ({
  contentKey: asContentKey(fixedBytes(`strict input ${entryIndex}/content key`)),
  nonce: fixedBytes(`strict input ${entryIndex}/nonce`, 24),
  sealKey: (contentKey, boxPublicKey) =>
    sealDeterministically(contentKey, boxPublicKey, fixedBytes(`strict input ${entryIndex}/${hex(boxPublicKey)}`)),
});

/** The valid sample bundle every case starts from: fixed randomness, no ciphertexts. */
export const baseBundle = (): AuditBundle => buildSampleBundle({ ciphertext: false, randomness });

/** The sample bundle with a record signed as changed (the log rebuilt around it). */
const signedChange = ({ record, index, change }: RecordTarget): AuditBundle => {
  const inRecord = change.at.slice(record === 'entry' ? 1 : 2);
  const edit = <T>(value: T, at: number): T => (at === index ? withValueChange(value, change, inRecord) : value);
  return buildSampleBundle({
    ciphertext: false,
    randomness,
    ...(record === 'entry' ? { editHeader: edit } : { editStatement: edit }),
  });
};

/** The text of the sample bundle with a record changed as `target` says. */
export const recordCase = (target: RecordTarget): string =>
  isSignedChange(target.change)
    ? JSON.stringify(signedChange(target))
    : writeWithChange(baseBundle(), target.change, [target.record === 'entry' ? 'entries' : 'statements', target.index]);

const noteOf = (bundle: AuditBundle, index: number): string => bundle.checkpoints[index] ?? '';

/** A well-formed signature line of a key the verifier does not know (a witness). */
const witnessLine = (name: string): string => {
  const payload = new Uint8Array(68);
  payload.set(fixedBytes(`strict input witness ${name}/0`), 0);
  payload.set(fixedBytes(`strict input witness ${name}/1`), 32);
  payload.set(fixedBytes(`strict input witness ${name}/2`).slice(0, 4), 64);
  return `\u2014 ${name} ${encodeBase64(payload)}\n`;
};

const hashes = (count: number): string[] =>
  Array.from({ length: count }, (_, at) => toBase64url(fixedBytes(`strict input hash ${at}`)));

/** Replaces checkpoint `index` of the bundle with `note`. */
const withNote = (bundle: AuditBundle, index: number, note: string): AuditBundle => ({
  ...bundle,
  checkpoints: bundle.checkpoints.map((old, at) => (at === index ? note : old)),
});

/** Makes the last character before the padding of the log's signature carry non-zero unused bits. */
const nonCanonicalSignature = (note: string): string => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const at = note.lastIndexOf('=') - 1;
  const char = note[at] ?? 'A';
  return `${note.slice(0, at)}${alphabet[alphabet.indexOf(char) + 1]}${note.slice(at + 1)}`;
};

const fromZero = (bundle: AuditBundle, proof: readonly string[]): AuditBundle => ({
  ...bundle,
  checkpoints: [signSampleCheckpoint(0, EMPTY_ROOT), ...bundle.checkpoints],
  consistency: [{ from: 0, to: 5, proof: [...proof] }, ...bundle.consistency],
});

const text = (bundle: AuditBundle): BuiltCase => ({ bundle: JSON.stringify(bundle) });
const change = (bundle: AuditBundle, edit: JsonChange): BuiltCase => ({ bundle: writeWithChange(bundle, edit) });

const BUNDLE_CHANGES: Record<BundleChange, (bundle: AuditBundle) => BuiltCase> = {
  bom: (bundle) => ({ bundle: `\uFEFF${JSON.stringify(bundle)}` }),
  'invalid-utf8-in-origin': (bundle) => {
    const bytes = utf8Bytes(JSON.stringify(bundle));
    const at = JSON.stringify(bundle).indexOf(`"origin":"${SAMPLE_ORIGIN}"`) + 12;
    return { bundleHex: hex(bytes.slice(0, at)) + 'ff' + hex(bytes.slice(at)) };
  },
  'duplicate-top-level-member': (bundle) =>
    change(bundle, { kind: 'insert-member', at: [], name: 'format', json: JSON.stringify(AUDIT_BUNDLE_FORMAT) }),
  'top-level-proto-member': (bundle) => change(bundle, { kind: 'insert-member', at: [], name: '__proto__', json: '{}' }),
  'origin-lone-surrogate': (bundle) =>
    change(bundle, { kind: 'replace-text', at: ['origin'], json: `${JSON.stringify(SAMPLE_ORIGIN).slice(0, -1)}\\ud800"` }),
  'note-over-16384-chars': (bundle) => {
    const lines = Array.from({ length: 80 }, (_, at) => witnessLine(`${'w'.repeat(110)}${at}`)).join('');
    return text(withNote(bundle, 0, `${noteOf(bundle, 0)}${lines}`));
  },
  'signature-line-non-canonical-base64': (bundle) => text(withNote(bundle, 0, nonCanonicalSignature(noteOf(bundle, 0)))),
  'witness-line-malformed': (bundle) => text(withNote(bundle, 0, `${noteOf(bundle, 0)}\u2014 witness.example not*base64\n`)),
  'witness-line-well-formed': (bundle) => text(withNote(bundle, 0, `${noteOf(bundle, 0)}${witnessLine('witness.example')}`)),
  'consistency-from-0-not-empty': (bundle) => text(fromZero(bundle, hashes(1))),
  'consistency-from-0-empty': (bundle) => text(fromZero(bundle, [])),
  'inclusion-over-64-hashes': (bundle) =>
    text({ ...bundle, entries: bundle.entries.map((item, at) => (at === 0 ? { ...item, inclusion: hashes(65) } : item)) }),
  'consistency-over-128-hashes': (bundle) =>
    text({ ...bundle, consistency: bundle.consistency.map((item, at) => (at === 0 ? { ...item, proof: hashes(129) } : item)) }),
  'trusted-checkpoint-extra-newline': (bundle) => ({ ...text(bundle), trustedCheckpoints: [`${noteOf(bundle, 2)}\n`] }),
  'trusted-checkpoint-exact': (bundle) => ({ ...text(bundle), trustedCheckpoints: [noteOf(bundle, 2)] }),
  'trusted-checkpoint-size-0-wrong-root': (bundle) => ({
    ...text(bundle),
    trustedCheckpoints: [signSampleCheckpoint(0, fixedBytes('strict input not the empty root'))],
  }),
};

/** The verifier's input for a case. */
export const buildCase = ({ target }: StrictInputCase): BuiltCase =>
  target.record === 'bundle' ? BUNDLE_CHANGES[target.make](baseBundle()) : { bundle: recordCase(target) };
