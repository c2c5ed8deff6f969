import { describe, expect, it } from 'vitest';
import { applyMembership, type StreamMembership } from '../../../shared/membership/stream-membership';
import type { EntryHeader } from '../../../shared/schemas/entry';
import { ENTRY_RULES, type EntryType } from '../../../shared/schemas/entry-type';
import { mayChangeMembers } from './membership-state';

const A = 'aaaaaaaa-0000-4000-8000-000000000000';
const B = 'bbbbbbbb-0000-4000-8000-000000000000';
const C = 'cccccccc-0000-4000-8000-000000000000';

/** Members A and B; B proposed adding C (entry `h2`) and only A's consent is missing. */
const awaitingA: StreamMembership = {
  members: new Set([A, B]),
  pending: [{ hash: 'h2', seq: 2, proposer: B, add: [C], remove: [], consents: new Set([B]) }],
};

/** An entry of `type` by A at seq 3 that changes members if its type can: it consents to `h2`, or A leaves. */
const byA = (type: EntryType) =>
  ({
    seq: ENTRY_RULES[type].opens ? 1 : 3,
    type,
    author: { party: A },
    meta: type === 'membership' ? { remove: [A] } : { members: [A, B] },
    refs: ['h2'],
  }) as unknown as EntryHeader;

describe('mayChangeMembers', () => {
  it('is true for every entry type whose entry can change the members, the completing consent included', () => {
    const changing = (Object.keys(ENTRY_RULES) as EntryType[]).filter((type) => {
      const step = applyMembership(awaitingA, byA(type), 'h3');
      return step.ok && step.changes.length > 0;
    });
    expect(changing.sort()).toEqual(['case_open', 'membership', 'membership_consent', 'thread_open']);
    for (const type of changing) {
      expect(mayChangeMembers(byA(type)), type).toBe(true);
    }
  });

  it('is false for content, so that live notices keep their remembered members', () => {
    expect(mayChangeMembers({ type: 'letter', seq: 3 })).toBe(false);
    expect(mayChangeMembers({ type: 'minutes', seq: 9 })).toBe(false);
  });
});
