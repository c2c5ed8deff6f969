/**
 * Decrypted content as components see it: the same facts, with every attachment's key, stream
 * header and digest replaced by an opaque handle, and disclosed content keys left out. Keys never
 * reach a component (house style 4.6).
 */
import type { AttachmentRef } from '../../shared/content/attachment-ref';
import type { DisclosureContent } from '../../shared/content/disclosure-content';
import type { EntryContent } from '../../shared/content/entry-content';
import { attachmentHandle } from './attachment-registry';

/** A file an entry carries: what a person needs to pick it, and the handle to open it with. */
export type AttachmentView = {
  readonly handle: string;
  readonly name: string;
  readonly mediaType: string;
  readonly size: number;
};

/** `T` with each `AttachmentRef` in it replaced by an {@link AttachmentView}. */
export type WithoutKeys<T> = T extends AttachmentRef
  ? AttachmentView
  : T extends readonly (infer U)[]
    ? WithoutKeys<U>[]
    : T extends object
      ? { [K in keyof T]: WithoutKeys<T[K]> }
      : T;

/** A disclosure without the keys it hands over: which entries, why, and how much. */
export type DisclosureView = Omit<DisclosureContent, 'grants'> & { readonly grants: readonly { entryHash: string }[] };

/** The content of an entry, safe to give a component. */
export type ContentView = WithoutKeys<Exclude<EntryContent, { type: 'disclosure' }>> | DisclosureView;

// Structural on purpose: anything shaped like a ref loses its key, even one a schema would refuse.
const isRef = (value: object): value is AttachmentRef =>
  'id' in value && 'key' in value && 'header' in value && 'digest' in value;

const strip = (value: unknown, entryHash: string): unknown => {
  if (Array.isArray(value)) {
    return value.map((item) => strip(item, entryHash));
  }
  if (value !== null && typeof value === 'object') {
    if (isRef(value)) {
      const { id, name, mediaType, size } = value;
      return { handle: attachmentHandle(entryHash, id), name, mediaType, size };
    }
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, strip(item, entryHash)]));
  }
  return value;
};

/** The view of `content`, carried by the entry `entryHash`. */
export const toContentView = (content: EntryContent, entryHash: string): ContentView => {
  if (content.type === 'disclosure') {
    const { grants, ...rest } = content;
    return { ...rest, grants: grants.map(({ entryHash: granted }) => ({ entryHash: granted })) };
  }
  return strip(content, entryHash) as ContentView;
};
