/**
 * A stream's membership as its screens show it (docs/PROTOCOL.md §4.9): the member parties its
 * signed entries add up to, and each proposed change awaiting consent, with who consented, who is
 * still awaited and whether the reader's party may consent now.
 */
import { type Names, partyName } from './entry-view';
import type { VerifiedStream } from './read-stream';

/** A party, by id and (the server's label) name. */
export type NamedParty = { readonly id: string; readonly name: string };

/** A proposed change awaiting consent. */
export type ProposalView = {
  readonly hash: string;
  readonly seq: number;
  readonly proposer: NamedParty;
  readonly add: readonly NamedParty[];
  readonly remove: readonly NamedParty[];
  readonly consented: readonly NamedParty[];
  /** Member parties whose consent is still needed. */
  readonly awaiting: readonly NamedParty[];
  /** The reader's party is a member that has not consented yet. */
  readonly canConsent: boolean;
};

export type MembershipView = {
  readonly members: readonly NamedParty[];
  readonly pending: readonly ProposalView[];
  /** The reader's party (from the log) is a member of the stream. */
  readonly isMember: boolean;
};

/** The membership of a verified stream, for a reader of party `ownParty` (undefined without a key). */
export const membershipView = (
  verified: VerifiedStream,
  names: Names,
  ownParty: string | undefined,
): MembershipView => {
  const named = (id: string): NamedParty => ({ id, name: partyName(names, id) });
  const isMember = ownParty !== undefined && verified.members.includes(ownParty);
  return {
    members: verified.members.map(named),
    isMember,
    pending: verified.pending.map((proposal) => ({
      hash: proposal.hash,
      seq: proposal.seq,
      proposer: named(proposal.proposer),
      add: proposal.add.map(named),
      remove: proposal.remove.map(named),
      consented: [...proposal.consents].map(named),
      awaiting: verified.members.filter((party) => !proposal.consents.has(party)).map(named),
      canConsent: isMember && ownParty !== undefined && !proposal.consents.has(ownParty),
    })),
  };
};
