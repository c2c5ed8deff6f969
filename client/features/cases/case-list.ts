/**
 * The case list with what its filters need beyond each case: which cases an overdue commitment
 * still owes, derived in the browser from every verified stream read (a commitment lives in a
 * thread, its cases in their own streams). Streams that do not verify are left out of it.
 */
import { casesOwedByOverdueCommitments } from '../../../shared/content/overdue-cases';
import { type CaseSummary, caseSummary } from '../../entries/case-view';
import type { EntryContext } from '../../entries/entry-context';
import { loadStreams } from '../../entries/load-streams';

export type CaseList = {
  readonly cases: readonly CaseSummary[];
  /** Ids of the cases an overdue commitment still owes. */
  readonly owed: ReadonlySet<string>;
};

export const listCasesWithCommitments = async (context: EntryContext): Promise<CaseList> => {
  const { streams, names } = await loadStreams(context);
  const now = new Date();
  const entries = streams
    .filter((stream) => stream.isIntact)
    .flatMap((stream) => stream.entries.map(({ entry }) => entry));
  return {
    cases: streams.filter(({ stream }) => stream.kind === 'case').map((stream) => caseSummary(stream, names, now)),
    owed: casesOwedByOverdueCommitments(entries, now),
  };
};
