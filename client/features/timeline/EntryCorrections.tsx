import type { EntryView } from '../../entries/entry-view';
import { useT } from '../../i18n/useT';
import { EntryPointerLink } from './EntryPointerLink';

/** What this entry answers, and what later entries said about it: shown beside it, never instead. */
export const EntryCorrections = ({ entry }: { entry: EntryView }) => {
  const { t } = useT('timeline');
  const { answers, amendedBy, retractedBy, disputedBy } = entry;
  if (!answers && amendedBy.length === 0 && !retractedBy && disputedBy.length === 0) {
    return null;
  }
  return (
    <ul className="corrections" data-testid="entry-corrections">
      {answers ? (
        <li>
          {t('refersTo')} <EntryPointerLink pointer={answers} />
        </li>
      ) : null}
      {retractedBy ? (
        <li className="retracted" data-testid="retracted-by">
          {t('retractedBy')} <EntryPointerLink pointer={retractedBy} />
        </li>
      ) : null}
      {amendedBy.map((pointer) => (
        <li key={pointer.entryHash} data-testid="amended-by">
          {t('amendedBy')} <EntryPointerLink pointer={pointer} />
        </li>
      ))}
      {disputedBy.map((pointer) => (
        <li key={pointer.entryHash} data-testid="disputed-by">
          {t('disputedBy')} <EntryPointerLink pointer={pointer} />
        </li>
      ))}
    </ul>
  );
};
