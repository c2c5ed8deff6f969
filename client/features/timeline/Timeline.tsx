import type { EntryView } from '../../entries/entry-view';
import { EntryCard } from './EntryCard';

/** A stream's entries in chain order, or the entries of other streams that link a case. */
export const Timeline = ({
  entries,
  labels,
  testId = 'timeline',
}: {
  entries: readonly (EntryView & { readonly streamLabel?: string })[];
  labels?: boolean;
  testId?: string;
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
        />
      ))}
    </ol>
  );
