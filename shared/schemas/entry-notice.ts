import { z } from 'zod';
import { Count, Hash32, Uuid } from './common';

/**
 * A new-entry notice, as `GET /api/events` sends it in each `entry` event: where an entry landed,
 * never what it says. A hint to read the stream again; it proves nothing until the entry is read
 * and verified.
 */
export const EntryNotice = z.object({ streamId: Uuid, seq: Count, entryHash: Hash32, leafIndex: Count });
export type EntryNotice = z.infer<typeof EntryNotice>;
