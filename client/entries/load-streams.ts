/**
 * Loading what the screens show: every stream the caller may see, verified and opened in the
 * browser, then summarised. The log monitor is brought up to date while the streams are fetched,
 * and once more after them when an entry lies beyond the checkpoint it accepted, so that the
 * accepted checkpoint holds every entry read: inclusion is proven under it and the directory is
 * taken from it.
 */
import { currentDirectory } from '../crypto/directory';
import { fetchAfterStored, storedStream, verifyThroughStore } from '../store/stored-streams';
import { type CaseRecordView, type CaseSummary, caseRecordView, caseSummary } from './case-view';
import type { EntryContext } from './entry-context';
import { type EntryView, entryViews, type Names } from './entry-view';
import { fetchStreamList } from './fetch-stream';
import type { VerifiedStream } from './read-stream';
import { type ThreadSummary, threadSummary } from './thread-view';

/** Everything the caller can see, verified. */
export type LoadedStreams = { readonly streams: readonly VerifiedStream[]; readonly names: Names };

/** A row of another stream that names this case in its header. */
export type LinkedEntryView = EntryView & { readonly streamLabel: string };

export type CaseDetail = {
  readonly summary: CaseSummary;
  readonly record?: CaseRecordView;
  readonly timeline: readonly EntryView[];
  readonly linked: readonly LinkedEntryView[];
  /** Every stream read for it: receipts, minutes, commitments and disputes are derived across them. */
  readonly loaded: LoadedStreams;
};

export type ThreadDetail = {
  readonly summary: ThreadSummary;
  readonly timeline: readonly EntryView[];
  readonly loaded: LoadedStreams;
};

/** {@link loadStreams}, run alone. */
const readStreams = async (context: EntryContext, only?: (id: string) => boolean): Promise<LoadedStreams> => {
  const personId = context.me.personId;
  // The log and the directory are brought up to date while the streams arrive.
  const proving = currentDirectory(context.refreshLog);
  proving.catch(() => undefined);
  const list = await fetchStreamList();
  const wanted = list.filter((stream) => only?.(stream.id) ?? true);
  // What this browser kept of each stream (client/store), then only the entries after it.
  const stored = await Promise.all(wanted.map((stream) => storedStream(personId, stream.id)));
  const fetched = await Promise.all(wanted.map((stream, index) => fetchAfterStored(stream, stored[index] ?? null)));
  let { checkpoint, directory } = await proving;
  // An entry appended after that checkpoint (or placed beyond it by the server): the log is asked
  // again now that every entry is here, so the checkpoint accepted holds each one it can.
  if (fetched.some(({ entries }) => entries.some((entry) => entry.leafIndex >= checkpoint.treeSize))) {
    ({ checkpoint, directory } = await currentDirectory(context.refreshLog));
  }
  // Party names are the server's labels, for display only.
  const names: Names = { directory, parties: new Map(context.trust.parties.map((party) => [party.id, party.name])) };
  const streams = await Promise.all(
    fetched.map((stream, index) => verifyThroughStore(stored[index] ?? null, stream, personId, directory, checkpoint)),
  );
  // Cases read here are named by their verified label; others by the code the server lists.
  const caseReferences = new Map([
    ...list.filter((stream) => stream.kind === 'case').map((stream) => [stream.id, stream.reference] as const),
    ...streams
      .filter(({ stream }) => stream.kind === 'case')
      .map(({ stream }) => [stream.id, stream.reference] as const),
  ]);
  lastCaseReferences = { personId, references: caseReferences };
  return { streams, names: { ...names, caseReferences } };
};

// The case labels of the last full read, for a provisional copy to name linked cases by.
let lastCaseReferences: { readonly personId: string; readonly references: ReadonlyMap<string, string> } | null = null;

/** Forgets the case labels of the last full read (sign-out: nothing of the person's stays). */
export const forgetReadCaseReferences = (): void => {
  lastCaseReferences = null;
};

