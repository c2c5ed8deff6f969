import type { Response } from 'express';
import type { Caller } from '../../auth/caller';
import { resolveSessionById } from '../../auth/sessions';
import type { ServerContext } from '../../context';
import type { EntryNotices } from './entry-notices';
import { membersOf } from './stream-state';

const HEARTBEAT_MS = 25_000;

/**
 * Server-sent events for one signed-in person: a notice per new entry in a stream they may see
 * (their party is a member, or they are a reviewer), with no content. The stream ends when the
 * session ends, the client goes away, or the server shuts down.
 */
export class LiveEvents {
  readonly #open = new Set<Response>();

  constructor(
    private readonly context: ServerContext,
    private readonly notices: EntryNotices,
  ) {}

  async serve(caller: Caller, res: Response): Promise<void> {
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    res.write('retry: 2000\n\n');
    this.#open.add(res);
    const unsubscribe = this.notices.subscribe((notice) => {
      void this.#mayHear(caller, notice.streamId).then((allowed) => {
        if (allowed && !res.writableEnded) {
          res.write(`event: entry\ndata: ${JSON.stringify(notice)}\n\n`);
        }
      });
    });
    const heartbeat = setInterval(() => {
      void resolveSessionById(this.context, caller.sessionId).then((alive) => {
        if (!alive) {
          res.end();
        } else if (!res.writableEnded) {
          res.write(': heartbeat\n\n');
        }
      });
    }, HEARTBEAT_MS);
    await new Promise<void>((resolve) => res.once('close', () => resolve()));
    clearInterval(heartbeat);
    unsubscribe();
    this.#open.delete(res);
  }

  async #mayHear(caller: Caller, streamId: string): Promise<boolean> {
    if (caller.role === 'reviewer') {
      return true;
    }
    return (await membersOf(this.context.database.db, streamId)).has(caller.partyId);
  }

  /** Ends every open event stream, so that a graceful shutdown is not held up by them. */
  closeAll(): void {
    for (const res of this.#open) {
      res.end();
    }
  }
}
