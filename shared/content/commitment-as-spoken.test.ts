import { describe, expect, it } from 'vitest';
import type { CommitmentContent, CommitmentUpdateContent } from './commitment-content';
import { CommitmentContent as CommitmentSchema, CommitmentUpdateContent as UpdateSchema } from './commitment-content';
import { commitmentState } from './commitment-state';
import type { DecryptedEntry } from './decrypted-entry';
import { instantOf } from './local-time';
import { buildUsChannel } from './sample-channel';
import { sampleUuid } from './sample-log';
import { at, PARTIES, PEOPLE } from './sample-people';

type Channel = ReturnType<typeof buildUsChannel>;
type Person = typeof PEOPLE.ruEnvoy;

/** "Russia returns 8 children to Ukraine within 24 hours of the agreed minutes." */
const eightIn24Hours = (channel: Channel, changes: Partial<CommitmentContent> = {}) =>
  channel.log.append({
    stream: channel.thread,
    kind: 'thread',
    author: PEOPLE.usEnvoy,
    at: at('11-01'),
    content: {
      type: 'commitment',
      commitmentId: sampleUuid('commitment/eight-in-24h'),
      source: { kind: 'agreed_minutes', entry: channel.minutesV2.entryHash, clause: 1 },
      obligor: PARTIES.RU.id,
      obligee: PARTIES.UA.id,
      text: 'Return 8 children within 24 hours.',
      scope: { kind: 'count', count: 8 },
      madeAt: '2025-11-01',
      due: { kind: 'within_hours', hours: 24, of: channel.minutesV2.entryHash },
      ...changes,
    },
  });

const confirm = (
  channel: Channel,
  of: DecryptedEntry,
  by: Person,
  returned: CommitmentUpdateContent['returnConfirmed'],
) =>
  channel.log.append({
    stream: channel.thread,
    kind: 'thread',
    author: by,
    at: at('11-02'),
    refs: [of],
    content: { type: 'commitment_update', returnConfirmed: returned, note: 'Received at the crossing.' },
  });

describe('commitments as spoken (issue 16)', () => {
  it('reads a time of day in its zone, across a clock change', () => {
    expect(instantOf('2026-12-06T18:00', 'Europe/Kyiv')).toBe('2026-12-06T16:00:00.000Z');
    expect(instantOf('2026-07-06T18:00', 'Europe/Kyiv')).toBe('2026-07-06T15:00:00.000Z');
    expect(instantOf('2026-12-06T18:00', 'UTC')).toBe('2026-12-06T18:00:00.000Z');
  });

  it('refuses half days, unknown zones and impossible times', () => {
    const base = { type: 'commitment_update', note: '' } as const;
    expect(UpdateSchema.safeParse({ ...base, returnConfirmed: { count: 0.5 } }).success).toBe(false);
    expect(UpdateSchema.safeParse({ ...base, returnConfirmed: { count: 3 } }).success).toBe(true);
    const channel = buildUsChannel();
    const commitment = (due: unknown) =>
      CommitmentSchema.safeParse({
        type: 'commitment',
        commitmentId: sampleUuid('c'),
        source: { kind: 'agreed_minutes', entry: channel.minutesV2.entryHash, clause: 1 },
        obligor: PARTIES.RU.id,
        obligee: PARTIES.UA.id,
        text: 'x',
        scope: { kind: 'count', count: 8 },
        madeAt: '2025-11-01',
        due,
      }).success;
    expect(commitment({ kind: 'at', at: '2026-12-06T18:00', zone: 'Europe/Kyiv' })).toBe(true);
    expect(commitment({ kind: 'at', at: '2026-12-06T18:00', zone: 'Mars/Olympus' })).toBe(false);
    expect(commitment({ kind: 'at', at: '2026-02-30T18:00', zone: 'Europe/Kyiv' })).toBe(false);
    expect(commitment({ kind: 'at', at: '2026-12-06T24:00', zone: 'Europe/Kyiv' })).toBe(false);
    expect(commitment({ kind: 'within_days', days: 0.5, of: channel.minutesV2.entryHash })).toBe(false);
    expect(commitment({ kind: 'within_hours', hours: 24, of: channel.minutesV2.entryHash })).toBe(true);
  });

  it('records 8 children within 24 hours and is fulfilled only by the receiving party’s confirmed returns', () => {
    const channel = buildUsChannel();
    const eight = eightIn24Hours(channel);
    const view = (instant: string) => commitmentState(channel.log.entries, eight.entryHash, new Date(instant));
    const deadline = new Date(Date.parse(channel.minutesV2.receivedAt) + 24 * 3_600_000).toISOString();
    expect(view(deadline)?.due).toEqual({ state: 'resolved', deadline, basis: 'received_at' });
    expect(view(deadline)).toMatchObject({ fulfilled: 0, total: 8, isOverdue: false });
    // The obligor's own word does not count, however many it claims.
    const claimed = confirm(channel, eight, PEOPLE.ruEnvoy, { count: 8 });
    expect(view(deadline)).toMatchObject({ fulfilled: 0, total: 8 });
    expect(view(deadline)?.ignoredUpdates).toContainEqual({
      entryHash: claimed.entryHash,
      reason: 'return confirmed by a party other than the receiving one',
    });
    confirm(channel, eight, PEOPLE.uaEnvoy, { count: 5 });
    expect(view(deadline)).toMatchObject({ fulfilled: 5, total: 8, status: 'partially_fulfilled' });
    confirm(channel, eight, PEOPLE.uaEnvoy, { count: 3 });
    expect(view(deadline)).toMatchObject({ fulfilled: 8, total: 8, status: 'fulfilled', isOverdue: false });
  });

  it('is overdue one millisecond after 24 hours without the returns', () => {
    const channel = buildUsChannel();
    const eight = eightIn24Hours(channel);
    const after = new Date(Date.parse(channel.minutesV2.receivedAt) + 24 * 3_600_000 + 1);
    expect(commitmentState(channel.log.entries, eight.entryHash, after)).toMatchObject({
      isOverdue: true,
      status: 'overdue',
    });
  });

  it('counts a listed case once the receiving party confirms its return on the commitment', () => {
    const channel = buildUsChannel();
    const caseId = channel.caseIds[0] ?? '';
    const one = eightIn24Hours(channel, { scope: { kind: 'cases', caseIds: [caseId] } });
    confirm(channel, one, PEOPLE.uaEnvoy, { count: 1, caseIds: [caseId] });
    const view = commitmentState(channel.log.entries, one.entryHash, new Date(channel.minutesV2.receivedAt));
    expect(view).toMatchObject({ fulfilled: 1, total: 1, status: 'fulfilled' });
    expect(view?.cases[0]?.state).toBe('acknowledged');
  });
});
