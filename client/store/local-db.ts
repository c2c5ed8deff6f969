/**
 * One IndexedDB database per person (through `idb`), holding sealed records by name. Only bytes
 * sealed by client/store/sealed-records go in; nothing here is readable without the person's keys.
 * A browser without IndexedDB (or one refusing it) simply has no store: every read then misses.
 */
import { deleteDB, type IDBPDatabase, openDB } from 'idb';

const DATABASE_PREFIX = 'parley-local-store ';
const RECORDS = 'records';

const opened = new Map<string, Promise<IDBPDatabase>>();

/** The name of a person's database (person ids are opaque UUIDs, no personal data). */
export const localStoreName = (personId: string): string => `${DATABASE_PREFIX}${personId}`;

const hasIndexedDb = (): boolean => typeof indexedDB !== 'undefined';

const database = (personId: string): Promise<IDBPDatabase> => {
  let found = opened.get(personId);
  if (!found) {
    found = openDB(localStoreName(personId), 1, {
      upgrade: (db) => {
        db.createObjectStore(RECORDS);
      },
    });
    opened.set(personId, found);
    // A failed open is not kept: the next call tries again.
    found.catch(() => opened.delete(personId));
  }
  return found;
};

/** The sealed record `name`, or undefined (absent, or no store in this browser). */
export const readSealed = async (personId: string, name: string): Promise<Uint8Array | undefined> => {
  if (!hasIndexedDb()) {
    return undefined;
  }
  try {
    const value: unknown = await (await database(personId)).get(RECORDS, name);
    return value instanceof Uint8Array ? value : undefined;
  } catch {
    return undefined;
  }
};

/** Stores a sealed record; a browser refusing the write keeps nothing (the store is a cache). */
export const writeSealed = async (personId: string, name: string, sealed: Uint8Array): Promise<void> => {
  if (!hasIndexedDb()) {
    return;
  }
  try {
    await (await database(personId)).put(RECORDS, sealed, name);
  } catch {
    // Quota or private mode: the next read fetches from the server again.
  }
};

/** Drops one record (one that failed to open or to verify). */
export const deleteSealed = async (personId: string, name: string): Promise<void> => {
  if (!hasIndexedDb()) {
    return;
  }
  try {
    await (await database(personId)).delete(RECORDS, name);
  } catch {
    // Nothing to drop.
  }
};

/** Deletes the person's whole database (at sign-out). */
export const wipeLocalStore = async (personId: string): Promise<void> => {
  if (!hasIndexedDb()) {
    return;
  }
  const found = opened.get(personId);
  opened.delete(personId);
  try {
    (await found)?.close();
  } catch {
    // Never opened: nothing to close.
  }
  await deleteDB(localStoreName(personId));
};
