/**
 * A small, complete Parley log and its audit bundle, built with the real crypto (see
 * sample-audit-log.ts): two parties, each with its own bootstrapped root admin who enrols the
 * party's own people, a thread between the parties, a case of one party and a key rotation. For
 * tests and documentation only: every key comes from a fixed, public seed. libsodium must be ready.
 */
import { toBase64url } from '../encoding/bytes';
import { AUDIT_BUNDLE_FORMAT, type AuditBundle, type BundleScope } from './bundle';
import {
  SAMPLE_ORIGIN,
  SampleAuditLog,
  type SampleLogOptions,
  type SamplePerson,
  sampleKeys,
  samplePerson,
  sampleVerifierKey,
} from './sample-audit-log';
import { describeStreams } from './stream-ranges';

export { SAMPLE_ORIGIN, sampleVerifierKey, signSampleCheckpoint } from './sample-audit-log';

/** The sample's two parties, its thread and its case. */
export const SAMPLE_IDS = {
  party1: 'a1000000-0000-4000-8000-000000000001',
  party2: 'a2000000-0000-4000-8000-000000000002',
  thread: '7e000000-0000-4000-8000-0000000000a1',
  case: 'ca000000-0000-4000-8000-0000000000c1',
} as const;

/** The sample's people, with fresh copies of their first keys (a log's rotations change them). */
export const sampleCast = () => ({
  admin1: samplePerson('admin', SAMPLE_IDS.party1, 'admin'),
  envoy1: samplePerson('envoy 1', SAMPLE_IDS.party1, 'envoy'),
  staff1: samplePerson('staff', SAMPLE_IDS.party1, 'staff'),
  admin2: samplePerson('admin 2', SAMPLE_IDS.party2, 'admin'),
  envoy2: samplePerson('envoy 2', SAMPLE_IDS.party2, 'envoy'),
});

/** Sample people, by role in the sample. */
export type SampleCast = Record<keyof ReturnType<typeof sampleCast>, SamplePerson>;

/** The thread and case of the sample, as entry fields. */
export const SAMPLE_THREAD = { stream: SAMPLE_IDS.thread, streamKind: 'thread' } as const;
export const SAMPLE_CASE = { stream: SAMPLE_IDS.case, streamKind: 'case' } as const;

/** Each party's root admin bootstraps it and enrols its own people: 5 statements at leaves 0–4. */
export const writeSampleDirectory = (log: SampleAuditLog, cast: SampleCast): void => {
  log.bootstrap(cast.admin1);
  log.enrol(cast.envoy1, cast.admin1);
  log.enrol(cast.staff1, cast.admin1);
  log.bootstrap(cast.admin2);
  log.enrol(cast.envoy2, cast.admin2);
};

const writeSampleLog = (counted: boolean, options: SampleLogOptions): SampleAuditLog => {
  const log = new SampleAuditLog(options);
  const checkpoint = () => log.checkpoint({ counted });
  const cast = sampleCast();
  const { envoy1, staff1, envoy2 } = cast;
  writeSampleDirectory(log, cast);
  checkpoint();
  const members = [SAMPLE_IDS.party1, SAMPLE_IDS.party2];
  log.write(envoy1, [envoy2, staff1], { ...SAMPLE_THREAD, type: 'thread_open', meta: { members } });
  log.write(staff1, [envoy1], {
    ...SAMPLE_CASE,
    type: 'case_open',
    meta: { members: [SAMPLE_IDS.party1], reference: 'C-1' },
  });
  log.write(envoy2, [envoy1, staff1], { ...SAMPLE_THREAD, type: 'letter', meta: {} });
  checkpoint();
  log.rotate(envoy1, sampleKeys('envoy 1 rotated'));
  const letter = log.write(envoy1, [envoy2, staff1], { ...SAMPLE_THREAD, type: 'letter', meta: {} });
  log.write(staff1, [envoy1], { ...SAMPLE_CASE, type: 'minutes', meta: {} });
  log.write(envoy2, [envoy1, staff1], { ...SAMPLE_THREAD, type: 'acknowledgement', meta: {}, refs: [letter] });
  checkpoint();
  return log;
};

/**
 * What to leave out of a bundle: `ciphertext: false` the ciphertexts, `leaves: false` the leaf
 * list, `counted: false` the checkpoints' `key-statements` line (as a log signed them before it).
 */
export type SampleBundleOptions = {
  ciphertext?: boolean;
  leaves?: boolean;
  counted?: boolean;
  scope?: BundleScope;
} & SampleLogOptions;

/** Exports all of `log` (every checkpoint, statement and entry) as a bundle. */
export const bundleOfLog = (log: SampleAuditLog, options: SampleBundleOptions = {}): AuditBundle => {
  const { tree } = log;
  const encode = (hashes: readonly Uint8Array[]) => hashes.map(toBase64url);
  const sizes = log.checkpoints.map((note) => Number(note.split('\n')[1]));
  return {
    format: AUDIT_BUNDLE_FORMAT,
    origin: SAMPLE_ORIGIN,
    logKey: sampleVerifierKey(),
    scope: options.scope ?? { kind: 'log' },
    checkpoints: log.checkpoints,
    consistency: sizes.slice(1).map((to, index) => {
      const from = sizes[index] ?? 0;
      return { from, to, proof: encode(tree.consistencyProof(from, to)) };
    }),
    statements: log.statements.map((item) => ({ ...item, inclusion: encode(tree.inclusionProof(item.leafIndex)) })),
    entries: log.entries.map(({ leafIndex, entry }) => ({
      leafIndex,
      header: entry.header,
      signature: entry.signature,
      ...(options.ciphertext === false ? {} : { ciphertext: entry.ciphertext }),
      inclusion: encode(tree.inclusionProof(leafIndex)),
    })),
    streams: describeStreams(log.entries.map(({ entry }) => entry.header)),
    ...(options.leaves === false ? {} : { leaves: log.leafInputs.map(toBase64url) }),
  };
};

/**
 * Builds the sample log (two party roots, three people each party's root enrolled, a thread and
 * a case, a key rotation between them: 12 leaves, checkpoints at 5, 8 and 12, each counting its
 * key statements) and exports all of it as a bundle.
 */
export const buildSampleBundle = (options: SampleBundleOptions = {}): AuditBundle =>
  bundleOfLog(writeSampleLog(options.counted ?? true, options), options);
