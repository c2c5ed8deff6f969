import type { Response } from 'express';
import type { Caller } from '../../auth/caller';
import { sessionDeadlines } from '../../auth/sessions';
import type { ServerContext } from '../../context';
import { ProblemError } from '../../problems';
import type { EntryNotices, PublishedNotice } from './entry-notices';
import { membersOf } from './stream-state';

const HEARTBEAT_MS = 25_000;

type Connection = { readonly caller: Caller; readonly res: Response; deadline: number; pending: Buffer[] };

/**
 * Notices wait this long to be written together: under a burst of appends every connection gets
 * one write (one system call) for several notices rather than one each.
 */
const FLUSH_DELAY_MS = 100;

/** Streams whose members are remembered; past it the memory starts afresh. */
const MEMBERSHIP_CACHE_LIMIT = 10_000;

/**
 * Server-sent events for signed-in people: a notice per new entry in a stream they may see (their
 * party is a member, or they are a reviewer), with no content. Each notice's audience is computed
 * once, whatever the number of open streams. A stream ends when its session ends (sign-out,
 * revocation, idle or absolute expiry: checked at each heartbeat, at the session's deadline, and
 * at once when `recheckSessions` is called), the client goes away, or the server shuts down.
 */
export class LiveEvents {
  readonly #open = new Set<Connection>();
  #unsubscribe: (() => void) | undefined;
  #deliveries: Promise<void> = Promise.resolve();
  #sweepTimer: NodeJS.Timeout | undefined;
  #sweeping: Promise<void> | undefined;
  #sweepAgain = false;
  #flushTimer: NodeJS.Timeout | undefined;
  /** Members of streams that notices went to, with the seq of the last notice; see `#membersOf`. */
  readonly #members = new Map<string, { readonly members: Set<string>; seq: number }>();

  constructor(
    private readonly context: ServerContext,
    private readonly notices: EntryNotices,
  ) {}

  /** Refuses with 429 when this session or the whole server already holds its cap of streams. */
  #admit(caller: Caller): void {
    const { liveStreamsPerSession, liveStreamsMax } = this.context.config;
    const ofSession = [...this.#open].filter((open) => open.caller.sessionId === caller.sessionId).length;
    if (ofSession >= liveStreamsPerSession) {
      throw new ProblemError('tooManyStreams', `At most ${liveStreamsPerSession} event streams per session`, {
        headers: { 'Retry-After': '30' },
      });
    }
    if (this.#open.size >= liveStreamsMax) {
      throw new ProblemError('tooManyStreams', 'The server holds as many event streams as it allows', {
        headers: { 'Retry-After': '30' },
      });
    }
  }

