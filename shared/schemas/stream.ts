import { z } from 'zod';
import { Base64url, Count, Hash32, Timestamp, Uuid } from './common';
import { EntryHeader, MAX_ENTRY_CIPHERTEXT_BYTES } from './entry';

/** A case or thread as the server knows it: no content, only routing facts. */
export const StreamView = z.object({
  id: Uuid,
  kind: z.enum(['case', 'thread']),
  reference: z.string(),
  members: z.array(Uuid),
  head: z.object({ seq: Count, hash: Hash32 }).nullable(),
  lastActivity: Timestamp.nullable(),
  /** Whether the caller's party is a member (and so holds the content keys). */
  isMember: z.boolean(),
});
export type StreamView = z.infer<typeof StreamView>;

/**
 * A stored entry as a reader receives it. `ciphertext` is absent where the reader holds no key:
 * a reviewer sees signed headers, and content only of entries disclosed to them.
 */
export const StoredEntry = z.object({
  header: EntryHeader,
  signature: z.string(),
  ciphertext: Base64url(MAX_ENTRY_CIPHERTEXT_BYTES + 16).optional(),
  entryHash: Hash32,
  leafIndex: Count,
  receivedAt: Timestamp,
});
export type StoredEntry = z.infer<typeof StoredEntry>;

export const AttachmentReceipt = z.object({ id: Uuid, size: Count, digest: Hash32 });
export type AttachmentReceipt = z.infer<typeof AttachmentReceipt>;
