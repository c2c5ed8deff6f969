import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { LogProofs } from '../../server/audit/log-proofs';
import { loadConfig } from '../../server/config';
import { loadLogSigner } from '../../server/log/log-key';
import { TransparencyLog } from '../../server/log/transparency-log';
import { initCrypto } from '../../shared/crypto/sodium';
import { fromBase64url } from '../../shared/encoding/bytes';
import { leafInput } from '../../shared/log/leaf';
import { hashLeaf } from '../../shared/log/merkle';
import { checkInclusion } from '../../shared/log/verify-inclusion';
import { driversUnderTest } from '../helpers/databases';

const SIZE = 20_000;
const recordHash = (index: number) => new Uint8Array(createHash('sha256').update(`record ${index}`).digest());

// Found by the benchmarks (issue 7): exporting a 10,000-entry log from PGlite failed with
// 'cannot drop portal "" while it is being set up', because one page's inner nodes were asked for
// in a single row-value IN list, which PGlite cannot plan beyond about 280 pairs.
for (const driver of driversUnderTest()) {
  describe(`export proofs of a page spread over a large log on ${driver.name}`, () => {
    let database: Database;
    let cleanup: () => Promise<void>;
    let root: Uint8Array;

    beforeAll(async () => {
      await initCrypto();
      const created = await driver.create();
      cleanup = created.cleanup;
      database = await openDatabase(created.options);
      await migrateDatabase(database);
      const log = new TransparencyLog(loadLogSigner(loadConfig({ DATA_DIR: created.options.dataDir })));
      for (let start = 0; start < SIZE; start += 5_000) {
        const records = Array.from({ length: 5_000 }, (_, offset) => ({
          kind: 'entry' as const,
          hash: recordHash(start + offset),
        }));
        root = (await database.transaction((tx) => log.append(tx, records))).checkpoint.rootHash;
      }
    }, 120_000);
    afterAll(async () => {
      await database?.close();
      await cleanup?.();
    });

    it('assembles a verifying inclusion proof for each of 500 leaves needing over 280 inner nodes', async () => {
      const indexes = Array.from({ length: 500 }, (_, position) => position * 40);
      const proofs = await new LogProofs(database.db, SIZE).inclusionProofs(indexes);
      const failing = indexes.filter((index) => {
        const proof = (proofs.get(index) ?? []).map(fromBase64url);
        const leafHash = hashLeaf(leafInput('entry', recordHash(index)));
        return proof.length === 0 || !checkInclusion(index, SIZE, leafHash, proof, root).ok;
      });
      expect(failing).toEqual([]);
    });
  });
}
