import type { SignedEntry } from '../../../shared/schemas/entry';
import type { Caller } from '../../auth/caller';
import { ProblemError } from '../../problems';

/**
 * The `entry-author` scope: an entry is appended only by the person it names as author, for the
 * party they belong to. Stream membership is checked under the stream's lock when appending.
 */
export const assertAuthor = (caller: Caller, body: unknown): void => {
  // The router has already parsed the body with the route's SignedEntry schema.
  const entry = body as SignedEntry;
  if (entry.header.author.person !== caller.personId || entry.header.author.party !== caller.partyId) {
    throw new ProblemError('forbidden', 'An entry is appended by its own author, for their own party');
  }
};