  async serve(caller: Caller, res: Response): Promise<void> {
    this.#admit(caller);
    const connection: Connection = { caller, res, deadline: this.context.now().getTime() + HEARTBEAT_MS, pending: [] };
    this.#open.add(connection);
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    res.write('retry: 2000\n\n');
    this.#unsubscribe ??= this.notices.subscribe((notice) => {
      // One delivery at a time keeps notices in publication order for every listener.
      this.#deliveries = this.#deliveries
        .then(() => this.#deliver(notice))
        .catch((error: unknown) => this.context.logger.error({ err: error }, 'live notice delivery failed'));
    });
    void this.#requestSweep();
    await new Promise<void>((resolve) => res.once('close', () => resolve()));
    this.#open.delete(connection);
    if (this.#open.size === 0) {
      this.#stop();
    }
  }

  /**
   * The members of a notice's stream. Remembered from the previous notice of the stream only when
   * this one directly follows it and does not change members; otherwise (a new or changed stream,
   * a notice delivered out of order) read from the database, which has every committed change.
   */
  async #membersOf({ streamId, seq, changesMembers }: PublishedNotice): Promise<Set<string>> {
    const known = this.#members.get(streamId);
    if (known && !changesMembers && seq === known.seq + 1) {
      known.seq = seq;
      return known.members;
    }
    const members = await membersOf(this.context.database.db, streamId);
    if (this.#members.size >= MEMBERSHIP_CACHE_LIMIT) {
      this.#members.clear();
    }
    this.#members.set(streamId, { members, seq });
    return members;
  }

  async #deliver(published: PublishedNotice): Promise<void> {
    const { changesMembers: _internal, ...notice } = published;
    const listeners = [...this.#open];
    if (listeners.length === 0) {
      return;
    }
    let members: Set<string>;
    try {
      members = listeners.some((open) => open.caller.role !== 'reviewer')
        ? await this.#membersOf(published)
        : new Set();
    } catch (error) {
      // A notice is a hint to re-read; a missed one is caught up by the next read.
      this.context.logger.warn({ err: error, streamId: notice.streamId }, 'live notice dropped');
      return;
    }
    // Encoded once for every listener.
    const event = Buffer.from(`event: entry\ndata: ${JSON.stringify(notice)}\n\n`);
    for (const connection of listeners) {
      const { caller } = connection;
      if (caller.role === 'reviewer' || members.has(caller.partyId)) {
        connection.pending.push(event);
      }
    }
    this.#flushTimer ??= setTimeout(() => this.#flush(), FLUSH_DELAY_MS);
  }

  /** Writes each connection's waiting notices in one piece: one write per connection per flush. */
  #flush(): void {
    this.#flushTimer = undefined;
    for (const connection of this.#open) {
      if (connection.pending.length > 0 && !connection.res.writableEnded) {
        connection.res.write(Buffer.concat(connection.pending));
      }
      connection.pending = [];
    }
  }

  /** Re-checks every open stream's session now: after a sign-out, a revocation, a key change. */
  recheckSessions(): Promise<void> {
    return this.#requestSweep();
  }

  #requestSweep(): Promise<void> {
    if (this.#sweeping) {
      this.#sweepAgain = true;
      return this.#sweeping;
    }
    this.#sweeping = this.#sweep().finally(() => {
      this.#sweeping = undefined;
      if (this.#sweepAgain) {
        this.#sweepAgain = false;
        void this.#requestSweep();
      }
    });
    return this.#sweeping;
  }

  /** Ends streams whose session is over, heartbeats the rest, and schedules the next check. */
  async #sweep(): Promise<void> {
    clearTimeout(this.#sweepTimer);
    const open = [...this.#open];
    if (open.length === 0) {
      return;
    }
    let next = this.context.now().getTime() + HEARTBEAT_MS;
    try {
      const deadlines = await sessionDeadlines(this.context, [...new Set(open.map((c) => c.caller.sessionId))]);
      for (const connection of open) {
        const deadline = deadlines.get(connection.caller.sessionId);
        if (deadline === undefined) {
          connection.res.end();
          this.#open.delete(connection);
        } else {
          connection.deadline = deadline;
          next = Math.min(next, deadline + 1);
        }
      }
    } catch (error) {
      // The database is away: keep the streams; sessions are checked again at the next heartbeat.
      this.context.logger.warn({ err: error }, 'live sessions could not be checked');
    }
    for (const { res } of this.#open) {
      if (!res.writableEnded) {
        res.write(': heartbeat\n\n');
      }
    }
    if (this.#open.size > 0) {
      this.#sweepTimer = setTimeout(() => void this.#requestSweep(), Math.max(0, next - this.context.now().getTime()));
    }
  }

  #stop(): void {
    clearTimeout(this.#sweepTimer);
    clearTimeout(this.#flushTimer);
    this.#flushTimer = undefined;
    this.#members.clear();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  /** How many event streams are open: for tests and the health of the server. */
  get openCount(): number {
    return this.#open.size;
  }

  /** Ends every open event stream, so that a graceful shutdown is not held up by them. */
  closeAll(): void {
    for (const { res } of this.#open) {
      res.end();
    }
    this.#stop();
  }
}
