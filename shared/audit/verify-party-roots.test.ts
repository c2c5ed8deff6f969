import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../crypto/sodium';
import { samplePerson, sampleVerifierKey } from './sample-audit-log';
import { bundleOfLog, SAMPLE_IDS, SAMPLE_THREAD } from './sample-bundle';
import { bundleWithCrossPartyStatements, PARTY_3, writeUpgradedLog } from './sample-trust-bundles';
import { verifyBundle } from './verify-bundle';

let pinned: string;

beforeAll(async () => {
  await initCrypto();
  pinned = sampleVerifierKey();
});

describe('the verifier and party roots (issue 11, must-show 2)', () => {
  it("names each statement by which party 1's admin enrols, endorses, rotates or revokes a person of party 2, and a second root", () => {
    const { bundle, refused } = bundleWithCrossPartyStatements();
    const result = verifyBundle(bundle, pinned);
    const otherParty = new RegExp(`is an admin of party ${SAMPLE_IDS.party1}, not of ${SAMPLE_IDS.party2}`);
    expect(result.failures).toEqual([
      { subject: refused[0], reason: expect.stringMatching(otherParty) }, // enrol
      { subject: refused[1], reason: expect.stringMatching(otherParty) }, // endorse
      { subject: refused[2], reason: expect.stringMatching(/^extra signature by .*: a rotate is signed by /) },
      { subject: refused[3], reason: expect.stringMatching(otherParty) }, // revoke
      {
        subject: refused[4],
        reason: expect.stringMatching(/already has its root .*: the command line may only start a new party$/),
      },
      { subject: refused[5], reason: expect.stringMatching(/which the directory does not bind to them$/) },
    ]);
  });
});

describe('the verifier on an upgraded deployment (PROTOCOL.md §7.8)', () => {
  it('judges statements and membership below the pinned boundary by the rules of their time', () => {
    const { log, boundary } = writeUpgradedLog();
    const bundle = bundleOfLog(log);
    expect(verifyBundle(bundle, pinned, undefined, { legacyBefore: boundary })).toMatchObject({
      ok: true,
      failures: [],
      summary: { legacyBefore: boundary, directoryComplete: true },
    });
    // Without the boundary, the same history breaks today's rules: the cross-party enrolments,
    // then everything that depended on them.
    const strict = verifyBundle(bundle, pinned);
    const refusedStatements = strict.failures.filter((failure) => failure.subject.startsWith('statement'));
    expect(refusedStatements.map((failure) => failure.reason)).toEqual([
      `party ${SAMPLE_IDS.party2} has no root yet: its first admin must be bootstrapped from the command line`,
      `party ${PARTY_3} has no root yet: its first admin must be bootstrapped from the command line`,
    ]);
  });

  it('names an entry above the boundary sealed to a legacy key its party never endorsed, until its own root endorses it', () => {
    const { log, boundary, envoy1, envoy2, envoy3 } = writeUpgradedLog();
    log.write(envoy1, [envoy2, envoy3], { ...SAMPLE_THREAD, type: 'letter', meta: {} }); // seq 4
    const admin2 = samplePerson('admin 2', SAMPLE_IDS.party2, 'admin');
    log.bootstrap(admin2);
    log.publish(log.statementAbout(envoy2, { kind: 'endorse', authority: admin2.id }), [admin2]);
    log.write(envoy1, [envoy2], { ...SAMPLE_THREAD, type: 'letter', meta: {} }); // seq 5
    log.checkpoint();
    const result = verifyBundle(bundleOfLog(log), pinned, undefined, { legacyBefore: boundary });
    const never = (name: string, party: string) =>
      expect.stringMatching(new RegExp(`^sealed to ${name} .*not endorsed along party ${party}'s own chain at leaf`));
    expect(result.failures.map((failure) => [/seq (\d+)\)$/.exec(failure.subject)?.[1], failure.reason])).toEqual([
      ['4', never('Envoy 2', SAMPLE_IDS.party2)],
      ['4', never('Envoy 3', PARTY_3)],
    ]);
  });

  it('refuses a legacy boundary that is not a log position', () => {
    const { log } = writeUpgradedLog();
    expect(verifyBundle(bundleOfLog(log), pinned, undefined, { legacyBefore: -1 }).failures).toEqual([
      { subject: 'legacy boundary', reason: 'must be a non-negative integer, not -1' },
    ]);
  });
});
