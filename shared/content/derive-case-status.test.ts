import { describe, expect, it } from 'vitest';
import { deriveCaseStatus } from './derive-case-status';
import { buildUsChannel } from './sample-channel';
import { at, PARTIES, PEOPLE } from './sample-people';

const caseEntries = (channel: ReturnType<typeof buildUsChannel>, i: number) =>
  channel.entries.filter((entry) => entry.header.stream === channel.caseIds[i]);

describe('deriveCaseStatus', () => {
  it('keeps a retracted change in the history and takes the status from the change before it', () => {
    const channel = buildUsChannel();
    const view = deriveCaseStatus(caseEntries(channel, 6));
    expect(view.history.map((item) => [item.original?.status, item.retractedBy])).toEqual([
      ['located', undefined],
      ['in_transit', channel.retraction.entryHash],
    ]);
    expect(view.current).toMatchObject({
      status: 'located',
      entryHash: channel.ivanLocated.entryHash,
      isImplicit: false,
    });
  });

  it('starts from an implicit "reported" when the case was opened and nothing has changed since', () => {
    const channel = buildUsChannel();
    const view = deriveCaseStatus(caseEntries(channel, 7));
    expect(view.history).toEqual([]);
    expect(view.current).toMatchObject({ status: 'reported', isImplicit: true, party: PARTIES.UA.id });
  });

  it("shows where each side last put the case: Russia's return beside Ukraine's reunification", () => {
    const view = deriveCaseStatus(caseEntries(buildUsChannel(), 0));
    expect(view.current?.status).toBe('reunified');
    expect(view.byParty.get(PARTIES.RU.id)?.effective?.status).toBe('returned');
    expect(view.byParty.get(PARTIES.UA.id)?.effective?.status).toBe('reunified');
  });

  it('shows a dispute beside the change it contests without overwriting it', () => {
    const channel = buildUsChannel();
    const view = deriveCaseStatus(caseEntries(channel, 5));
    expect(view.current?.status).toBe('returned');
    expect(view.history.at(-1)?.disputedBy).toEqual([channel.caseCounterClaim.entryHash]);
  });

  it("applies the author's own amendment, keeps the original beside it, and ignores the other side's", () => {
    const channel = buildUsChannel();
    const amend = (by: typeof PEOPLE.ruStaff, day: string) =>
      channel.log.append({
        stream: channel.caseIds[4] ?? '',
        kind: 'case',
        author: by,
        at: at(day),
        refs: [channel.sofiiaReturned],
        content: {
          type: 'amendment',
          replacement: { type: 'status_change', status: 'in_transit', note: 'Still in Belarus.' },
          reason: 'Recorded as returned a day early.',
        },
      });
    const own = amend(PEOPLE.ruStaff, '11-21');
    amend(PEOPLE.uaStaff, '11-22');
    const view = deriveCaseStatus(caseEntries(channel, 4));
    const [change] = view.history;
    expect(change?.original?.status).toBe('returned');
    expect(change?.effective?.status).toBe('in_transit');
    expect(change?.amendedBy).toEqual([own.entryHash]);
    expect(view.current?.status).toBe('in_transit');
  });

  it('does not pass an older status off as current when the latest change is unreadable', () => {
    const channel = buildUsChannel();
    const sealed = channel.log.append({
      stream: channel.caseIds[6] ?? '',
      kind: 'case',
      author: PEOPLE.ruStaff,
      at: at('12-01'),
      type: 'status_change',
    });
    const view = deriveCaseStatus(caseEntries(channel, 6));
    expect(view.current).toEqual({
      entryHash: sealed.entryHash,
      party: PARTIES.RU.id,
      receivedAt: sealed.receivedAt,
      isImplicit: false,
    });
    expect(view.history).toHaveLength(3);
  });

  it('refuses entries that belong to no case', () => {
    const channel = buildUsChannel();
    expect(() => deriveCaseStatus(channel.entries.filter((entry) => entry.header.streamKind === 'thread'))).toThrow(
      RangeError,
    );
  });
});
