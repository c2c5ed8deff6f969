import { randomUUID } from 'node:crypto';
import type { AttachmentRef } from '../../shared/content/attachment-ref';
import { attachmentsOf, checkContentHeader } from '../../shared/content/check-content-header';
import { type ContentExtras, encodeContent } from '../../shared/content/encode-content';
import type { ContentOf } from '../../shared/content/entry-content';
import type { RecipientKey } from '../../shared/crypto/entry-recipients';
import { type SealedEntry, sealEntry } from '../../shared/crypto/entry-seal';
import type { SignSecretKey } from '../../shared/crypto/identity-keys';
import type { EntryHeader, EntryMeta } from '../../shared/schemas/entry';
import type { EntryType, StreamKind } from '../../shared/schemas/entry-type';

/** What an author writes: the kind, the content (encrypted) and the few header facts the server sees. */
export type EntryDraft<T extends EntryType = EntryType> = {
  readonly type: T;
  readonly content: ContentOf<T>;
  /** Entry hashes this entry refers to (`refs[0]` is what it answers, for the kinds that answer). */
  readonly refs?: readonly string[];
  /** Children's cases the entry concerns. */
  readonly cases?: readonly string[];
  readonly meta?: EntryMeta;
  /**
   * The uploads this entry claims (`meta.attachments`): by default every attachment its content
   * carries; an amendment names only its new uploads.
   */
  readonly attachments?: readonly AttachmentRef[];
};

/** Where the entry goes: the stream head it extends. */
export type EntryPosition = {
  readonly stream: string;
  readonly streamKind: StreamKind;
  readonly seq: number;
  readonly prevHash: string;
};

/** Who signs: the author's person, party and current key. */
export type EntryAuthor = {
  readonly person: string;
  readonly party: string;
  readonly keyId: string;
  readonly signSecretKey: SignSecretKey;
};

// Canonical JSON refuses `undefined`: an absent member is left out, never written as undefined.
const definedMembers = (meta: EntryMeta): EntryMeta =>
  Object.fromEntries(Object.entries(meta).filter(([, value]) => value !== undefined)) as EntryMeta;

/**
 * Seals and signs a draft at a stream position for the given recipients (the author among them):
 * content validated and canonicalised (`encodeContent`), `meta.attachments` from the attachments,
 * and content checked against the header it will travel in before anything leaves the client.
 * `extras.seenCheckpoint` (the checkpoint the author's log monitor trusts) travels beside the
 * content as gossip (docs/PROTOCOL.md §9.3).
 *
 * @throws {ContentError} for content its schema refuses; {@link EntrySealError} for a bad header.
 */
export const sealDraft = <T extends EntryType>(
  author: EntryAuthor,
  position: EntryPosition,
  draft: EntryDraft<T>,
  recipients: readonly RecipientKey[],
  extras: ContentExtras = {},
): SealedEntry => {
  const claimed = (draft.attachments ?? attachmentsOf(draft.content)).map((ref) => ref.id);
  const meta = definedMembers({ ...draft.meta, ...(claimed.length > 0 ? { attachments: claimed } : {}) });
  const sealed = sealEntry({
    v: 1,
    type: draft.type,
    id: randomUUID(),
    ...position,
    cases: [...(draft.cases ?? [])],
    author: { person: author.person, party: author.party, keyId: author.keyId },
    claimedAt: new Date().toISOString(),
    refs: [...(draft.refs ?? [])],
    meta,
    recipients,
    plaintext: encodeContent(draft.content, extras),
    signSecretKey: author.signSecretKey,
  });
  const mismatches = checkContentHeader(draft.content, sealed.entry.header as EntryHeader);
  if (mismatches.length > 0) {
    throw new TypeError(`The content disagrees with its header: ${mismatches.join(', ')}`);
  }
  return sealed;
};
