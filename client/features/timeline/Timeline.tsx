import { type ReactNode, useEffect, useState } from 'react';
import type { EntryView } from '../../entries/entry-view';
import { useT } from '../../i18n/useT';
import { EntryCard } from './EntryCard';
import { firstShown, TIMELINE_WINDOW } from './timeline-window';

type TimelineEntry = EntryView & { readonly streamLabel?: string };

/**
 * A stream's entries in chain order, or the entries of other streams that link a case. A long
 * timeline shows its latest entries and a button for the earlier ones: rendering a thousand cards
 * at once held a reopened case for seconds. Everything is shown for printing, and from an entry a
 * link points to (`#entry-…`).
 */
export const Timeline = ({
  entries,
  labels,
  testId = 'timeline',
  extra,
}: {
  entries: readonly TimelineEntry[];
  labels?: boolean;
  testId?: string;
  /** What a card shows below its content (receipts, countersignatures, commitment state, disputes). */
  extra?: (entry: EntryView) => ReactNode;
}) => {
  const { t } = useT('timeline');
  const [shown, setShown] = useState(TIMELINE_WINDOW);
  const [target, setTarget] = useState(() => location.hash);
  useEffect(() => {
    const showAll = () => setShown(Number.POSITIVE_INFINITY);
    const follow = () => setTarget(location.hash);
    addEventListener('beforeprint', showAll);
    addEventListener('hashchange', follow);
    return () => {
      removeEventListener('beforeprint', showAll);
      removeEventListener('hashchange', follow);
    };
  }, []);
  if (entries.length === 0) {
    return <p className="hint">{t('nothingYet')}</p>;
  }
  const first = firstShown(entries, shown, target);
  return (
    <>
      {first > 0 ? (
        <button type="button" data-testid={`${testId}-earlier`} onClick={() => setShown(Number.POSITIVE_INFINITY)}>
          {t('showEarlier', { count: first })}
        </button>
      ) : null}
      <ol className="timeline" data-testid={testId}>
        {entries.slice(first).map((entry) => (
          <EntryCard
            key={entry.entryHash}
            entry={entry}
            {...(labels && entry.streamLabel !== undefined ? { streamLabel: entry.streamLabel } : {})}
          >
            {extra?.(entry)}
          </EntryCard>
        ))}
      </ol>
    </>
  );
};
