import type { EntryPointer } from '../../entries/entry-view';
import { ENTRY_TYPE_LABELS } from './labels';

/** Points at another entry of the same timeline by its number. */
export const EntryPointerLink = ({ pointer }: { pointer: EntryPointer }) => (
  <a href={`#entry-${pointer.entryHash}`} className="pointer">
    #{pointer.seq} {ENTRY_TYPE_LABELS[pointer.type].toLowerCase()}
  </a>
);
