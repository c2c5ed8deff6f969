/**
 * What every reader re-checks of a stream besides signatures and links (docs/PROTOCOL.md §4.9,
 * §4.10): the membership its signed entries add up to, and that each entry was sealed only to
 * the readers that membership and the verified directory allow at its position.
 */
import type { DirectoryState } from '../../shared/directory/index';
import { applyMembershipAt } from '../../shared/membership/legacy-membership';
import { NO_MEMBERSHIP, type StreamMembership } from '../../shared/membership/stream-membership';
import { unexpectedRecipients } from '../../shared/membership/stream-readers';
import type { EntryHeader } from '../../shared/schemas/entry';

/** One entry as the check needs it: its header, its hash and its leaf in the log. */
export type ReadersInput = { readonly header: EntryHeader; readonly entryHash: string; readonly leafIndex: number };

/** Per entry, why its membership step or its recipients are wrong (empty when right); and the membership after all. */
export type ReadersCheck = { readonly problems: readonly string[][]; readonly membership: StreamMembership };

/**
 * Folds the membership of `entries` (in stream order, continuing `start`) and checks each entry's
 * recipients against the members before it. An entry that breaks the membership rules changes
 * nothing and is reported.
 */
export const checkStreamReaders = (
  entries: readonly ReadersInput[],
  directory: DirectoryState,
  start: StreamMembership = NO_MEMBERSHIP,
): ReadersCheck => {
  let membership = start;
  const problems = entries.map(({ header, entryHash, leafIndex }) => {
    const step = applyMembershipAt(membership, header, entryHash, leafIndex, directory.legacyBefore);
    if (!step.ok) {
      return [`breaks the stream's membership rules: ${step.reason}`];
    }
    const readers = header.seq === 1 ? step.state.members : membership.members;
    membership = step.state;
    return unexpectedRecipients(header, readers, directory, leafIndex);
  });
  return { problems, membership };
};
