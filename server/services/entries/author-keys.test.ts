import { describe, expect, it } from 'vitest';
import type { Db } from '../../../db/client';
import type { PersonKey } from '../person-keys';
import { AuthorKeys } from './author-keys';

const db = {} as Db;

/** A key directory that answers each person's current key and counts its reads. */
const directory = (current: Record<string, PersonKey | null>) => {
  const reads: string[] = [];
  const read = async (_db: Db, personId: string) => {
    reads.push(personId);
    return current[personId] ?? null;
  };
  return { reads, read };
};

const key = (n: number): PersonKey => ({ keyId: `k${n}`, signKey: `sign${n}`, boxKey: `box${n}` });

describe('AuthorKeys', () => {
  it('reads a current key once and then answers it without reading', async () => {
    const { reads, read } = directory({ ada: key(1) });
    const keys = new AuthorKeys(10, read);
    expect(await keys.signKeyOf(db, 'ada', 'k1')).toBe('sign1');
    expect(await keys.signKeyOf(db, 'ada', 'k1')).toBe('sign1');
    expect(reads).toEqual(['ada']);
  });

  it('answers nothing, and remembers nothing, for a key id that is not the current one', async () => {
    const { reads, read } = directory({ ada: key(2), bo: null });
    const keys = new AuthorKeys(10, read);
    expect(await keys.signKeyOf(db, 'ada', 'k1')).toBeUndefined();
    expect(await keys.signKeyOf(db, 'ada', 'k1')).toBeUndefined();
    expect(await keys.signKeyOf(db, 'bo', 'k1')).toBeUndefined();
    expect(reads).toEqual(['ada', 'ada', 'bo']);
  });

  it('never answers one person’s key for another who claims its id', async () => {
    const { read } = directory({ ada: key(1), eve: key(9) });
    const keys = new AuthorKeys(10, read);
    expect(await keys.signKeyOf(db, 'ada', 'k1')).toBe('sign1');
    expect(await keys.signKeyOf(db, 'eve', 'k1')).toBeUndefined();
  });

  it('keeps at most `limit` keys, forgetting the least recently used first', async () => {
    const { reads, read } = directory({ a: key(1), b: key(2), c: key(3) });
    const keys = new AuthorKeys(2, read);
    await keys.signKeyOf(db, 'a', 'k1');
    await keys.signKeyOf(db, 'b', 'k2');
    await keys.signKeyOf(db, 'a', 'k1'); // a is now the most recently used
    await keys.signKeyOf(db, 'c', 'k3'); // b goes
    reads.length = 0;
    await keys.signKeyOf(db, 'a', 'k1');
    await keys.signKeyOf(db, 'c', 'k3');
    expect(reads).toEqual([]);
    await keys.signKeyOf(db, 'b', 'k2');
    expect(reads).toEqual(['b']);
  });
});
