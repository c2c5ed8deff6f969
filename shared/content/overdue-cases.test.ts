import { describe, expect, it } from 'vitest';
import { casesOwedByOverdueCommitments } from './overdue-cases';
import { buildUsChannel } from './sample-channel';
import { at, PEOPLE } from './sample-people';

describe('cases owed by overdue commitments', () => {
  it('owes nothing before any deadline has passed', () => {
    const channel = buildUsChannel();
    expect(casesOwedByOverdueCommitments(channel.entries, new Date('2025-11-22T00:00:00Z')).size).toBe(0);
  });

  it('owes, once past the deadlines, every case whose return the receiving side has not acknowledged', () => {
    const channel = buildUsChannel();
    const owed = casesOwedByOverdueCommitments(channel.entries, new Date('2026-01-01T00:00:00Z'));
    // "Eight children by 30 November": Olena, Maksym, Daryna and Artem were acknowledged; Sofiia
    // (returned by one side's word only), Bohdan (disputed), Ivan and Anna are still owed.
    expect([...owed].map((id) => channel.caseIds.indexOf(id)).sort()).toEqual([4, 5, 6, 7]);
  });

  it('stops owing a case once the receiving side acknowledges its return', () => {
    const channel = buildUsChannel();
    channel.log.acknowledge(channel.sofiiaReturned, PEOPLE.uaStaff, at('11-26'));
    const owed = casesOwedByOverdueCommitments(channel.entries, new Date('2026-01-01T00:00:00Z'));
    expect(owed.has(channel.caseIds[4] ?? '')).toBe(false);
    expect(owed.has(channel.caseIds[6] ?? '')).toBe(true);
  });
});
