import { Link } from 'react-router';
import type { EntryView } from '../../entries/entry-view';
import { useT } from '../../i18n/useT';

/** Where a stream's disclosure screens live: `/cases/:id` or `/threads/:id`. */
const base = (kind: 'case' | 'thread', streamId: string) => `/${kind === 'case' ? 'cases' : 'threads'}/${streamId}`;

/**
 * For a member who may write: disclose entries of the stream. For a reader outside its member
 * parties (a reviewer): what was disclosed to them. Nothing for a member who cannot write now.
 */
export const DisclosureLink = ({
  kind,
  streamId,
  isMember,
  canWrite,
}: {
  kind: 'case' | 'thread';
  streamId: string;
  isMember: boolean;
  canWrite: boolean;
}) => {
  const { t } = useT('disclosure');
  if (isMember && canWrite) {
    return (
      <Link to={`${base(kind, streamId)}/disclose`} className="button" data-testid="disclose-link">
        {t('links.disclose')}
      </Link>
    );
  }
  return isMember ? null : (
    <Link to={`${base(kind, streamId)}/disclosed`} className="button" data-testid="disclosed-link">
      {t('links.disclosedToYou')}
    </Link>
  );
};

/** On an entry card the member holds the key of: disclose this entry. */
export const DiscloseEntryLink = ({ entry }: { entry: EntryView }) => {
  const { t } = useT('disclosure');
  return entry.content.state === 'decrypted' && entry.type !== 'disclosure' ? (
    <Link
      to={`${base(entry.streamKind, entry.streamId)}/disclose?entry=${encodeURIComponent(entry.entryHash)}`}
      className="entry-disclose"
      data-testid="disclose-entry-link"
    >
      {t('links.discloseEntry')}
    </Link>
  ) : null;
};
