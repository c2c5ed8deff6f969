/**
 * Which stances a party can usefully post on a commitment: acceptance by a bound party, progress
 * and withdrawal by the obligor (withdrawal also by the author's party). Others would be ignored
 * by every reader (commitment-stances.ts), so they are not offered. Disputes are `dispute` entries.
 */
import type { CommitmentContent, CommitmentStance } from '../../../shared/content/commitment-content';

/** The stances `party` may take on `commitment`, written by `authorParty`. */
export const stanceOptions = (
  commitment: Pick<CommitmentContent, 'obligor' | 'obligee' | 'intermediary'>,
  authorParty: string,
  party: string,
): CommitmentStance[] => {
  const bound = [commitment.obligor, commitment.obligee, commitment.intermediary].includes(party);
  return [
    ...(bound ? (['accepted'] as const) : []),
    ...(party === commitment.obligor ? (['in_progress'] as const) : []),
    ...(party === commitment.obligor || party === authorParty ? (['withdrawn'] as const) : []),
  ];
};
