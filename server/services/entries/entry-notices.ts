import { EventEmitter } from 'node:events';

/** What a new-entry notice says: where, not what. It carries no content. */
export type EntryNotice = { streamId: string; seq: number; entryHash: string; leafIndex: number };

/** A notice as published inside the server: whether the entry changed the stream's members too. */
export type PublishedNotice = EntryNotice & { readonly changesMembers: boolean };

/**
 * In-process fan-out of new-entry notices to live connections (server-sent events). Whoever
 * subscribes decides, per stream, who may hear of it.
 */
export class EntryNotices {
  readonly #emitter = new EventEmitter().setMaxListeners(0);

  publish(notice: PublishedNotice): void {
    this.#emitter.emit('entry', notice);
  }

  subscribe(listener: (notice: PublishedNotice) => void): () => void {
    this.#emitter.on('entry', listener);
    return () => this.#emitter.off('entry', listener);
  }
}
