import { afterEach, beforeAll } from 'vitest';

/**
 * For unit tests, which run in Node: a Map stands in for the browser's localStorage, installed
 * before the file's tests and emptied after each. Answers the Map, for tests to read and seed.
 */
export const useMemoryLocalStorage = (): Map<string, string> => {
  const store = new Map<string, string>();
  beforeAll(() => {
    Object.assign(globalThis, {
      localStorage: {
        getItem: (key: string) => store.get(key) ?? null,
        setItem: (key: string, value: string) => store.set(key, value),
        removeItem: (key: string) => store.delete(key),
      },
    });
  });
  afterEach(() => store.clear());
  return store;
};
