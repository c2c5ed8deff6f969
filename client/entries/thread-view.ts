/** A correspondence thread as its screens show it: the subject exists only in the browser. */
import { type Names, partyName } from './entry-view';
import type { VerifiedStream } from './read-stream';

export type ThreadSummary = {
  readonly id: string;
  /** From the encrypted opening entry; absent where it cannot be read. */
  readonly subject?: string;
  readonly partyNames: readonly string[];
  readonly memberIds: readonly string[];
  readonly lastActivity: string | null;
  readonly isMember: boolean;
  readonly entryCount: number;
  readonly isIntact: boolean;
};

/** Summarises a verified thread. */
export const threadSummary = (verified: VerifiedStream, names: Names): ThreadSummary => {
  const opening = verified.entries.find(({ entry }) => entry.header.type === 'thread_open')?.entry.content;
  return {
    id: verified.stream.id,
    ...(opening?.type === 'thread_open' ? { subject: opening.subject } : {}),
    partyNames: verified.members.map((id) => partyName(names, id)),
    memberIds: verified.members,
    lastActivity: verified.stream.lastActivity,
    isMember: verified.stream.isMember,
    entryCount: verified.entries.length,
    isIntact: verified.isIntact,
  };
};
