import { describe, expect, it } from 'vitest';
import type { EntryHeader } from '../schemas/entry';
import { applyMembership, type MembershipStep, NO_MEMBERSHIP, type StreamMembership } from './stream-membership';

const A = 'aaaaaaaa-0000-4000-8000-000000000000';
const B = 'bbbbbbbb-0000-4000-8000-000000000000';
const C = 'cccccccc-0000-4000-8000-000000000000';

/** The fields the fold reads; the rest of a header does not matter to it. */
const header = (
  seq: number,
  party: string,
  type: EntryHeader['type'],
  meta: EntryHeader['meta'] = {},
  refs: string[] = [],
) => ({ seq, type, author: { party }, meta, refs }) as unknown as EntryHeader;

/** Folds entries (each with a made-up hash `h<seq>`), failing on the first refusal. */
const fold = (...headers: EntryHeader[]) => {
  let state: StreamMembership = NO_MEMBERSHIP;
  const steps: MembershipStep[] = [];
  for (const entry of headers) {
    const step = applyMembership(state, entry, `h${entry.seq}`);
    steps.push(step);
    if (!step.ok) {
      throw new Error(`seq ${entry.seq}: ${step.reason}`);
    }
    state = step.state;
  }
  return { state, steps };
};

const members = (state: StreamMembership) => [...state.members].sort();
const reasonOf = (step: MembershipStep) => (step.ok ? 'accepted' : step.reason);

const opened = () => header(1, A, 'thread_open', { members: [A, B] });

describe('stream membership by consent', () => {
  it('starts with the opening entry’s members', () => {
    expect(members(fold(opened()).state)).toEqual([A, B]);
  });

  it('keeps a third party out until every member consents, then lets it in at the completing consent', () => {
    const { state, steps } = fold(opened(), header(2, B, 'membership', { add: [C] }), header(3, B, 'letter'));
    expect(members(state)).toEqual([A, B]);
    expect(state.pending).toMatchObject([{ hash: 'h2', proposer: B, add: [C] }]);
    expect(steps[1]).toMatchObject({ ok: true, changes: [] });
    const consent = applyMembership(state, header(4, A, 'membership_consent', {}, ['h2']), 'h4');
    expect(consent).toMatchObject({ ok: true, changes: [{ party: C, change: 'add' }] });
    expect(consent.ok && members(consent.state)).toEqual([A, B, C]);
    expect(consent.ok && consent.state.pending).toEqual([]);
  });

  it('lets a party leave on its own, at once', () => {
    const { state, steps } = fold(opened(), header(2, B, 'membership', { remove: [B] }));
    expect(members(state)).toEqual([A]);
    expect(steps[1]).toMatchObject({ changes: [{ party: B, change: 'remove' }] });
  });

  it('does not let one party remove another without that party’s consent, the opener included', () => {
    const { state } = fold(opened(), header(2, B, 'membership', { remove: [A] }));
    expect(members(state)).toEqual([A, B]);
    expect(state.pending).toHaveLength(1);
  });

  it('refuses entries by a party that is not a member, and consents to nothing pending', () => {
    const { state } = fold(opened());
    expect(reasonOf(applyMembership(state, header(2, C, 'letter'), 'h2'))).toMatch(/not a member of this stream/);
    expect(reasonOf(applyMembership(state, header(2, C, 'membership', { add: [C] }), 'h2'))).toMatch(/not a member/);
    expect(reasonOf(applyMembership(state, header(2, A, 'membership_consent', {}, ['nope']), 'h2'))).toMatch(
      /no membership change nope awaits consent/,
    );
  });

  it('refuses a change that adds and removes the same party, repeats one, or changes nothing', () => {
    const { state } = fold(opened());
    const cases: [EntryHeader['meta'], RegExp][] = [
      [{ add: [C], remove: [C] }, /both add and remove/],
      [{ add: [C, C] }, /each party once/],
      [{ add: [A] }, /already a member/],
      [{ remove: [C] }, /is not a member/],
      [{}, /at least one party/],
    ];
    for (const [meta, reason] of cases) {
      expect(reasonOf(applyMembership(state, header(2, A, 'membership', meta), 'h2'))).toMatch(reason);
    }
  });

  it('refuses a second consent by the same party, and the proposer consenting to its own change', () => {
    const three = header(1, A, 'thread_open', { members: [A, B, C] });
    const { state } = fold(
      three,
      header(2, B, 'membership', { remove: [C] }),
      header(3, A, 'membership_consent', {}, ['h2']),
    );
    expect(reasonOf(applyMembership(state, header(4, A, 'membership_consent', {}, ['h2']), 'h4'))).toMatch(
      /already consented/,
    );
    expect(reasonOf(applyMembership(state, header(4, B, 'membership_consent', {}, ['h2']), 'h4'))).toMatch(
      /already consented/,
    );
    const agreed = applyMembership(state, header(4, C, 'membership_consent', {}, ['h2']), 'h4');
    expect(agreed.ok && members(agreed.state)).toEqual([A, B]);
  });

  it('settles a pending change once the last member that had not consented leaves', () => {
    const three = header(1, A, 'thread_open', { members: [A, B, C] });
    const { state, steps } = fold(
      three,
      header(2, B, 'membership', { add: ['dddddddd-0000-4000-8000-000000000000'] }),
      header(3, C, 'membership_consent', {}, ['h2']),
      header(4, A, 'membership', { remove: [A] }),
    );
    expect(members(state)).toEqual([B, C, 'dddddddd-0000-4000-8000-000000000000'].sort());
    expect(steps[3]).toMatchObject({ changes: [{ party: A, change: 'remove' }, { change: 'add' }] });
  });
});
