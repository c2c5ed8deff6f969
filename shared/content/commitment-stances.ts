/**
 * What the parties have said about a commitment since it was logged: `commitment_update`s and
 * `dispute`s answering it (`refs[0]`), in log order, each checked against who may say what.
 */
import { type CommitmentContent, type CommitmentStance, scopeCaseIds } from './commitment-content';
import type { DecryptedEntry } from './decrypted-entry';
import { answersOf, type EntryIndex, retractionOf } from './entry-corrections';

/** A party's latest stance. */
export type PartyStance = {
  readonly stance: CommitmentStance;
  readonly entryHash: string;
  readonly receivedAt: string;
};

/** The obligee's word that children came back under the commitment. */
export type ReturnConfirmation = {
  readonly entryHash: string;
  readonly count: number;
  readonly caseIds: readonly string[];
  readonly person: string;
  readonly receivedAt: string;
};

/** The answers to one commitment, sorted out. */
export type CommitmentStances = {
  readonly stances: ReadonlyMap<string, PartyStance>;
  /** Parties that have accepted (or, as obligor, started work). */
  readonly accepted: ReadonlySet<string>;
  readonly isWithdrawn: boolean;
  readonly supersededBy?: string;
  /** Fulfilment claims by the obligor or intermediary, for cases in scope. */
  readonly claims: readonly DecryptedEntry[];
  /** Returns the receiving party confirmed on the commitment itself, in log order. */
  readonly confirmations: readonly ReturnConfirmation[];
  readonly disputes: readonly { readonly entryHash: string; readonly party: string; readonly counterClaim?: string }[];
  /** Updates that do not count, and why. */
  readonly ignoredUpdates: readonly { readonly entryHash: string; readonly reason: string }[];
};

// Acceptance by the parties bound; progress and withdrawal by the obligor (or the author,
// withdrawing its own record); disputes by anyone.
const mayTake = (stance: CommitmentStance, party: string, author: string, c: CommitmentContent): boolean => {
  const bound = [c.obligor, c.obligee, ...(c.intermediary ? [c.intermediary] : [])];
  switch (stance) {
    case 'accepted':
      return bound.includes(party);
    case 'in_progress':
      return party === c.obligor;
    case 'withdrawn':
      return party === c.obligor || party === author;
    case 'superseded':
      return bound.includes(party) || party === author;
    case 'disputed':
      return true;
  }
};

/** Sorts out the answers in force to the commitment `entry` whose content is `commitment`. */
export const commitmentStances = (
  entry: DecryptedEntry,
  commitment: CommitmentContent,
  index: EntryIndex,
): CommitmentStances => {
  const stances = new Map<string, PartyStance>();
  const accepted = new Set<string>();
  const claims: DecryptedEntry[] = [];
  const confirmations: ReturnConfirmation[] = [];
  const disputes: { entryHash: string; party: string; counterClaim?: string }[] = [];
  const ignoredUpdates: { entryHash: string; reason: string }[] = [];
  let isWithdrawn = false;
  let supersededBy: string | undefined;
  const answers = [...answersOf(entry, index, 'commitment_update'), ...answersOf(entry, index, 'dispute')]
    .filter((answer) => answer.header.stream === entry.header.stream && !retractionOf(answer, index))
    .sort((a, b) => a.leafIndex - b.leafIndex);
  for (const answer of answers) {
    const { party } = answer.header.author;
    const { entryHash, receivedAt, content } = answer;
    if (answer.header.type === 'dispute') {
      stances.set(party, { stance: 'disputed', entryHash, receivedAt });
      const counterClaim = content?.type === 'dispute' ? content.counterClaim : undefined;
      disputes.push({ entryHash, party, ...(counterClaim === undefined ? {} : { counterClaim }) });
      continue;
    }
    if (content?.type !== 'commitment_update') {
      ignoredUpdates.push({ entryHash, reason: 'unreadable' });
      continue;
    }
    if (content.fulfilment) {
      const isClaimant = party === commitment.obligor || party === commitment.intermediary;
      if (isClaimant && scopeCaseIds(commitment.scope).includes(content.fulfilment.caseId)) {
        claims.push(answer);
      } else {
        ignoredUpdates.push({
          entryHash,
          reason: isClaimant ? 'case not in scope' : 'fulfilment claimed by a non-obligor',
        });
      }
    }
    if (content.returnConfirmed) {
      const { count, caseIds = [] } = content.returnConfirmed;
      const outOfScope =
        commitment.scope.kind !== 'count' && caseIds.some((id) => !scopeCaseIds(commitment.scope).includes(id));
      if (party !== commitment.obligee) {
        ignoredUpdates.push({ entryHash, reason: 'return confirmed by a party other than the receiving one' });
      } else if (commitment.scope.kind !== 'count' && caseIds.length === 0) {
        ignoredUpdates.push({ entryHash, reason: 'return confirmed without naming the cases in scope' });
      } else if (outOfScope) {
        ignoredUpdates.push({ entryHash, reason: 'case not in scope' });
      } else {
        confirmations.push({ entryHash, count, caseIds, person: answer.header.author.person, receivedAt });
      }
    }
    if (content.status === undefined) {
      continue;
    }
    if (!mayTake(content.status, party, entry.header.author.party, commitment)) {
      ignoredUpdates.push({ entryHash, reason: `${content.status} by a party that may not take it` });
      continue;
    }
    stances.set(party, { stance: content.status, entryHash, receivedAt });
    if (content.status === 'accepted' || content.status === 'in_progress') {
      accepted.add(party);
    }
    isWithdrawn ||= content.status === 'withdrawn';
    if (content.status === 'superseded') {
      supersededBy ??= content.supersededBy ?? entryHash;
    }
  }
  const base = { stances, accepted, isWithdrawn, claims, confirmations, disputes, ignoredUpdates };
  return supersededBy === undefined ? base : { ...base, supersededBy };
};
