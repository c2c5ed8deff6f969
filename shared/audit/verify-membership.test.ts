import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../crypto/sodium';
import { toBase64url } from '../encoding/bytes';
import type { BundleFailure } from './failures';
import { sampleVerifierKey } from './sample-audit-log';
import { buildSampleBundle, bundleOfLog, SAMPLE_IDS, SAMPLE_THREAD } from './sample-bundle';
import { bundleSealedToNonMember, openSampleThread, PARTY_3 } from './sample-trust-bundles';
import { verifyBundle } from './verify-bundle';

let pinned: string;

beforeAll(async () => {
  await initCrypto();
  pinned = sampleVerifierKey();
});

const thread = SAMPLE_THREAD;
/** An entry hash no entry has. */
const NO_SUCH_ENTRY = toBase64url(new Uint8Array(32).fill(7));
const letter = { ...thread, type: 'letter', meta: {} } as const;

/** The failures of the bundle of `log`, as `[seq, reason]` of the thread entry each names. */
const failuresOf = (log: ReturnType<typeof openSampleThread>['log']) => {
  const result = verifyBundle(bundleOfLog(log), pinned);
  const seqOf = (failure: BundleFailure) => Number(/ seq (\d+)\)$/.exec(failure.subject)?.[1] ?? -1);
  return result.failures.map((failure) => [seqOf(failure), failure.reason] as const);
};

describe('the verifier and who takes part in a stream (issue 11, must-show 5)', () => {
  it('names every entry sealed to a party that is not a member, and no other entry', () => {
    const { bundle, refused } = bundleSealedToNonMember();
    const result = verifyBundle(bundle, pinned);
    expect(result.ok).toBe(false);
    expect(result.failures).toEqual(
      refused.map((subject, index) => ({
        subject,
        reason: expect.stringMatching(
          new RegExp(
            `^sealed to Envoy 3 \\(.*\\) of party ${PARTY_3}, which is not a member of the stream at seq ${[2, 4][index]}$`,
          ),
        ),
      })),
    );
  });

  it('lets a third party in only once every member consented, and then names nothing', () => {
    const { log, cast } = openSampleThread();
    const { envoy1, envoy2, staff1, envoy3 } = cast;
    const proposal = log.write(envoy2, [envoy1, staff1], { ...thread, type: 'membership', meta: { add: [PARTY_3] } });
    log.write(envoy1, [envoy2, staff1], { ...thread, type: 'membership_consent', meta: {}, refs: [proposal] });
    log.write(envoy3, [envoy1, envoy2, staff1], letter);
    log.write(envoy1, [envoy2, staff1, envoy3], letter);
    log.checkpoint();
    expect(failuresOf(log)).toEqual([]);
  });

  it('names an entry by a non-member party, keeps a party removed without its consent, and lets a party leave', () => {
    const { log, cast } = openSampleThread();
    const { envoy1, envoy2, staff1, envoy3 } = cast;
    log.write(envoy3, [envoy1, envoy2], letter); // seq 2
    log.write(envoy2, [envoy1, staff1], { ...thread, type: 'membership', meta: { remove: [SAMPLE_IDS.party1] } }); // 3
    log.write(envoy1, [envoy2, staff1], letter); // 4: party 1 is still a member
    log.write(envoy2, [envoy1, staff1], { ...thread, type: 'membership', meta: { remove: [SAMPLE_IDS.party2] } }); // 5
    log.write(envoy2, [envoy1], letter); // 6: party 2 has left
    log.write(envoy1, [envoy2, staff1], letter); // 7: sealed to a party that left
    log.checkpoint();
    expect(failuresOf(log)).toEqual([
      [2, `breaks the stream's membership rules: party ${PARTY_3} is not a member of this stream at seq 2`],
      [2, expect.stringMatching(new RegExp(`^sealed to Envoy 3 .* of party ${PARTY_3}, which is not a member`))],
      [6, `breaks the stream's membership rules: party ${SAMPLE_IDS.party2} is not a member of this stream at seq 6`],
      [6, expect.stringMatching(/^sealed to Envoy 2 .* which is not a member of the stream at seq 6$/)],
      [7, expect.stringMatching(/^sealed to Envoy 2 .* which is not a member of the stream at seq 7$/)],
    ]);
  });

  it('refuses a second consent by the same party and a consent to nothing pending', () => {
    const { log, cast } = openSampleThread();
    const { envoy1, envoy2, staff1 } = cast;
    const proposal = log.write(envoy2, [envoy1, staff1], { ...thread, type: 'membership', meta: { add: [PARTY_3] } });
    log.write(envoy2, [envoy1, staff1], { ...thread, type: 'membership_consent', meta: {}, refs: [proposal] });
    log.write(envoy1, [envoy2, staff1], { ...thread, type: 'membership_consent', meta: {}, refs: [NO_SUCH_ENTRY] });
    log.checkpoint();
    expect(failuresOf(log)).toEqual([
      [3, `breaks the stream's membership rules: party ${SAMPLE_IDS.party2} has already consented to this change`],
      [4, `breaks the stream's membership rules: no membership change ${NO_SUCH_ENTRY} awaits consent in this stream`],
    ]);
  });

  it('accepts a disclosure grantee outside the members, and names an admin or a key the directory does not hold', () => {
    const { log, cast } = openSampleThread();
    const { envoy1, envoy2, staff1, envoy3, admin2 } = cast;
    log.write(envoy1, [envoy2, staff1, envoy3], { ...thread, type: 'disclosure', meta: { grantee: envoy3.id } });
    log.write(envoy1, [envoy2, staff1, admin2], letter);
    log.write(envoy1, [{ ...envoy2, keys: envoy3.keys }], letter);
    log.checkpoint();
    expect(failuresOf(log)).toEqual([
      [3, expect.stringMatching(/^sealed to Admin 2 .*, an admin: admins never read content$/)],
      [
        4,
        expect.stringMatching(
          new RegExp(`^sealed to ${envoy2.id} with key .*, which the directory does not bind to them$`),
        ),
      ],
    ]);
  });

  it('says it cannot judge the membership of a stream the bundle does not carry from its opening entry', () => {
    const bundle = buildSampleBundle({ scope: { kind: 'party', id: SAMPLE_IDS.party1 } });
    bundle.entries = bundle.entries.filter((item) => item.header.stream !== SAMPLE_IDS.thread || item.header.seq > 1);
    bundle.streams = bundle.streams.map((range) =>
      range.stream === SAMPLE_IDS.thread
        ? {
            ...range,
            firstSeq: 2,
            prevHash: bundle.entries.find((item) => item.header.seq === 2)?.header.prevHash ?? '',
          }
        : range,
    );
    const result = verifyBundle(bundle, pinned);
    expect(result.failures).toEqual([]);
    expect(result.notes).toEqual([
      `stream ${SAMPLE_IDS.thread}: membership and recipients not checked: the bundle carries it from seq 2, not from its opening entry`,
    ]);
  });
});
