/**
 * Bundles of the sample log (sample-bundle.ts) with what a hostile server, operator or admin of
 * another party would write into the log: statements that break the party-root rules and entries
 * sealed to people outside a stream's member parties. Every record is real (signed, sealed,
 * proven in the log): only the rules can refuse them. For tests and documentation only.
 */
import { computeEntryHash } from '../crypto/entry-bytes';
import { keyStatementHash } from '../crypto/key-statement';
import type { KeyStatement } from '../schemas/key-statement';
import type { AuditBundle } from './bundle';
import { SampleAuditLog, sampleKeys, samplePerson } from './sample-audit-log';
import {
  bundleOfLog,
  SAMPLE_IDS,
  SAMPLE_THREAD,
  type SampleCast,
  sampleCast,
  writeSampleDirectory,
} from './sample-bundle';

/** A third party, with its own root admin and envoy. */
export const PARTY_3 = 'a3000000-0000-4000-8000-000000000003';

/** A bundle and the subjects (statement or entry, as the verifier names them) it must fail. */
export type HostileBundle = { readonly bundle: AuditBundle; readonly refused: readonly string[] };

const entrySubjectOf = (log: SampleAuditLog, leafIndex: number): string => {
  const found = log.entries.find((item) => item.leafIndex === leafIndex);
  if (!found) {
    throw new Error(`no entry at leaf ${leafIndex}`);
  }
  const { header, signature } = found.entry;
  const hash = computeEntryHash(header, signature);
  return `entry ${hash} (leaf ${leafIndex}, ${header.streamKind} ${header.stream} seq ${header.seq})`;
};

const statementSubjectOf = (log: SampleAuditLog, leafIndex: number): string => {
  const found = log.statements.find((item) => item.leafIndex === leafIndex);
  if (!found) {
    throw new Error(`no statement at leaf ${leafIndex}`);
  }
  const { person, seq } = found.signed.statement;
  return `statement ${keyStatementHash(found.signed)} (leaf ${leafIndex}, person ${person} seq ${seq})`;
};

/** The sample directory plus party 3 (root admin and envoy), and a thread between parties 1 and 2. */
export const openSampleThread = () => {
  const log = new SampleAuditLog();
  const cast = sampleCast();
  writeSampleDirectory(log, cast);
  const admin3 = samplePerson('admin 3', PARTY_3, 'admin');
  const envoy3 = samplePerson('envoy 3', PARTY_3, 'envoy');
  log.bootstrap(admin3);
  log.enrol(envoy3, admin3);
  const members = [SAMPLE_IDS.party1, SAMPLE_IDS.party2];
  log.write(cast.envoy1, [cast.envoy2, cast.staff1], { ...SAMPLE_THREAD, type: 'thread_open', meta: { members } });
  return { log, cast: { ...cast, admin3, envoy3 } };
};

/**
 * Issue 11, must-show 5: a letter of the party 1–2 thread sealed also to party 3's envoy, who is
 * not a member; and a letter after party 2 alone proposed adding party 3, sealed to party 3's envoy
 * although party 1 never consented. Both letters are named; the thread's other entries are not.
 */
export const bundleSealedToNonMember = (): HostileBundle => {
  const { log, cast } = openSampleThread();
  const { envoy1, envoy2, staff1, envoy3 } = cast;
  const leaked = log.write(envoy1, [envoy2, staff1, envoy3], { ...SAMPLE_THREAD, type: 'letter', meta: {} });
  log.write(envoy2, [envoy1, staff1], { ...SAMPLE_THREAD, type: 'membership', meta: { add: [PARTY_3] } });
  log.write(envoy2, [envoy1, staff1, envoy3], { ...SAMPLE_THREAD, type: 'letter', meta: {} });
  log.write(envoy1, [envoy2, staff1], { ...SAMPLE_THREAD, type: 'acknowledgement', meta: {}, refs: [leaked] });
  log.checkpoint();
  const at = (seq: number) => log.entries.find((item) => item.entry.header.seq === seq)?.leafIndex ?? -1;
  return { bundle: bundleOfLog(log), refused: [entrySubjectOf(log, at(2)), entrySubjectOf(log, at(4))] };
};

