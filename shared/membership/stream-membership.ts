/**
 * Who takes part in a stream, by consent of the parties concerned (docs/PROTOCOL.md §4.9). One
 * pure fold over a stream's signed headers, applied identically by the server before it stores
 * an entry, by every client reading a stream and by the offline verifier:
 *
 * - the opening entry names the member parties (`meta.members`);
 * - a `membership` entry by a member party proposes adding and removing parties, with that party's
 *   consent; it takes effect once every current member party has consented (`membership_consent`
 *   entries whose `refs[0]` is the proposal's hash), at the entry that completes the consents;
 * - a party leaves on its own: a `membership` entry that only removes its author's party takes
 *   effect at once. No party can be removed, and none added, without every member's consent;
 * - every entry after the opening one is written by a member party.
 */
import type { EntryHeader } from '../schemas/entry';

/** A proposed change awaiting consent. */
export type MembershipProposal = {
  /** Entry hash of the `membership` entry that proposes it. */
  readonly hash: string;
  readonly seq: number;
  /** The party that proposed it. */
  readonly proposer: string;
  readonly add: readonly string[];
  readonly remove: readonly string[];
  /** The parties that consented so far, the proposer's included. */
  readonly consents: ReadonlySet<string>;
};

/** A change that took effect at an entry. */
export type MembershipChange = { readonly party: string; readonly change: 'add' | 'remove' };

/** The membership of a stream after some prefix of its entries. */
export type StreamMembership = {
  readonly members: ReadonlySet<string>;
  readonly pending: readonly MembershipProposal[];
};

/** Before the opening entry. */
export const NO_MEMBERSHIP: StreamMembership = { members: new Set(), pending: [] };

export type MembershipStep =
  | { readonly ok: true; readonly state: StreamMembership; readonly changes: readonly MembershipChange[] }
  | { readonly ok: false; readonly reason: string };

const refuse = (reason: string): MembershipStep => ({ ok: false, reason });

/** Why a proposal's lists break the rules before any consent, or null. */
const proposalProblem = (members: ReadonlySet<string>, add: readonly string[], remove: readonly string[]) => {
  if (add.length + remove.length === 0) {
    return 'a membership change adds or removes at least one party';
  }
  if (new Set(add).size !== add.length || new Set(remove).size !== remove.length) {
    return 'a membership change lists each party once';
  }
  const both = add.find((party) => remove.includes(party));
  if (both !== undefined) {
    return `a membership change cannot both add and remove party ${both}`;
  }
  const already = add.find((party) => members.has(party));
  if (already !== undefined) {
    return `party ${already} is already a member`;
  }
  const absent = remove.find((party) => !members.has(party));
  return absent === undefined ? null : `party ${absent} is not a member`;
};

/** Applies every proposal all current members have consented to, until none is left to apply. */
const settle = (members: Set<string>, pending: MembershipProposal[]): MembershipChange[] => {
  const changes: MembershipChange[] = [];
  for (let index = 0; index < pending.length; ) {
    const proposal = pending[index] as MembershipProposal;
    const isObsolete =
      proposal.add.every((party) => members.has(party)) && proposal.remove.every((party) => !members.has(party));
    const isAgreed = [...members].every((party) => proposal.consents.has(party));
    if (!isObsolete && !isAgreed) {
      index += 1;
      continue;
    }
    pending.splice(index, 1);
    if (isObsolete) {
      continue;
    }
    for (const party of proposal.add.filter((candidate) => !members.has(candidate))) {
      members.add(party);
      changes.push({ party, change: 'add' });
    }
    for (const party of proposal.remove.filter((candidate) => members.has(candidate))) {
      members.delete(party);
      changes.push({ party, change: 'remove' });
    }
    index = 0; // the members changed: every other proposal is judged again
  }
  return changes;
};

const applyProposal = (state: StreamMembership, header: EntryHeader, hash: string): MembershipStep => {
  const party = header.author.party;
  const add = header.meta.add ?? [];
  const remove = header.meta.remove ?? [];
  const problem = proposalProblem(state.members, add, remove);
  if (problem) {
    return refuse(problem);
  }
  const members = new Set(state.members);
  if (add.length === 0 && remove.length === 1 && remove[0] === party) {
    members.delete(party);
    const pending = [...state.pending];
    const changes: MembershipChange[] = [{ party, change: 'remove' }, ...settle(members, pending)];
    return { ok: true, state: { members, pending }, changes };
  }
  const proposal = { hash, seq: header.seq, proposer: party, add, remove, consents: new Set([party]) };
  const pending = [...state.pending, proposal];
  const changes = settle(members, pending);
  return { ok: true, state: { members, pending }, changes };
};

const applyConsent = (state: StreamMembership, header: EntryHeader): MembershipStep => {
  const target = header.refs[0];
  const index = state.pending.findIndex((proposal) => proposal.hash === target);
  const proposal = state.pending[index];
  if (!proposal) {
    return refuse(`no membership change ${target ?? '(none)'} awaits consent in this stream`);
  }
  if (proposal.consents.has(header.author.party)) {
    return refuse(`party ${header.author.party} has already consented to this change`);
  }
  const pending = [...state.pending];
  pending[index] = { ...proposal, consents: new Set([...proposal.consents, header.author.party]) };
  const members = new Set(state.members);
  const changes = settle(members, pending);
  return { ok: true, state: { members, pending }, changes };
};

/**
 * The membership after `header` (whose entry hash is `hash`), given the membership before it; or
 * why the entry breaks the rules. The header's own schema and position are checked elsewhere.
 */
export const applyMembership = (state: StreamMembership, header: EntryHeader, hash: string): MembershipStep => {
  if (header.seq === 1) {
    const members = new Set(header.meta.members ?? []);
    return {
      ok: true,
      state: { members, pending: [] },
      changes: [...members].map((party) => ({ party, change: 'add' })),
    };
  }
  if (!state.members.has(header.author.party)) {
    return refuse(`party ${header.author.party} is not a member of this stream at seq ${header.seq}`);
  }
  switch (header.type) {
    case 'membership':
      return applyProposal(state, header, hash);
    case 'membership_consent':
      return applyConsent(state, header);
    default:
      return { ok: true, state, changes: [] };
  }
};
