import { describe, expect, it } from 'vitest';
import type { CommitmentContent } from './commitment-content';
import { commitmentState } from './commitment-state';
import { buildUsChannel } from './sample-channel';
import { sampleBytes, sampleUuid } from './sample-log';
import { at, PARTIES, PEOPLE } from './sample-people';

type Channel = ReturnType<typeof buildUsChannel>;
type Person = typeof PEOPLE.ruEnvoy;

const promise = (channel: Channel, changes: Partial<CommitmentContent> = {}) =>
  channel.log.append({
    stream: channel.thread,
    kind: 'thread',
    author: PEOPLE.usEnvoy,
    at: at('11-01'),
    content: {
      type: 'commitment',
      commitmentId: sampleUuid('commitment/olena'),
      source: { kind: 'agreed_minutes', entry: channel.minutesV2.entryHash, clause: 1 },
      obligor: PARTIES.RU.id,
      obligee: PARTIES.UA.id,
      text: 'Olena Koval will be returned.',
      scope: { kind: 'cases', caseIds: [channel.caseIds[0] ?? ''] },
      madeAt: '2025-11-01',
      due: { kind: 'date', date: '2025-11-02' },
      ...changes,
    },
  });
const update = (channel: Channel, of: Channel['eight'], by: Person, status: 'accepted' | 'in_progress' | 'withdrawn') =>
  channel.log.append({
    stream: channel.thread,
    kind: 'thread',
    author: by,
    at: at('11-02'),
    refs: [of],
    content: { type: 'commitment_update', status, note: '' },
  });

describe('commitmentState', () => {
  it('marks the commitment on the eight children overdue once its date has passed, unfulfilled', () => {
    const channel = buildUsChannel();
    const on = (instant: string) => commitmentState(channel.entries, channel.eight.entryHash, new Date(instant));
    expect(on('2025-11-30T23:59:59.999Z')).toMatchObject({ isOverdue: false, status: 'disputed' });
    expect(on('2025-12-01T00:00:00.000Z')).toMatchObject({ isOverdue: true, status: 'overdue', isDisputed: true });
    expect(on('2025-12-01T00:00:00.000Z')?.due).toEqual({
      state: 'resolved',
      deadline: '2025-11-30T23:59:59.999Z',
      basis: 'end_of_date_utc',
    });
  });

  it("counts 'within 30 days' from when the log received the agreed minutes", () => {
    const channel = buildUsChannel();
    const view = commitmentState(channel.entries, channel.adults.entryHash, new Date('2025-11-23T09:00:00.001Z'));
    expect(channel.minutesV2.receivedAt).toBe('2025-10-24T09:00:00.000Z');
    expect(view?.due).toEqual({ state: 'resolved', deadline: '2025-11-23T09:00:00.000Z', basis: 'received_at' });
    expect(view).toMatchObject({ isOverdue: true, status: 'overdue', fulfilled: 1, total: 3 });
  });

  it("shows Russia's counter-claim beside the commitment it disputes", () => {
    const channel = buildUsChannel();
    const view = commitmentState(channel.entries, channel.eight.entryHash, new Date('2025-11-25T00:00:00.000Z'));
    expect(view?.disputes).toEqual([
      {
        entryHash: channel.commitmentCounterClaim?.entryHash,
        party: PARTIES.RU.id,
        counterClaim: 'Seven of the eight children are accounted for.',
      },
    ]);
    expect(view?.stances.get(PARTIES.UA.id)?.stance).toBe('accepted');
  });

  it('is proposed until both bound parties other than its author accept, and ignores what a party may not say', () => {
    const channel = buildUsChannel();
    const anna = promise(channel, { scope: { kind: 'cases', caseIds: [channel.caseIds[7] ?? ''] } });
    const status = () => commitmentState(channel.entries, anna.entryHash, new Date('2025-11-02T00:00:00.000Z'));
    update(channel, anna, PEOPLE.ruEnvoy, 'accepted');
    expect(status()?.status).toBe('proposed');
    const misplaced = update(channel, anna, PEOPLE.uaEnvoy, 'in_progress');
    update(channel, anna, PEOPLE.uaEnvoy, 'accepted');
    expect(status()?.status).toBe('accepted');
    expect(status()?.ignoredUpdates).toEqual([
      { entryHash: misplaced.entryHash, reason: 'in_progress by a party that may not take it' },
    ]);
    update(channel, anna, PEOPLE.ruEnvoy, 'in_progress');
    expect(status()?.status).toBe('in_progress');
  });

  it('is fulfilled, and never overdue, once every case in scope is acknowledged', () => {
    const channel = buildUsChannel();
    const olena = promise(channel);
    expect(commitmentState(channel.entries, olena.entryHash, new Date('2026-01-01T00:00:00.000Z'))).toMatchObject({
      status: 'fulfilled',
      isOverdue: false,
      fulfilled: 1,
      total: 1,
    });
  });

  it('is withdrawn by the obligor, not by the obligee, and a withdrawn commitment is not overdue', () => {
    const channel = buildUsChannel();
    const ivan = promise(channel, { scope: { kind: 'cases', caseIds: [channel.caseIds[6] ?? ''] } });
    const later = new Date('2026-01-01T00:00:00.000Z');
    update(channel, ivan, PEOPLE.uaEnvoy, 'withdrawn');
    expect(commitmentState(channel.entries, ivan.entryHash, later)?.status).toBe('overdue');
    update(channel, ivan, PEOPLE.ruEnvoy, 'withdrawn');
    expect(commitmentState(channel.entries, ivan.entryHash, later)).toMatchObject({
      status: 'withdrawn',
      isOverdue: false,
    });
  });

  it('keeps a retracted commitment visible as withdrawn', () => {
    const channel = buildUsChannel();
    const ivan = promise(channel, { scope: { kind: 'cases', caseIds: [channel.caseIds[6] ?? ''] } });
    const retraction = channel.log.append({
      stream: channel.thread,
      kind: 'thread',
      author: PEOPLE.usEnvoy,
      at: at('11-03'),
      refs: [ivan],
      content: { type: 'retraction', reason: 'Drafting error.' },
    });
    expect(commitmentState(channel.entries, ivan.entryHash, new Date('2025-11-04T00:00:00.000Z'))).toMatchObject({
      status: 'withdrawn',
      retractedBy: retraction.entryHash,
    });
  });

  it('has no deadline, and so is never overdue, when the event it counts from is not among the entries', () => {
    const channel = buildUsChannel();
    const missing = sampleBytes('an entry this reader never saw', 32);
    const ivan = promise(channel, {
      scope: { kind: 'cases', caseIds: [channel.caseIds[6] ?? ''] },
      due: { kind: 'within_days', days: 1, of: missing },
    });
    expect(commitmentState(channel.entries, ivan.entryHash, new Date('2030-01-01T00:00:00.000Z'))).toMatchObject({
      due: { state: 'unresolved', missingEntry: missing },
      isOverdue: false,
    });
  });

  it('answers nothing for an entry that is not a readable commitment', () => {
    const channel = buildUsChannel();
    const sealed = channel.log.append({
      stream: channel.thread,
      kind: 'thread',
      author: PEOPLE.usEnvoy,
      at: at('11-05'),
      type: 'commitment',
    });
    const now = new Date('2025-11-06T00:00:00.000Z');
    expect(commitmentState(channel.entries, sealed.entryHash, now)).toBeUndefined();
    expect(commitmentState(channel.entries, channel.letter.entryHash, now)).toBeUndefined();
  });
});
