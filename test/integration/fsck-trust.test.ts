import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { checkpoints, keyStatements, logLeaves, logNodes } from '../../db/schema/index';
import { fsck } from '../../server/audit/fsck';
import { readLegacyBefore } from '../../server/services/deployment-trust';
import {
  SAMPLE_ORIGIN,
  SampleAuditLog,
  sampleKeys,
  samplePerson,
  sampleVerifierKey,
} from '../../shared/audit/sample-audit-log';
import { SAMPLE_IDS, sampleCast, writeSampleDirectory } from '../../shared/audit/sample-bundle';
import { PARTY_3 } from '../../shared/audit/sample-trust-bundles';
import { keyStatementHash } from '../../shared/crypto/key-statement';
import { initCrypto } from '../../shared/crypto/sodium';
import { fromBase64url } from '../../shared/encoding/bytes';
import { hashLeaf } from '../../shared/log/merkle';
import { nodesCompletedByAppend } from '../../shared/log/proof-plan';
import { driversUnderTest } from '../helpers/databases';

/** The key statements of a sample log, its leaves, nodes and checkpoints, stored as the server stores them. */
const storeLog = async ({ db }: Database, log: SampleAuditLog, notes: readonly string[] = log.checkpoints) => {
  await db.insert(logLeaves).values(
    log.leafInputs.map((input, index) => ({
      index,
      kind: input[1] ?? 0,
      recordHash: input.slice(2),
      leafHash: hashLeaf(input),
    })),
  );
  const nodes = log.leafInputs.flatMap((_, index) =>
    nodesCompletedByAppend(index).map((node) => ({ ...node, hash: log.tree.node(node) })),
  );
  if (nodes.length > 0) {
    await db.insert(logNodes).values(nodes);
  }
  await db.insert(keyStatements).values(
    log.statements.map(({ leafIndex, signed }) => ({
      position: leafIndex,
      hash: fromBase64url(keyStatementHash(signed)),
      personId: signed.statement.person,
      seq: signed.statement.seq,
      kind: signed.statement.kind,
      keyId: signed.statement.keyId,
      signed,
    })),
  );
  await db.insert(checkpoints).values(
    notes.map((note) => {
      const [, size = '', root = ''] = note.split('\n');
      return { treeSize: Number(size), rootHash: Uint8Array.from(Buffer.from(root, 'base64')), note };
    }),
  );
};

const logKey = { origin: SAMPLE_ORIGIN, verifierKey: '' };

for (const driver of driversUnderTest()) {
  describe(`fsck and the trust rules on ${driver.name}`, () => {
    let database: Database;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      await initCrypto();
      logKey.verifierKey = sampleVerifierKey();
      const created = await driver.create();
      cleanup = created.cleanup;
      database = await openDatabase(created.options);
      await migrateDatabase(database);
    });
    afterEach(async () => {
      // The log tables refuse DELETE and TRUNCATE by design: each test gets the tables afresh.
      await setLegacyBefore(0);
      for (const table of ['checkpoints', 'log_nodes', 'log_leaves', 'key_statements']) {
        await database.db.execute(sql.raw(`alter table ${table} disable trigger user`));
        await database.db.execute(sql.raw(`delete from ${table}`));
        await database.db.execute(sql.raw(`alter table ${table} enable trigger user`));
      }
    });
    /** What an upgrade's migration writes once; the table refuses changes, so the test lifts that. */
    const setLegacyBefore = async (value: number) => {
      await database.db.execute(sql.raw('alter table deployment_trust disable trigger user'));
      await database.db.execute(sql.raw(`update deployment_trust set legacy_before = ${value}`));
      await database.db.execute(sql.raw('alter table deployment_trust enable trigger user'));
    };
    afterAll(async () => {
      await database?.close();
      await cleanup?.();
    });

    it('finds nothing wrong in a log of party roots whose checkpoints count its key statements', async () => {
      const log = new SampleAuditLog();
      const cast = sampleCast();
      writeSampleDirectory(log, cast);
      log.checkpoint();
      log.rotate(cast.envoy1, sampleKeys('envoy 1 rotated'));
      log.checkpoint();
      await storeLog(database, log);
      const report = await fsck(database.db, logKey);
      expect(report).toMatchObject({ leaves: 6, statements: 6, checkpoints: 2, legacyBefore: 0, failures: [] });
    });

    it('names a stored checkpoint whose key-statements count is not the number of statement leaves', async () => {
      const log = new SampleAuditLog();
      writeSampleDirectory(log, sampleCast());
      log.checkpoint();
      const [note = ''] = log.checkpoints;
      const miscounted = note.replace(/\nkey-statements 5\n/, '\nkey-statements 4\n');
      expect(miscounted).not.toBe(note);
      await storeLog(database, log, [miscounted]);
      const report = await fsck(database.db, logKey);
      expect(report.failures).toEqual(
        expect.arrayContaining([
          { subject: 'checkpoint 5', reason: 'counts 4 key statements, but the stored leaves at that size hold 5' },
        ]),
      );
    });

    it('re-verifies an upgraded deployment with its stored legacy boundary, and with none refuses its history', async () => {
      // Before party roots, party 1's admin enrolled everyone, into every party.
      const log = new SampleAuditLog();
      const admin1 = samplePerson('admin', SAMPLE_IDS.party1, 'admin');
      const envoy2 = samplePerson('envoy 2', SAMPLE_IDS.party2, 'envoy');
      log.bootstrap(admin1);
      log.enrol(samplePerson('envoy 1', SAMPLE_IDS.party1, 'envoy'), admin1);
      log.enrol(envoy2, admin1);
      log.enrol(samplePerson('envoy 3', PARTY_3, 'envoy'), admin1);
      log.checkpoint({ counted: false });
      const boundary = log.tree.size;
      // Since: party 2 gets its own root, who endorses its envoy.
      const admin2 = samplePerson('admin 2', SAMPLE_IDS.party2, 'admin');
      log.bootstrap(admin2);
      log.publish(log.statementAbout(envoy2, { kind: 'endorse', authority: admin2.id }), [admin2]);
      log.checkpoint();
      await storeLog(database, log);
      expect(await readLegacyBefore(database.db)).toBe(0);
      const strict = await fsck(database.db, logKey);
      expect(strict.failures.map((failure) => failure.reason)).toEqual([
        `party ${SAMPLE_IDS.party2} has no root yet: its first admin must be bootstrapped from the command line`,
        `party ${PARTY_3} has no root yet: its first admin must be bootstrapped from the command line`,
        `person ${envoy2.id} is not enrolled`,
      ]);
      await setLegacyBefore(boundary);
      expect(await readLegacyBefore(database.db)).toBe(boundary);
      expect(await fsck(database.db, logKey)).toMatchObject({ legacyBefore: boundary, failures: [] });
    });
  });
}
