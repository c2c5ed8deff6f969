import type { EntryView } from '../../entries/entry-view';
import { EntryPointerLink } from './EntryPointerLink';

/** What this entry answers, and what later entries said about it: shown beside it, never instead. */
export const EntryCorrections = ({ entry }: { entry: EntryView }) => {
  const { answers, amendedBy, retractedBy, disputedBy } = entry;
  if (!answers && amendedBy.length === 0 && !retractedBy && disputedBy.length === 0) {
    return null;
  }
  return (
    <ul className="corrections" data-testid="entry-corrections">
      {answers ? (
        <li>
          Refers to <EntryPointerLink pointer={answers} />
        </li>
      ) : null}
      {retractedBy ? (
        <li className="retracted" data-testid="retracted-by">
          Retracted by <EntryPointerLink pointer={retractedBy} />
        </li>
      ) : null}
      {amendedBy.map((pointer) => (
        <li key={pointer.entryHash} data-testid="amended-by">
          Amended by <EntryPointerLink pointer={pointer} />
        </li>
      ))}
      {disputedBy.map((pointer) => (
        <li key={pointer.entryHash} data-testid="disputed-by">
          Disputed by <EntryPointerLink pointer={pointer} />
        </li>
      ))}
    </ul>
  );
};
