import { commitmentState } from './commitment-state';
import type { DecryptedEntry } from './decrypted-entry';
import { indexEntries } from './entry-corrections';

/**
 * The cases an overdue commitment still owes at `now`: for each commitment past its deadline and
 * not closed, the cases of its scope whose return the receiving party has not acknowledged. A
 * count ("8 children") names no case and marks none.
 */
export const casesOwedByOverdueCommitments = (entries: readonly DecryptedEntry[], now: Date): ReadonlySet<string> => {
  const index = indexEntries(entries);
  const owed = new Set<string>();
  for (const entry of entries) {
    if (entry.header.type !== 'commitment') {
      continue;
    }
    const view = commitmentState(entries, entry.entryHash, now, index);
    for (const item of view?.isOverdue ? view.cases : []) {
      if (item.state !== 'acknowledged') {
        owed.add(item.caseId);
      }
    }
  }
  return owed;
};
