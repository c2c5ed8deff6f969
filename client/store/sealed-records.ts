/**
 * Records of the local store as values: JSON, sealed under the person's store key
 * (shared/crypto/local-store-seal) with the record's name bound in. A record that does not open
 * (altered, or sealed under another key) or does not parse is deleted and read as absent.
 * Writes wait until the page is idle (sealing a long stream must not hold up the render that
 * produced it: a timer alone ran before that render) and a read of a record waits for the writes
 * of it still under way.
 */
import { openLocalRecord, sealLocalRecord } from '../../shared/crypto/local-store-seal';
import { utf8Bytes, utf8String } from '../../shared/encoding/bytes';
import { withLocalStoreKey } from '../crypto/local-store-key';
import { deleteSealed, readSealed, writeSealed } from './local-db';

const underWay = new Map<string, Promise<void>>();

const slot = (personId: string, name: string) => JSON.stringify([personId, name]);

/** At most this long a busy page holds a record back. */
const IDLE_WAIT_MS = 1_000;

const whenIdle = (): Promise<void> =>
  new Promise<void>((resolve) => {
    if (typeof requestIdleCallback === 'function') {
      requestIdleCallback(() => resolve(), { timeout: IDLE_WAIT_MS });
    } else {
      setTimeout(resolve, 0);
    }
  });

const queue = (personId: string, name: string, job: () => Promise<void>): Promise<void> => {
  const key = slot(personId, name);
  const previous = underWay.get(key) ?? Promise.resolve();
  const next = previous.then(whenIdle).then(job);
  const settled = next.catch(() => undefined);
  underWay.set(key, settled);
  void settled.then(() => {
    if (underWay.get(key) === settled) {
      underWay.delete(key);
    }
  });
  return settled;
};

/** The parsed record `name`, or null (absent, locked, or discarded as unreadable). */
export const readRecord = async (personId: string, name: string): Promise<unknown> => {
  await underWay.get(slot(personId, name));
  const sealed = await readSealed(personId, name);
  if (sealed === undefined) {
    return null;
  }
  const opened = withLocalStoreKey(personId, (key) => ({ plaintext: openLocalRecord(key, name, sealed) }));
  if (opened === null) {
    // Locked: the record stays for the next unlock.
    return null;
  }
  try {
    if (opened.plaintext === null) {
      throw new Error(`The stored record ${name} does not open`);
    }
    return JSON.parse(utf8String(opened.plaintext));
  } catch {
    await deleteSealed(personId, name);
    return null;
  }
};

/** Seals and stores `value` as the record `name`; does nothing while the person's keys are locked. */
export const writeRecord = (personId: string, name: string, value: unknown): Promise<void> =>
  queue(personId, name, async () => {
    const sealed = withLocalStoreKey(personId, (key) => sealLocalRecord(key, name, utf8Bytes(JSON.stringify(value))));
    if (sealed !== null) {
      await writeSealed(personId, name, sealed);
    }
  });

/** Drops the record `name`. */
export const dropRecord = (personId: string, name: string): Promise<void> =>
  queue(personId, name, () => deleteSealed(personId, name));
