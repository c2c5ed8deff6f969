import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { Database } from '../../../db/client';
import { PostgresEntryNotices } from './postgres-entry-notices';

/** What a new-entry notice says: where, not what. It carries no content. */
export type EntryNotice = { streamId: string; seq: number; entryHash: string; leafIndex: number };

/** A notice as published inside the server: whether the entry changed the stream's members too. */
export type PublishedNotice = EntryNotice & { readonly changesMembers: boolean };

/**
 * Fan-out of new-entry notices, published after an append commits, to whoever subscribes (the live
 * connections, which decide per stream who may hear of it). Two implementations: in this process
 * (one server), and through PostgreSQL so that every server hears entries written through any.
 */
export interface EntryNotices {
  publish(notice: PublishedNotice): void;
  subscribe(listener: (notice: PublishedNotice) => void): () => void;
  /** Stops hearing other servers' notices (at shutdown). */
  close(): Promise<void>;
}

/** In-process fan-out: the only server is the one that wrote the entry. */
export class InProcessEntryNotices implements EntryNotices {
  readonly #emitter = new EventEmitter().setMaxListeners(0);

  publish(notice: PublishedNotice): void {
    this.#emitter.emit('entry', notice);
  }

  subscribe(listener: (notice: PublishedNotice) => void): () => void {
    this.#emitter.on('entry', listener);
    return () => this.#emitter.off('entry', listener);
  }

  async close(): Promise<void> {}
}

/** Through PostgreSQL when several servers may share it; in process on the embedded database. */
export const entryNoticesFor = (database: Database, logger: Logger): EntryNotices =>
  database.listen ? new PostgresEntryNotices(database, logger) : new InProcessEntryNotices();
