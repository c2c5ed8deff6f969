/**
 * The number of pending items last computed for Home, so that the navigation can show it on every
 * page without reading every stream again.
 */
import { useSyncExternalStore } from 'react';

let count: number | null = null;
const listeners = new Set<() => void>();

/** Publishes a new count (null: unknown, e.g. signed out). */
export const publishQueueCount = (next: number | null): void => {
  if (next !== count) {
    count = next;
    for (const listener of listeners) {
      listener();
    }
  }
};

/** The last published count. */
export const useQueueCount = (): number | null =>
  useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => count,
  );
