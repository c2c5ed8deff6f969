/**
 * An entry as a client holds it after verifying and (where it has the key) opening it: the signed
 * header, where the log put it, and the decoded content. Every derivation in this folder reads
 * these and nothing else.
 */
import { z } from 'zod';
import { Count, Hash32, Timestamp } from '../schemas/common';
import { EntryHeader } from '../schemas/entry';
import { EntryContent } from './entry-content';

/** A verified entry with its content, or without it when the reader holds no key. */
export const DecryptedEntry = z
  .strictObject({
    header: EntryHeader,
    entryHash: Hash32,
    /** Position in the transparency log: the one order all streams share. */
    leafIndex: Count,
    /** When the server logged it (not the author's `claimedAt`). */
    receivedAt: Timestamp,
    content: EntryContent.optional(),
  })
  .refine((entry) => entry.content === undefined || entry.content.type === entry.header.type, {
    message: 'content is of the same type as its header',
    path: ['content', 'type'],
  });
export type DecryptedEntry = z.infer<typeof DecryptedEntry>;
