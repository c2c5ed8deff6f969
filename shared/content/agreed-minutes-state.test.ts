import { describe, expect, it } from 'vitest';
import { agreedMinutesState } from './agreed-minutes-state';
import { buildUsChannel } from './sample-channel';
import { at, PARTIES, PEOPLE } from './sample-people';

const { RU, UA, US } = PARTIES;

describe('agreedMinutesState', () => {
  it('lists the party that has not countersigned as awaited, and the minutes as not agreed', () => {
    const channel = buildUsChannel();
    const { requested } = agreedMinutesState(channel.entries, channel.minutesV1.entryHash) ?? {};
    expect(requested?.countersignatures.map((signature) => [signature.party, signature.intent])).toEqual([
      [US.id, 'approve'],
      [RU.id, 'ad_referendum'],
    ]);
    expect(requested?.awaiting).toEqual([UA.id]);
    expect(requested?.isAgreed).toBe(false);
  });

  it('keeps the superseded version visible beside the version that replaced it', () => {
    const channel = buildUsChannel();
    const view = agreedMinutesState(channel.entries, channel.minutesV1.entryHash);
    expect(view?.versions.map((version) => [version.version, version.entryHash, version.isAgreed])).toEqual([
      [1, channel.minutesV1.entryHash, false],
      [2, channel.minutesV2.entryHash, true],
    ]);
    expect(view?.versions[0]?.supersededBy).toBe(channel.minutesV2.entryHash);
    expect(view?.latest.supersedes).toBe(channel.minutesV1.entryHash);
    expect(view?.requested.entryHash).toBe(channel.minutesV1.entryHash);
    expect(agreedMinutesState(channel.entries, channel.minutesV2.entryHash)?.versions).toEqual(view?.versions);
  });

  it('tells agreement (all countersigned) from approval by all (every intent "approve")', () => {
    const channel = buildUsChannel();
    const latest = agreedMinutesState(channel.entries, channel.minutesV2.entryHash)?.latest;
    expect(latest).toMatchObject({
      isAgreed: true,
      isApprovedByAll: false,
      awaiting: [],
      title: 'Agreed minutes of the joint check',
    });
    expect(latest?.countersignatures.find((signature) => signature.party === UA.id)).toMatchObject({
      intent: 'authenticate',
      person: PEOPLE.uaEnvoy.id,
      receivedAt: '2025-10-24T15:00:00.000Z',
    });
  });

  it('counts neither a retracted countersignature nor a second one by the same party', () => {
    const channel = buildUsChannel();
    const { append } = channel.log;
    const inThread = { stream: channel.thread, kind: 'thread' as const };
    const v3 = append({
      ...inThread,
      author: PEOPLE.usEnvoy,
      at: at('11-01'),
      refs: [channel.minutesV2],
      meta: { parties: [RU.id, UA.id, US.id] },
      type: 'agreed_minutes',
    });
    const sign = (by: typeof PEOPLE.ruEnvoy, day: string) =>
      append({
        ...inThread,
        author: by,
        at: at(day),
        refs: [v3],
        meta: { intent: 'approve' },
        content: { type: 'countersignature' },
      });
    const ruSignature = sign(PEOPLE.ruEnvoy, '11-02');
    append({
      ...inThread,
      author: PEOPLE.ruEnvoy,
      at: at('11-03'),
      refs: [ruSignature],
      content: { type: 'retraction', reason: 'Signed without authority.' },
    });
    sign(PEOPLE.uaEnvoy, '11-03');
    sign(PEOPLE.uaEnvoy, '11-04');
    const latest = agreedMinutesState(channel.entries, v3.entryHash)?.latest;
    expect(latest?.version).toBe(3);
    expect(latest?.title).toBeUndefined();
    expect(latest?.countersignatures.map((signature) => signature.party)).toEqual([UA.id]);
    expect(latest?.awaiting).toEqual([RU.id, US.id]);
  });

  it('does not count a countersignature logged after the version was superseded', () => {
    const channel = buildUsChannel();
    channel.log.append({
      stream: channel.thread,
      kind: 'thread',
      author: PEOPLE.uaEnvoy,
      at: at('11-01'),
      refs: [channel.minutesV1],
      meta: { intent: 'approve' },
      content: { type: 'countersignature' },
    });
    expect(agreedMinutesState(channel.entries, channel.minutesV1.entryHash)?.requested.awaiting).toEqual([UA.id]);
  });

  it('answers nothing for a hash that is not agreed minutes', () => {
    const channel = buildUsChannel();
    expect(agreedMinutesState(channel.entries, channel.letter.entryHash)).toBeUndefined();
    expect(agreedMinutesState(channel.entries, 'unknown')).toBeUndefined();
  });
});
