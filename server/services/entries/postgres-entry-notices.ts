import { EventEmitter } from 'node:events';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Database } from '../../../db/client';
import type { EntryNotices, PublishedNotice } from './entry-notices';

/** The PostgreSQL channel every server of one database publishes to and listens on. */
export const ENTRY_NOTICE_CHANNEL = 'parley_entry_notices';

/**
 * What travels on the channel: the notice, never content. Parsed strictly on arrival, since any
 * role that may connect to the database can NOTIFY.
 */
const NoticePayload = z
  .object({
    streamId: z.string().min(1).max(200),
    seq: z.number().int().positive(),
    entryHash: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    leafIndex: z.number().int().nonnegative(),
    changesMembers: z.boolean(),
  })
  .strict();

/**
 * Notices through PostgreSQL `NOTIFY`/`LISTEN`: an append through any server reaches the live
 * connections of every server on the database, the writing one included (it hears its own NOTIFY
 * like the others, so there is one path). PostgreSQL delivers a notification only after its
 * transaction commits; this one is sent after the append's has.
 */
export class PostgresEntryNotices implements EntryNotices {
  readonly #emitter = new EventEmitter().setMaxListeners(0);
  #stopListening: (() => Promise<void>) | undefined;

  constructor(
    private readonly database: Database,
    private readonly logger: Logger,
  ) {}

  publish(notice: PublishedNotice): void {
    const payload = JSON.stringify(NoticePayload.parse(notice));
    this.database.db.execute(sql`select pg_notify(${ENTRY_NOTICE_CHANNEL}, ${payload})`).catch((error: unknown) => {
      // The entry is committed and acknowledged; a lost notice is caught up by the next read.
      this.logger.warn({ err: error, streamId: notice.streamId }, 'entry notice not sent');
    });
  }

  subscribe(listener: (notice: PublishedNotice) => void): () => void {
    this.#stopListening ??= this.database.listen?.(ENTRY_NOTICE_CHANNEL, (payload) => this.#receive(payload));
    this.#emitter.on('entry', listener);
    return () => this.#emitter.off('entry', listener);
  }

  #receive(payload: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload);
    } catch {
      parsed = undefined;
    }
    const notice = NoticePayload.safeParse(parsed);
    if (!notice.success) {
      this.logger.warn({ bytes: payload.length }, 'malformed entry notice ignored');
      return;
    }
    this.#emitter.emit('entry', notice.data);
  }

  async close(): Promise<void> {
    const stop = this.#stopListening;
    this.#stopListening = undefined;
    await stop?.();
  }
}
