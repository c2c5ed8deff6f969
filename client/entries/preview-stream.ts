import { lastProvenDirectory } from '../crypto/directory';
import { storedStream } from '../store/stored-streams';
import { caseRecordView, caseSummary } from './case-view';
import type { EntryContext } from './entry-context';
import { entryViews, type Names } from './entry-view';
import { type CaseDetail, lastReadCaseReferences, type ThreadDetail } from './load-streams';
import type { VerifiedStream } from './read-stream';
import { threadSummary } from './thread-view';

/**
 * The stream as this browser's local store kept it from an earlier read, verified then, with the
 * names to show it by. Null when the store holds no record of it (or it is locked) or this tab has
 * not proven the directory yet. Only this one stream is read: entries of other streams, and what is
 * derived across streams, wait for the full read.
 */
const storedWithNames = async (
  context: EntryContext,
  streamId: string,
  kind: 'case' | 'thread',
): Promise<{ own: VerifiedStream; names: Names } | null> => {
  const directory = lastProvenDirectory();
  if (directory === null) {
    return null;
  }
  // Handed on to the full read that runs meanwhile, which would otherwise open the record again.
  const stored = await storedStream(context.me.personId, streamId, true);
  if (stored === null || stored.view.stream.kind !== kind) {
    return null;
  }
  const own = stored.view;
  const parties = new Map(context.trust.parties.map((party) => [party.id, party.name]));
  const caseReferences = new Map(lastReadCaseReferences(context.me.personId));
  if (kind === 'case') {
    caseReferences.set(streamId, own.stream.reference);
  }
  return { own, names: { directory, parties, caseReferences } };
};

/** The case as the local store kept it, to show at once while the log is asked what is new. */
export const previewCase = async (context: EntryContext, caseId: string): Promise<CaseDetail | null> => {
  const stored = await storedWithNames(context, caseId, 'case');
  if (stored === null) {
    return null;
  }
  const { own, names } = stored;
  const record = caseRecordView(own);
  return {
    summary: caseSummary(own, names, new Date()),
    ...(record ? { record } : {}),
    timeline: entryViews(own.entries, names),
    linked: [],
    loaded: { streams: [own], names },
  };
};

/** The thread as the local store kept it, to show at once while the log is asked what is new. */
export const previewThread = async (context: EntryContext, threadId: string): Promise<ThreadDetail | null> => {
  const stored = await storedWithNames(context, threadId, 'thread');
  if (stored === null) {
    return null;
  }
  const { own, names } = stored;
  return {
    summary: threadSummary(own, names),
    timeline: entryViews(own.entries, names),
    loaded: { streams: [own], names },
  };
};
