/**
 * Disclosure as its screens show it: for a member, which entries of a stream they can disclose;
 * for a grantee, which entries were disclosed to them (each opened only with a key that matched
 * its signed commitment), which are theirs anyway, and which were not disclosed.
 */
import { isDisclosableBy } from '../../entries/disclose-entries';
import { type EntryView, entryViews, type Names, partyName } from '../../entries/entry-view';
import type { LoadedStreams } from '../../entries/load-streams';
import type { VerifiedStream } from '../../entries/read-stream';
import { threadSummary } from '../../entries/thread-view';

/** What a stream is called: a case by its reference, a thread by its subject where it opens. */
export type StreamName =
  | { readonly kind: 'case'; readonly reference: string }
  | { readonly kind: 'thread'; readonly subject: string | undefined };

/** A stream as the disclosure screens name it. */
export type DisclosureStream = {
  readonly verified: VerifiedStream;
  readonly name: StreamName;
  readonly rows: readonly EntryView[];
};

/** The stream `streamId` among those loaded, with its name and timeline rows. */
export const disclosureStream = (loaded: LoadedStreams, streamId: string): DisclosureStream | undefined => {
  const verified = loaded.streams.find(({ stream }) => stream.id === streamId);
  if (!verified) {
    return undefined;
  }
  const name: StreamName =
    verified.stream.kind === 'case'
      ? { kind: 'case', reference: verified.stream.reference }
      : { kind: 'thread', subject: threadSummary(verified, loaded.names).subject };
  return { verified, name, rows: entryViews(verified.entries, loaded.names) };
};

/** Hashes of the entries of the stream `personId` can disclose (sealed to them, signature valid). */
export const disclosableHashes = (verified: VerifiedStream, personId: string): Set<string> =>
  new Set(verified.entries.filter((entry) => isDisclosableBy(entry, personId)).map(({ entry }) => entry.entryHash));

/** How the reader holds one entry's content. */
export type EntryAccess =
  | 'sealed-to-you'
  | 'disclosed'
  | 'refused'
  | 'withheld'
  | 'not-disclosed'
  | 'locked'
  | 'unreadable';

export type AccessRow = {
  readonly view: EntryView;
  readonly access: EntryAccess;
  /** The seq of the disclosure that granted its key. */
  readonly disclosedIn?: number;
  readonly reason?: string;
};

/** A disclosure to the reader: who granted how many keys, when, why. */
export type GrantView = {
  readonly entryHash: string;
  readonly seq: number;
  readonly by: string;
  readonly party: string;
  readonly claimedAt: string;
  readonly purpose: string;
  readonly scope: 'entries' | 'case';
  readonly count: number;
};

const accessOf = (verified: VerifiedStream['entries'][number], personId: string): Omit<AccessRow, 'view'> => {
  const { disclosure, content, entry } = verified;
  if (disclosure?.state === 'opened') {
    return { access: 'disclosed' };
  }
  if (disclosure?.state === 'refused') {
    return { access: 'refused', reason: disclosure.reason };
  }
  if (disclosure?.state === 'withheld') {
    return { access: 'withheld' };
  }
  if (!entry.header.recipients.some((recipient) => recipient.person === personId)) {
    return { access: 'not-disclosed' };
  }
  if (content.state === 'decrypted') {
    return { access: 'sealed-to-you' };
  }
  return content.state === 'unreadable' ? { access: 'unreadable', reason: content.reason } : { access: 'locked' };
};

/** Every entry of the stream with how the reader holds it, and the disclosures made to them. */
export const disclosedTo = (
  stream: DisclosureStream,
  names: Names,
  personId: string,
): { readonly rows: readonly AccessRow[]; readonly grants: readonly GrantView[] } => {
  const { verified } = stream;
  const seqOf = new Map(verified.entries.map(({ entry }) => [entry.entryHash, entry.header.seq]));
  const rows = verified.entries.map((item, index): AccessRow => {
    const by = item.disclosure?.by;
    const disclosedIn = by === undefined ? undefined : seqOf.get(by);
    return {
      view: stream.rows[index] as EntryView,
      ...accessOf(item, personId),
      ...(disclosedIn === undefined ? {} : { disclosedIn }),
    };
  });
  const grants = verified.entries.flatMap(({ entry, content }, index): GrantView[] => {
    if (
      entry.header.meta.grantee !== personId ||
      content.state !== 'decrypted' ||
      content.content.type !== 'disclosure'
    ) {
      return [];
    }
    const view = stream.rows[index] as EntryView;
    return [
      {
        entryHash: entry.entryHash,
        seq: entry.header.seq,
        by: view.author.name,
        party: partyName(names, entry.header.author.party),
        claimedAt: entry.header.claimedAt,
        purpose: content.content.purpose,
        scope: content.content.scope,
        count: content.content.grants.length,
      },
    ];
  });
  return { rows, grants };
};
