import { describe, expect, it } from 'vitest';
import type { EntryHeader } from '../schemas/entry';
import { applyLegacyMembership } from './legacy-membership';
import { applyMembership, NO_MEMBERSHIP, type StreamMembership } from './stream-membership';

const A = 'aaaaaaaa-0000-4000-8000-000000000000';
const B = 'bbbbbbbb-0000-4000-8000-000000000000';
const C = 'cccccccc-0000-4000-8000-000000000000';

/** The fields the fold reads; the rest of a header does not matter to it. */
const header = (seq: number, party: string, type: EntryHeader['type'], meta: EntryHeader['meta'] = {}) =>
  ({ seq, type, author: { party }, meta, refs: [] }) as unknown as EntryHeader;

const opened = (): StreamMembership => {
  const step = applyLegacyMembership(NO_MEMBERSHIP, header(1, A, 'thread_open', { members: [A, B] }), 'h1');
  if (!step.ok) {
    throw new Error(step.reason);
  }
  return step.state;
};
const membersAfter = (step: ReturnType<typeof applyLegacyMembership>) =>
  step.ok ? [...step.state.members].sort() : step.reason;

describe('membership below the legacy boundary', () => {
  it('applies a change by one member party at once, as the server did before consent', () => {
    const added = applyLegacyMembership(opened(), header(2, B, 'membership', { add: [C], remove: [A] }), 'h2');
    expect(membersAfter(added)).toEqual([B, C]);
    expect(added).toMatchObject({
      changes: [
        { party: C, change: 'add' },
        { party: A, change: 'remove' },
      ],
    });
    // The same entry above the boundary only proposes.
    expect(membersAfter(applyMembership(opened(), header(2, B, 'membership', { add: [C] }), 'h2'))).toEqual([A, B]);
  });

  it('still refuses an entry by a party that is not a member, and a consent, which did not exist yet', () => {
    expect(membersAfter(applyLegacyMembership(opened(), header(2, C, 'membership', { add: [C] }), 'h2'))).toMatch(
      /not a member of this stream at seq 2/,
    );
    expect(membersAfter(applyLegacyMembership(opened(), header(2, C, 'letter'), 'h2'))).toMatch(/not a member/);
    expect(membersAfter(applyLegacyMembership(opened(), header(2, A, 'membership_consent'), 'h2'))).toMatch(
      /cannot sit below the legacy boundary/,
    );
  });
});
