import type { EntryView } from '../../entries/entry-view';
import { useFormat } from '../../i18n/useFormat';
import { useT } from '../../i18n/useT';
import { useLog } from '../../log/useLog';
import { VerificationState } from './VerificationState';

/**
 * What a printed entry must carry to stand as a record: who signed it, when, whether this browser
 * verified it, and the log checkpoint it is in (the latest this browser accepted, under which
 * inclusion was proven). Shown on paper only; the screen has the badges.
 */
export const EntryProvenance = ({ entry }: { entry: EntryView }) => {
  const { t } = useT('print');
  const format = useFormat();
  const { status } = useLog();
  const checkpoint = status.checkpoint;
  const included =
    entry.checks.inclusion.state === 'valid' && checkpoint !== null && entry.leafIndex < checkpoint.treeSize;
  return (
    <p className="print-only entry-provenance" data-testid="entry-provenance">
      {t('provenance.signed', {
        name: entry.author.name,
        party: entry.author.partyName,
        time: format.dateTime(entry.claimedAt),
      })}{' '}
      · <VerificationState checks={entry.checks} /> ·{' '}
      {included
        ? t('provenance.checkpoint', {
            position: entry.leafIndex,
            size: checkpoint.treeSize,
            root: checkpoint.rootHash.slice(0, 16),
          })
        : t('provenance.notIncluded')}
    </p>
  );
};
