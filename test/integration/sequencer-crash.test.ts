import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { selectRows } from '../../db/client';
import { drawCaseCode } from '../../shared/crypto/draw-case-code';
import { type DriverUnderTest, driversUnderTest } from '../helpers/databases';
import { freePort } from '../helpers/ports';
import { childRecord, enrolMember, meetingMinutes } from '../helpers/sdk-entries';
import { enrolBootstrapAdmin } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';

const WRITERS = 8;
/** Acknowledgements to wait for before the kill: enough that batches have formed. */
const ACKS_BEFORE_KILL = 40;

type Options = { dataDir: string; databaseUrl?: string };

const serveInChild = async (options: Options, port: number): Promise<ChildProcess> => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/helpers/serve-until-killed.ts', JSON.stringify({ ...options, port })],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('READY')) {
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code} before it was ready`)));
  });
  return child;
};

const crashSuite = (driver: DriverUnderTest) =>
  describe(`kill -9 during batched appends on ${driver.name}`, () => {
    let options: Options;
    let cleanup: (() => Promise<void>) | undefined;
    let port: number;
    let writers: ParleyPerson[];
    let streamOf: string[];
    let server: TestServer | undefined;

    beforeAll(async () => {
      const created = await driver.create();
      cleanup = created.cleanup;
      options = created.options as Options;
      port = await freePort();
      const setup = await startTestServer({ ...options, port });
      const { admin, partyId } = await enrolBootstrapAdmin(setup, 'Office of the Commissioner', 'Ada Admin');
      writers = [];
      for (let index = 0; index < WRITERS; index += 1) {
        writers.push(await enrolMember(setup, admin, { partyId, role: 'staff', name: `Writer ${index}` }));
      }
      // Half the writers have a case each; the other half race for the head of one shared case.
      const shared = await (writers[0] as ParleyPerson).openCase({
        reference: drawCaseCode(),
        parties: [partyId],
        record: childRecord('Olena'),
      });
      streamOf = [];
      for (let index = 0; index < WRITERS; index += 1) {
        const own = index < WRITERS / 2;
        streamOf.push(
          own
            ? (
                await (writers[index] as ParleyPerson).openCase({
                  reference: drawCaseCode(),
                  parties: [partyId],
                  record: childRecord(`Child ${index}`),
                })
              ).streamId
            : shared.streamId,
        );
      }
      await setup.shutdown();
    }, 300_000);
    afterAll(async () => {
      await server?.shutdown();
      await cleanup?.();
    });

    it('loses no acknowledged entry, and the log and every stream verify after the restart', {
      timeout: 300_000,
    }, async () => {
      const child = await serveInChild(options, port);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      const acknowledged: { writer: number; entryHash: string; leafIndex: number }[] = [];
      let killed = false;
      let refusedAfterKill = 0;
      await Promise.all(
        writers.map(async (writer, index) => {
          for (let turn = 0; !killed; turn += 1) {
            try {
              const { entryHash, leafIndex } = await writer.append(
                streamOf[index] as string,
                { type: 'minutes', content: meetingMinutes(`Call ${index}.${turn}`) },
                { maxAttempts: 1_000 },
              );
              acknowledged.push({ writer: index, entryHash, leafIndex });
              if (acknowledged.length >= ACKS_BEFORE_KILL && !killed) {
                killed = true;
                child.kill('SIGKILL');
              }
            } catch (error) {
              if (!killed) {
                throw error;
              }
              refusedAfterKill += 1;
            }
          }
        }),
      );
      await exited;
      // The other writers had appends in flight when the process died: those were never acknowledged.
      expect(refusedAfterKill).toBeGreaterThan(0);

      server = await startTestServer({ ...options, port });
      const checkpoints = await selectRows<{ treeSize: number; previous: number | null }>(
        server.database.db,
        sql`select tree_size as "treeSize", lag(tree_size) over (order by tree_size) as previous from checkpoints`,
      );
      const batched = checkpoints.filter((row) => row.previous !== null && row.treeSize - row.previous > 1);
      expect(batched.length, 'some checkpoint covers more than one new leaf: the appends were batched').toBeGreaterThan(
        0,
      );

      for (const stream of new Set(streamOf)) {
        const reader = writers[streamOf.indexOf(stream)] as ParleyPerson;
        const read = await reader.readStream(stream);
        const stored = new Map(read.map((entry) => [entry.entryHash, entry]));
        for (const ack of acknowledged.filter((candidate) => streamOf[candidate.writer] === stream)) {
          expect(stored.has(ack.entryHash), `acknowledged entry ${ack.entryHash} survived`).toBe(true);
        }
      }
      // The log goes on after the crash, from where it stood.
      const after = await (writers[0] as ParleyPerson).append(streamOf[0] as string, {
        type: 'minutes',
        content: meetingMinutes('After the crash'),
      });
      expect(after.leafIndex).toBeGreaterThan(Math.max(...acknowledged.map((ack) => ack.leafIndex)));
      await server.shutdown();
      server = undefined;

      const fsck = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/audit.ts', 'fsck'], {
        env: {
          PATH: process.env['PATH'] ?? '',
          DATA_DIR: options.dataDir,
          ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
          LOG_LEVEL: 'silent',
        },
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(fsck.status, fsck.stderr).toBe(0);
      expect(fsck.stdout).toContain('OK: every leaf, node, checkpoint root, signature and chain link verifies.');
    });
  });

for (const driver of driversUnderTest()) {
  crashSuite(driver);
}
