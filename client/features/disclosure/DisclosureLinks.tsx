import { Link } from 'react-router';
import type { EntryView } from '../../entries/entry-view';

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
  if (isMember && canWrite) {
    return (
      <Link to={`${base(kind, streamId)}/disclose`} className="button" data-testid="disclose-link">
        Disclose…
      </Link>
    );
  }
  return isMember ? null : (
    <Link to={`${base(kind, streamId)}/disclosed`} className="button" data-testid="disclosed-link">
      Disclosed to you
    </Link>
  );
};

/** On an entry card the member holds the key of: disclose this entry. */
export const DiscloseEntryLink = ({ entry }: { entry: EntryView }) =>
  entry.content.state === 'decrypted' && entry.type !== 'disclosure' ? (
    <Link
      to={`${base(entry.streamKind, entry.streamId)}/disclose?entry=${encodeURIComponent(entry.entryHash)}`}
      className="entry-disclose"
      data-testid="disclose-entry-link"
    >
      Disclose this entry…
    </Link>
  ) : null;