/** The case labels the last full read for `personId` found (empty if none yet in this tab). */
export const lastReadCaseReferences = (personId: string): ReadonlyMap<string, string> =>
  lastCaseReferences?.personId === personId ? lastCaseReferences.references : new Map();

// One read at a time: a read that starts while another runs (a live refresh while the page is
// loading) waits for it, then finds in the local store what the first one kept, instead of
// fetching and verifying the same new entries a second time.
let reading: Promise<unknown> = Promise.resolve();

/**
 * Reads and verifies the streams the server lists for the caller (or only `only`), each through
 * the local store: what it kept is extended with only what is new. The directory is proven anew
 * under a checkpoint that holds every entry fetched: a key published since sign-in (a person
 * endorsed later, a rotation) must verify the entries it signed, and its statement precedes them.
 */
export const loadStreams = (context: EntryContext, only?: (id: string) => boolean): Promise<LoadedStreams> => {
  const next = reading.then(() => readStreams(context, only));
  reading = next.catch(() => undefined);
  return next;
};

/** Case summaries, newest activity first. */
export const listCases = async (context: EntryContext): Promise<CaseSummary[]> => {
  const { streams, names } = await loadStreams(context);
  const now = new Date();
  return streams.filter(({ stream }) => stream.kind === 'case').map((stream) => caseSummary(stream, names, now));
};

/** Cases and threads together, from one read of every stream. */
export const listStreams = async (
  context: EntryContext,
): Promise<{ cases: CaseSummary[]; threads: ThreadSummary[] }> => {
  const { streams, names } = await loadStreams(context);
  const now = new Date();
  return {
    cases: streams.filter(({ stream }) => stream.kind === 'case').map((stream) => caseSummary(stream, names, now)),
    threads: streams.filter(({ stream }) => stream.kind === 'thread').map((stream) => threadSummary(stream, names)),
  };
};

/** Thread summaries, newest activity first. */
export const listThreads = async (context: EntryContext): Promise<ThreadSummary[]> => {
  const { streams, names } = await loadStreams(context);
  return streams.filter(({ stream }) => stream.kind === 'thread').map((stream) => threadSummary(stream, names));
};

const labelOf = (verified: VerifiedStream, names: Names): string =>
  verified.stream.kind === 'case'
    ? `Case ${verified.stream.reference}`
    : `Thread: ${threadSummary(verified, names).subject ?? 'subject not readable here'}`;

/**
 * One case: its record, its timeline, and the entries of other streams the caller can see that
 * name it (letters and minutes linked to it). Throws when the server does not list the case.
 */
export const loadCase = async (context: EntryContext, caseId: string): Promise<CaseDetail> => {
  const { streams, names } = await loadStreams(context);
  const own = streams.find(({ stream }) => stream.id === caseId && stream.kind === 'case');
  if (!own) {
    throw new Error('No such case, or not one you may see');
  }
  const linked = streams
    .filter((other) => other !== own)
    .flatMap((other) => {
      const label = labelOf(other, names);
      const linking = other.entries.filter(({ entry }) => entry.header.cases.includes(caseId));
      return entryViews(linking, names).map((view) => ({ ...view, streamLabel: label }));
    })
    .sort((a, b) => a.leafIndex - b.leafIndex);
  const record = caseRecordView(own);
  return {
    summary: caseSummary(own, names, new Date()),
    ...(record ? { record } : {}),
    timeline: entryViews(own.entries, names),
    linked,
    loaded: { streams, names },
  };
};

/**
 * One thread: its summary and its timeline. Every stream is read, not only the thread: a
 * commitment's fulfilment is confirmed by receipts in the case streams it covers.
 */
export const loadThread = async (context: EntryContext, threadId: string): Promise<ThreadDetail> => {
  const { streams, names } = await loadStreams(context);
  const thread = streams.find(({ stream }) => stream.id === threadId);
  if (thread?.stream.kind !== 'thread') {
    throw new Error('No such thread, or not one you may see');
  }
  return {
    summary: threadSummary(thread, names),
    timeline: entryViews(thread.entries, names),
    loaded: { streams, names },
  };
};
