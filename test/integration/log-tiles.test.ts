import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, type Db, openDatabase } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { loadConfig } from '../../server/config';
import { loadLogSigner } from '../../server/log/log-key';
import { TransparencyLog } from '../../server/log/transparency-log';
import { initCrypto } from '../../shared/crypto/sodium';
import { leafInput } from '../../shared/log/leaf';
import { hashLeaf } from '../../shared/log/merkle';
import { checkConsistency } from '../../shared/log/verify-consistency';
import { checkInclusion } from '../../shared/log/verify-inclusion';
import { driversUnderTest } from '../helpers/databases';

const FIRST = 300;
const SIZE = 1_000;
const recordHash = (index: number) => new Uint8Array(createHash('sha256').update(`record ${index}`).digest());
const range = (start: number, end: number) => Array.from({ length: end - start }, (_, offset) => start + offset);

/** The database, counting the queries begun through it. */
const counting = (db: Db) => {
  const counter = { selects: 0 };
  const counted = new Proxy(db, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property === 'select' && typeof value === 'function') {
        return (...args: unknown[]) => {
          counter.selects += 1;
          return value.apply(target, args);
        };
      }
      return value;
    },
  });
  return { db: counted, counter };
};

for (const driver of driversUnderTest()) {
  describe(`proofs from cached tiles on ${driver.name}`, () => {
    let database: Database;
    let cleanup: () => Promise<void>;
    let signerDir: string;
    const roots = new Map<number, Uint8Array>();

    beforeAll(async () => {
      await initCrypto();
      const created = await driver.create();
      cleanup = created.cleanup;
      signerDir = created.options.dataDir;
      database = await openDatabase(created.options);
      await migrateDatabase(database);
      const writer = new TransparencyLog(loadLogSigner(loadConfig({ DATA_DIR: signerDir })));
      for (const [start, end] of [
        [0, FIRST],
        [FIRST, SIZE],
      ] as const) {
        const records = range(start, end).map((index) => ({ kind: 'entry' as const, hash: recordHash(index) }));
        const { checkpoint } = await database.transaction((tx) => writer.append(tx, records));
        roots.set(end, checkpoint.rootHash);
      }
    }, 60_000);
    afterAll(async () => {
      await database?.close();
      await cleanup?.();
    });

    /** A server process that has answered nothing yet: its cache is empty. */
    const freshReader = () => new TransparencyLog(loadLogSigner(loadConfig({ DATA_DIR: signerDir })));
    const verifies = (index: number, proof: readonly Uint8Array[]) =>
      checkInclusion(index, SIZE, hashLeaf(leafInput('entry', recordHash(index))), proof, roots.get(SIZE) as Uint8Array)
        .ok;

    it('answers every proof of a tile from memory once one proof in it was fetched', async () => {
      const reader = freshReader();
      const { db, counter } = counting(database.db);
      expect(verifies(5, await reader.inclusionProof(db, 5, SIZE))).toBe(true);
      const afterFirst = counter.selects;
      expect(afterFirst).toBeGreaterThan(0);

      const sameTile = range(0, 256);
      const proofs = await Promise.all(sameTile.map((index) => reader.inclusionProof(db, index, SIZE)));
      expect(sameTile.filter((index, at) => !verifies(index, proofs[at] ?? []))).toEqual([]);
      expect(counter.selects).toBe(afterFirst);

      expect(verifies(700, await reader.inclusionProof(db, 700, SIZE))).toBe(true);
      expect(counter.selects).toBeGreaterThan(afterFirst);
      const afterSecondTile = counter.selects;
      const otherTile = range(512, 768);
      const moreProofs = await Promise.all(otherTile.map((index) => reader.inclusionProof(db, index, SIZE)));
      expect(otherTile.filter((index, at) => !verifies(index, moreProofs[at] ?? []))).toEqual([]);
      expect(counter.selects).toBe(afterSecondTile);
    });

    it('serves verifying proofs at the incomplete right edge, where no tile is whole', async () => {
      const reader = freshReader();
      const edge = range(SIZE - 40, SIZE);
      const proofs = await Promise.all(edge.map((index) => reader.inclusionProof(database.db, index, SIZE)));
      expect(edge.filter((index, at) => !verifies(index, proofs[at] ?? []))).toEqual([]);
      const earlier = await reader.inclusionProof(database.db, FIRST - 1, FIRST);
      const leafHash = hashLeaf(leafInput('entry', recordHash(FIRST - 1)));
      expect(checkInclusion(FIRST - 1, FIRST, leafHash, earlier, roots.get(FIRST) as Uint8Array).ok).toBe(true);
    });

    it('serves a verifying consistency proof from tiles, and one from memory the second time', async () => {
      const reader = freshReader();
      const { db, counter } = counting(database.db);
      const proof = await reader.consistencyProof(db, FIRST, SIZE);
      const [from, to] = [roots.get(FIRST), roots.get(SIZE)] as Uint8Array[];
      expect(checkConsistency(FIRST, SIZE, proof, from as Uint8Array, to as Uint8Array).ok).toBe(true);
      const afterFirst = counter.selects;
      expect(await reader.consistencyProof(db, FIRST, SIZE)).toEqual(proof);
      expect(counter.selects).toBe(afterFirst);
    });
  });
}
