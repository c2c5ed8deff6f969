/**
 * Verified entries as timeline rows: header facts, who wrote them (names from the verified
 * directory), the three checks, the content view or why there is none, and what later entries
 * said about each (amendments, retraction, disputes), shown beside it, never instead of it.
 */
import { correctionsOf, indexEntries } from '../../shared/content/entry-corrections';
import type { DirectoryState } from '../../shared/directory/index';
import type { EntryType, StreamKind } from '../../shared/schemas/entry-type';
import type { Role } from '../../shared/schemas/role';
import { type ContentView, toContentView } from './content-view';
import type { EntryChecks, VerifiedEntry } from './read-stream';

/** Names for ids: parties from the server's list (labels only), people from the directory taken from the log. */
export type Names = {
  readonly directory: DirectoryState;
  readonly parties: ReadonlyMap<string, string>;
  /** Case references (server-visible labels) by case id, where the caller may see the case. */
  readonly caseReferences?: ReadonlyMap<string, string>;
};

export type EntryContentView =
  | { readonly state: 'decrypted'; readonly value: ContentView }
  | { readonly state: 'no-access' }
  | { readonly state: 'locked' }
  | { readonly state: 'unreadable'; readonly reason: string };

/** Another entry, as a row can point at it. */
export type EntryPointer = { readonly entryHash: string; readonly seq: number; readonly type: EntryType };

export type EntryView = {
  readonly entryHash: string;
  readonly seq: number;
  readonly type: EntryType;
  readonly streamId: string;
  readonly streamKind: StreamKind;
  readonly leafIndex: number;
  readonly claimedAt: string;
  readonly receivedAt: string;
  readonly author: {
    readonly personId: string;
    readonly name: string;
    readonly role: Role | null;
    readonly partyId: string;
    readonly partyName: string;
  };
  readonly cases: readonly string[];
  /** The linked cases' references, or a short id for a case the caller cannot see. */
  readonly caseLabels: readonly string[];
  /** Server-visible facts of the header: the case reference, member parties, number of files. */
  readonly reference?: string;
  readonly memberNames: readonly string[];
  /** A membership entry's proposed change, from its signed header (party names). */
  readonly membershipChange?: { readonly add: readonly string[]; readonly remove: readonly string[] };
  readonly attachmentCount: number;
  readonly checks: EntryChecks;
  readonly content: EntryContentView;
  /** The entry this one answers (`refs[0]`), when it is in the same stream. */
  readonly answers?: EntryPointer;
  readonly amendedBy: readonly EntryPointer[];
  readonly retractedBy?: EntryPointer;
  readonly disputedBy: readonly EntryPointer[];
};

/** A party's name, or a short id when the server lists no such party. */
export const partyName = (names: Names, id: string): string => names.parties.get(id) ?? `party ${id.slice(0, 8)}`;

const contentView = (verified: VerifiedEntry): EntryContentView => {
  const { content, entry } = verified;
  return content.state === 'decrypted'
    ? { state: 'decrypted', value: toContentView(content.content, entry.entryHash) }
    : content;
};

/** Timeline rows for entries of one or more streams, in the order given. */
export const entryViews = (entries: readonly VerifiedEntry[], names: Names): EntryView[] => {
  const index = indexEntries(entries.map(({ entry }) => entry));
  const pointer = (hash: string | undefined): EntryPointer | undefined => {
    const target = hash === undefined ? undefined : index.byHash.get(hash);
    return target && { entryHash: target.entryHash, seq: target.header.seq, type: target.header.type };
  };
  const pointers = (items: readonly { entryHash: string }[]) =>
    items.map((item) => pointer(item.entryHash)).filter((item): item is EntryPointer => item !== undefined);
  return entries.map((verified) => {
    const { entry, checks } = verified;
    const { header } = entry;
    const key = names.directory.keyRecord(header.author.keyId);
    const corrections = correctionsOf(entry, index);
    const answers = pointer(header.refs[0]);
    const retractedBy = pointer(corrections.retractedBy?.entryHash);
    const change =
      header.type === 'membership'
        ? {
            add: (header.meta.add ?? []).map((id) => partyName(names, id)),
            remove: (header.meta.remove ?? []).map((id) => partyName(names, id)),
          }
        : undefined;
    return {
      entryHash: entry.entryHash,
      seq: header.seq,
      type: header.type,
      streamId: header.stream,
      streamKind: header.streamKind,
      leafIndex: entry.leafIndex,
      claimedAt: header.claimedAt,
      receivedAt: entry.receivedAt,
      author: {
        personId: header.author.person,
        name: key?.name ?? `unknown key ${header.author.keyId}`,
        role: key?.role ?? null,
        partyId: header.author.party,
        partyName: partyName(names, header.author.party),
      },
      cases: header.cases,
      caseLabels: header.cases.map((id) => names.caseReferences?.get(id) ?? `case ${id.slice(0, 8)}`),
      ...(header.meta.reference === undefined ? {} : { reference: header.meta.reference }),
      memberNames: (header.meta.members ?? []).map((id) => partyName(names, id)),
      ...(change ? { membershipChange: change } : {}),
      attachmentCount: header.meta.attachments?.length ?? 0,
      checks,
      content: contentView(verified),
      ...(answers ? { answers } : {}),
      amendedBy: pointers(corrections.amendments),
      ...(retractedBy ? { retractedBy } : {}),
      disputedBy: pointers(corrections.disputes),
    };
  });
};
