import type { EntryPointer } from '../../entries/entry-view';
import { useT } from '../../i18n/useT';

/** Points at another entry of the same timeline by its number. */
export const EntryPointerLink = ({ pointer }: { pointer: EntryPointer }) => {
  const { t, i18n } = useT('timeline');
  return (
    <a href={`#entry-${pointer.entryHash}`} className="pointer">
      #{pointer.seq} {t(`entryType.${pointer.type}`).toLocaleLowerCase(i18n.language)}
    </a>
  );
};
