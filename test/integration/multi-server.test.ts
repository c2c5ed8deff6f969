import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntryNotice } from '../../client/sdk/entry-events';
import { ParleyPerson } from '../../client/sdk/parley-person';
import { logRoutes } from '../../shared/api/log';
import { drawCaseCode } from '../../shared/crypto/draw-case-code';
import { driversUnderTest } from '../helpers/databases';
import { generousCeremonyLimits } from '../helpers/log-capture';
import { childRecord, meetingMinutes } from '../helpers/sdk-entries';
import { enrolBootstrapAdmin } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';

const WRITERS = 8;
const TURNS = 6;
/** Issue 15, Must show 1: a notice reaches the other server's live client within this long. */
const HEARD_WITHIN_MS = 2_000;

const postgres = driversUnderTest().find((driver) => driver.name === 'postgres');
if (!postgres) {
  console.warn('SKIPPED: the multi-server tests need PostgreSQL (DATABASE_URL), which several servers share');
}

describe.skipIf(!postgres)('two Parley servers on one PostgreSQL (issue 15, Must show 1)', () => {
  let database: Awaited<ReturnType<NonNullable<typeof postgres>['create']>>;
  let servers: TestServer[];
  let writers: ParleyPerson[];
  let partyId: string;
  const logSigningKey = randomBytes(32).toString('base64url');

  beforeAll(async () => {
    database = await (postgres as NonNullable<typeof postgres>).create();
    const first = await startTestServer({
      databaseUrl: database.options.databaseUrl,
      env: { LOG_SIGNING_KEY: logSigningKey },
      limits: generousCeremonyLimits(),
    });
    // Behind a load balancer both answer on one public origin; here, the first server's.
    const second = await startTestServer({
      databaseUrl: database.options.databaseUrl,
      env: { LOG_SIGNING_KEY: logSigningKey, PUBLIC_ORIGIN: first.origin },
      limits: generousCeremonyLimits(),
    });
    servers = [first, second];
    const bootstrapped = await enrolBootstrapAdmin(first, 'Office of the Ombudsperson', 'Ada Admin');
    partyId = bootstrapped.partyId;
    writers = [];
    for (let index = 0; index < WRITERS; index += 1) {
      // Half enrol and write through each server; sessions live in the database, so either works.
      const server = servers[index % 2] as TestServer;
      const link = await bootstrapped.admin.invite({ partyId, role: 'staff', name: `Writer ${index}` });
      const person = await ParleyPerson.enrol(server.url, link, { origin: first.origin });
      await bootstrapped.admin.endorse(person.personId);
      writers.push(person);
    }
  }, 240_000);

  afterAll(async () => {
    for (const server of servers ?? []) {
      await server.shutdown();
    }
    await database?.cleanup();
  });

  it('a live client of server 1 hears, within 2 s, an entry written through server 2', async () => {
    const [listener, author] = [writers[0] as ParleyPerson, writers[1] as ParleyPerson];
    const { streamId } = await author.openCase({
      reference: drawCaseCode(),
      parties: [partyId],
      record: childRecord('Olha'),
    });
    const heard: { notice: EntryNotice; at: number }[] = [];
    const stop = listener.events((notice) => heard.push({ notice, at: Date.now() }));
    await stop.ready;
    try {
      const { entryHash } = await author.append(streamId, {
        type: 'minutes',
        content: meetingMinutes('through server 2'),
      });
      const acknowledgedAt = Date.now();
      for (let waited = 0; waited < 50 && !heard.some((h) => h.notice.entryHash === entryHash); waited += 1) {
        await sleep(100);
      }
      const notice = heard.find((h) => h.notice.entryHash === entryHash);
      expect(notice, 'the notice never reached server 1').toBeDefined();
      expect((notice?.at ?? Number.POSITIVE_INFINITY) - acknowledgedAt).toBeLessThanOrEqual(HEARD_WITHIN_MS);
      // Where, not what: the notice carries no content.
      expect(Object.keys(notice?.notice ?? {}).sort()).toEqual(['entryHash', 'leafIndex', 'seq', 'streamId']);
    } finally {
      stop();
    }
  });

  it('8 writers spread over both servers keep every chain continuous and lose nothing acknowledged', {
    timeout: 240_000,
  }, async () => {
    const caseIds: string[] = [];
    for (const reference of [drawCaseCode(), drawCaseCode()]) {
      const opened = await (writers[2] as ParleyPerson).openCase({
        reference,
        parties: [partyId],
        record: childRecord('Ivan'),
      });
      caseIds.push(opened.streamId);
    }
    const acknowledged = new Map<string, string>();
    await Promise.all(
      writers.map(async (person, writer) => {
        for (let turn = 0; turn < TURNS; turn += 1) {
          const streamId = caseIds[(writer + turn) % caseIds.length] as string;
          const { entryHash } = await person.append(
            streamId,
            { type: 'minutes', content: meetingMinutes(`Writer ${writer}, turn ${turn}`) },
            { maxAttempts: 100 },
          );
          acknowledged.set(entryHash, streamId);
        }
      }),
    );
    expect(acknowledged.size).toBe(WRITERS * TURNS);
    for (const streamId of caseIds) {
      // Read through the other server than the one most writers used: the same log either way.
      const entries = await (writers[3] as ParleyPerson).readStream(streamId);
      expect(entries.map((entry) => entry.header.seq)).toEqual(entries.map((_entry, index) => index + 1));
      entries.slice(1).forEach((entry, index) => {
        expect(entry.header.prevHash).toBe((entries[index] as { entryHash: string }).entryHash);
      });
      expect(entries.every((entry) => entry.verified.chain && entry.verified.inclusion)).toBe(true);
      const stored = new Set(entries.map((entry) => entry.entryHash));
      const mine = [...acknowledged].filter(([, stream]) => stream === streamId).map(([hash]) => hash);
      expect(mine.filter((hash) => !stored.has(hash))).toEqual([]);
    }
    const fsck = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/audit.ts', 'fsck'], {
      env: {
        PATH: process.env['PATH'] ?? '',
        DATABASE_URL: database.options.databaseUrl ?? '',
        DATA_DIR: database.options.dataDir,
        LOG_SIGNING_KEY: logSigningKey,
        LOG_LEVEL: 'silent',
      },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(fsck.status, fsck.stderr).toBe(0);
    expect(fsck.stdout).toContain('OK: every leaf, node, checkpoint root, signature and chain link verifies.');
  });

  it('refuses to start a third server whose log key did not sign the log, and leaves the log as it was', async () => {
    const before = await (writers[0] as ParleyPerson).api(logRoutes.latestCheckpoint);
    await expect(
      startTestServer({
        databaseUrl: database.options.databaseUrl,
        env: { LOG_SIGNING_KEY: randomBytes(32).toString('base64url') },
      }),
    ).rejects.toThrow(/signed by another key or origin.*LOG_SIGNING_KEY/);
    const after = await (writers[0] as ParleyPerson).api(logRoutes.latestCheckpoint);
    expect(after).toEqual(before);
  });
});
