import type { ReactNode } from 'react';
import type { EntryView } from '../../entries/entry-view';
import { EntryCard } from './EntryCard';

/** A stream's entries in chain order, or the entries of other streams that link a case. */
export const Timeline = ({
  entries,
  labels,
  testId = 'timeline',
  extra,
}: {
  entries: readonly (EntryView & { readonly streamLabel?: string })[];
  labels?: boolean;
  testId?: string;
  /** What a card shows below its content (receipts, countersignatures, commitment state, disputes). */
  extra?: (entry: EntryView) => ReactNode;
}) =>
  entries.length === 0 ? (
    <p className="hint">Nothing yet.</p>
  ) : (
    <ol className="timeline" data-testid={testId}>
      {entries.map((entry) => (
        <EntryCard
          key={entry.entryHash}
          entry={entry}
          {...(labels && entry.streamLabel !== undefined ? { streamLabel: entry.streamLabel } : {})}
        >
          {extra?.(entry)}
        </EntryCard>
      ))}
    </ol>
  );
