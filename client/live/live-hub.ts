import type { EntryNotice } from '../../shared/schemas/entry-notice';
import type { LiveState } from './live-connection';

/** What a screen does with live updates: re-read on a notice it cares about, or on a resync. */
export type LiveListener = {
  readonly onNotice: (notice: EntryNotice) => void;
  readonly onResync: () => void;
};

/** Fans the tab's one connection out to the screens open in it, and remembers its state. */
export class LiveHub {
  readonly #listeners = new Set<LiveListener>();
  readonly #stateListeners = new Set<() => void>();
  #state: LiveState = 'closed';

  subscribe(listener: LiveListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  readonly notify = (notice: EntryNotice): void => {
    for (const listener of [...this.#listeners]) {
      listener.onNotice(notice);
    }
  };

  readonly resync = (): void => {
    for (const listener of [...this.#listeners]) {
      listener.onResync();
    }
  };

  readonly setState = (state: LiveState): void => {
    this.#state = state;
    for (const listener of [...this.#stateListeners]) {
      listener();
    }
  };

  readonly getState = (): LiveState => this.#state;

  readonly subscribeState = (listener: () => void): (() => void) => {
    this.#stateListeners.add(listener);
    return () => this.#stateListeners.delete(listener);
  };
}