/** An admin of party 1 enrolling, endorsing, rotating and revoking people of party 2, with its own keys. */
const writeCrossPartyStatements = (log: SampleAuditLog, { admin1, envoy2 }: SampleCast): number[] => {
  const intruder = samplePerson('intruder', SAMPLE_IDS.party2, 'envoy');
  const leaves: number[] = [];
  const publish = (...args: Parameters<SampleAuditLog['publish']>) => {
    log.publish(...args);
    leaves.push(log.tree.size - 1);
  };
  // Each extends envoy 2's real chain: every one is refused, so none becomes its head.
  const { seq, prevHash } = log.statementAbout(envoy2, {});
  const about = (fields: Partial<KeyStatement>, keys = envoy2.keys) =>
    log.statementAbout(envoy2, { seq, prevHash, ...fields }, keys);
  publish(log.statementAbout(intruder, { authority: admin1.id }), [intruder, admin1]);
  publish(about({ kind: 'endorse', authority: admin1.id }), [admin1]);
  const seized = sampleKeys('seized by admin 1');
  publish(about({ kind: 'rotate' }, seized), [admin1, { id: envoy2.id, keys: seized }]);
  publish(about({ kind: 'revoke', authority: admin1.id }), [admin1]);
  const secondRoot = samplePerson('second root of party 2', SAMPLE_IDS.party2, 'admin');
  publish(log.statementAbout(secondRoot, { authority: 'bootstrap' }), [secondRoot]);
  return leaves;
};

/**
 * Issue 11, must-show 2 (the verifier's half): party 1's admin enrols an envoy into party 2,
 * endorses, rotates and revokes party 2's envoy; the operator bootstraps a second root into party
 * 2. Each statement is named as refused; the letter then sealed to the intruder is named too, since
 * the directory binds no key to them.
 */
export const bundleWithCrossPartyStatements = (): HostileBundle => {
  const log = new SampleAuditLog();
  const cast = sampleCast();
  writeSampleDirectory(log, cast);
  const statements = writeCrossPartyStatements(log, cast);
  const intruder = samplePerson('intruder', SAMPLE_IDS.party2, 'envoy');
  const members = [SAMPLE_IDS.party1, SAMPLE_IDS.party2];
  log.write(cast.envoy1, [cast.envoy2], { ...SAMPLE_THREAD, type: 'thread_open', meta: { members } });
  const letter = log.tree.size;
  log.write(cast.envoy1, [cast.envoy2, intruder], { ...SAMPLE_THREAD, type: 'letter', meta: {} });
  log.checkpoint();
  return {
    bundle: bundleOfLog(log),
    refused: [...statements.map((leaf) => statementSubjectOf(log, leaf)), entrySubjectOf(log, letter)],
  };
};

/**
 * A deployment from before party roots and consent: party 1's admin enrolled everyone, into every
 * party, and party 2 added party 3 to the thread alone. `boundary` is the size of the log then.
 */
export const writeUpgradedLog = () => {
  const log = new SampleAuditLog();
  const admin1 = samplePerson('admin', SAMPLE_IDS.party1, 'admin');
  const envoy1 = samplePerson('envoy 1', SAMPLE_IDS.party1, 'envoy');
  const envoy2 = samplePerson('envoy 2', SAMPLE_IDS.party2, 'envoy');
  const envoy3 = samplePerson('envoy 3', PARTY_3, 'envoy');
  log.bootstrap(admin1);
  for (const who of [envoy1, envoy2, envoy3]) {
    log.enrol(who, admin1);
  }
  const members = [SAMPLE_IDS.party1, SAMPLE_IDS.party2];
  log.write(envoy1, [envoy2], { ...SAMPLE_THREAD, type: 'thread_open', meta: { members } });
  log.write(envoy2, [envoy1], { ...SAMPLE_THREAD, type: 'membership', meta: { add: [PARTY_3] } });
  log.write(envoy1, [envoy2, envoy3], { ...SAMPLE_THREAD, type: 'letter', meta: {} });
  log.checkpoint({ counted: false });
  return { log, boundary: log.tree.size, envoy1, envoy2, envoy3 };
};
