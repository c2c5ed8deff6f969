import { describe, expect, it } from 'vitest';
import { dashboard } from './dashboard';
import { buildUsChannel } from './sample-channel';
import { at, PARTIES, PEOPLE } from './sample-people';

const people = Object.values(PEOPLE);
const split = (channel: ReturnType<typeof buildUsChannel>) => ({
  cases: channel.entries.filter((entry) => entry.header.streamKind === 'case'),
  threads: channel.entries.filter((entry) => entry.header.streamKind === 'thread'),
});

describe('dashboard', () => {
  const channel = buildUsChannel();
  const { cases, threads } = split(channel);
  const view = dashboard(cases, threads, new Date('2025-12-05T00:00:00.000Z'), people);
  const ids = (...at: number[]) => at.map((i) => channel.caseIds[i]);

  it('sorts the eight cases by their current status', () => {
    expect(view.casesByStatus).toEqual({
      reunified: ids(0, 1, 2),
      reported: ids(3, 7),
      returned: ids(4, 5),
      located: ids(6),
    });
  });

  it('counts reunifications per ISO week, on the day they happened', () => {
    expect(view.reunifiedPerWeek).toEqual([
      { week: '2025-W45', count: 2 },
      { week: '2025-W46', count: 1 },
    ]);
  });

  it('lists commitments overdue first, then by deadline', () => {
    expect(view.commitments.map((item) => [item.entryHash, item.status, `${item.fulfilled} of ${item.total}`])).toEqual(
      [
        [channel.adults.entryHash, 'overdue', '1 of 3'],
        [channel.eight.entryHash, 'overdue', '4 of 8'],
      ],
    );
    expect(view.commitmentsByStatus).toEqual({ overdue: 2 });
  });

  it('awaits no receipt of agreed minutes from a party that countersigned them (issue 16)', () => {
    const minutes = [channel.minutesV1, channel.minutesV2];
    const signedBy = (hash: string) =>
      channel.entries
        .filter((entry) => entry.header.type === 'countersignature' && entry.header.refs[0] === hash)
        .map((entry) => entry.header.author.party);
    // The sample's final minutes carry countersignatures (the control that the check can bite).
    expect(signedBy(channel.minutesV2.entryHash).length).toBeGreaterThan(0);
    for (const version of minutes) {
      const row = view.receiptsAwaited.find((item) => item.entryHash === version.entryHash);
      for (const party of signedBy(version.entryHash)) {
        expect(row?.awaited ?? []).not.toContain(party);
      }
    }
  });

  it('lists entries whose receipts are awaited, oldest first, with the parties awaited', () => {
    const reply = view.receiptsAwaited.find((item) => item.entryHash === channel.reply.entryHash);
    expect(reply).toEqual({
      entryHash: channel.reply.entryHash,
      stream: channel.thread,
      type: 'letter',
      authorParty: PARTIES.RU.id,
      receivedAt: '2025-10-09T09:00:00.000Z',
      awaited: [PARTIES.UA.id],
    });
    expect(view.receiptsAwaited.some((item) => item.entryHash === channel.letter.entryHash)).toBe(false);
    const times = view.receiptsAwaited.map((item) => item.receivedAt);
    expect(times).toEqual([...times].sort());
    expect(view.receiptsAwaited.some((item) => item.type === 'acknowledgement' || item.type === 'case_open')).toBe(
      false,
    );
  });

  it('drops a reunification from the chart once its author retracts it, and keeps the case status honest', () => {
    const later = buildUsChannel();
    const reunified = later.entries.find(
      (entry) =>
        entry.header.stream === later.caseIds[2] &&
        entry.content?.type === 'status_change' &&
        entry.content.status === 'reunified',
    );
    if (!reunified) {
      throw new Error('the sample reunifies Daryna');
    }
    later.log.append({
      stream: later.caseIds[2] ?? '',
      kind: 'case',
      author: PEOPLE.uaStaff,
      at: at('11-20'),
      refs: [reunified],
      content: { type: 'retraction', reason: 'Reunion postponed.' },
    });
    const { cases: laterCases, threads: laterThreads } = split(later);
    const after = dashboard(laterCases, laterThreads, new Date('2025-12-05T00:00:00.000Z'), people);
    expect(after.reunifiedPerWeek).toEqual([{ week: '2025-W45', count: 2 }]);
    expect(after.casesByStatus.returned).toContain(later.caseIds[2]);
  });

  it('files a case whose status in force is unreadable under "unknown"', () => {
    const sealed = buildUsChannel();
    sealed.log.append({
      stream: sealed.caseIds[7] ?? '',
      kind: 'case',
      author: PEOPLE.ruStaff,
      at: at('11-30'),
      type: 'status_change',
    });
    const { cases: sealedCases, threads: sealedThreads } = split(sealed);
    expect(
      dashboard(sealedCases, sealedThreads, new Date('2025-12-05T00:00:00.000Z'), people).casesByStatus.unknown,
    ).toEqual([sealed.caseIds[7]]);
  });
});
