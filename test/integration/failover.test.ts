import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendUntilAnswered } from '../../client/core/resend-entry';
import { ParleyPerson } from '../../client/sdk/parley-person';
import { ApiProblem } from '../../shared/api/client';
import { drawCaseCode } from '../../shared/crypto/draw-case-code';
import { type AutoFailoverCluster, autoFailoverUnavailable, startAutoFailover } from '../helpers/auto-failover';
import { writeFailoverReport } from '../helpers/failover-report';
import { type LoadBalancer, startLoadBalancer } from '../helpers/haproxy';
import { generousCeremonyLimits } from '../helpers/log-capture';
import { freePort } from '../helpers/ports';
import { bootstrapAdminInvitation } from '../helpers/sdk-bootstrap';
import { childRecord, meetingMinutes } from '../helpers/sdk-entries';
import { startTestServer, type TestServer } from '../helpers/test-server';

const WRITERS = 8;
/** Issue 15, Must show 2: writes resume within this long of the primary's loss. */
const RECOVERY_BOUND_MS = 30_000;

/** HAProxy's own 503 (no server passes its health check) carries no problem type. */
const failureKind = (error: unknown): string =>
  !(error instanceof ApiProblem)
    ? String(error).slice(0, 80)
    : error.problem.type === 'about:blank'
      ? `${error.problem.status} from HAProxy (no healthy server)`
      : `${error.problem.status} ${error.problem.type}`;

const unavailable = autoFailoverUnavailable();
if (unavailable) {
  console.warn(`SKIPPED: the failover test needs pg_auto_failover and HAProxy, but ${unavailable}`);
}

describe.skipIf(unavailable !== undefined)('failover under 8 writers (issue 15, Must show 2)', () => {
  let cluster: AutoFailoverCluster;
  let servers: TestServer[] = [];
  let balancer: LoadBalancer;
  let writers: ParleyPerson[];
  let caseIds: string[];
  const logSigningKey = randomBytes(32).toString('base64url');

  beforeAll(async () => {
    cluster = await startAutoFailover();
    const balancerPort = await freePort();
    const origin = `http://localhost:${balancerPort}`;
    for (let index = 0; index < 2; index += 1) {
      servers.push(
        await startTestServer({
          databaseUrl: cluster.url,
          env: { LOG_SIGNING_KEY: logSigningKey, PUBLIC_ORIGIN: origin },
          limits: generousCeremonyLimits(),
        }),
      );
    }
    balancer = await startLoadBalancer(
      servers.map((server) => server.url),
      balancerPort,
    );
    const { link, partyId } = await bootstrapAdminInvitation(
      servers[0] as TestServer,
      'Office of the Ombudsperson',
      'Ada',
    );
    const admin = await ParleyPerson.enrol(balancer.url, link, { origin });
    writers = [];
    for (let index = 0; index < WRITERS; index += 1) {
      const invitation = await admin.invite({ partyId, role: 'staff', name: `Writer ${index}` });
      const person = await ParleyPerson.enrol(balancer.url, invitation, { origin });
      await admin.endorse(person.personId);
      writers.push(person);
    }
    caseIds = [];
    for (const reference of [drawCaseCode(), drawCaseCode()]) {
      caseIds.push(
        (await (writers[0] as ParleyPerson).openCase({ reference, parties: [partyId], record: childRecord('Mykola') }))
          .streamId,
      );
    }
  }, 600_000);

  afterAll(async () => {
    await balancer?.stop();
    for (const server of servers) {
      await server.shutdown();
    }
    servers = [];
    cluster?.destroy();
  });

  it('kill -9 of the primary: writes resume within 30 s, nothing acknowledged is lost, fsck is clean', {
    timeout: 300_000,
  }, async () => {
    const synchronousStandbyNames = await cluster.synchronousStandbyNames();
    expect(synchronousStandbyNames).not.toBe('');
    /** Each acknowledged append: when its call started and when its receipt came. */
    const acknowledged = new Map<string, { streamId: string; startedAt: number; at: number }>();
    const failedByKind: Record<string, number> = {};
    const resentByKind: Record<string, number> = {};
    let done = false;
    const writing = Promise.all(
      writers.map(async (person, writer) => {
        for (let turn = 0; !done; turn += 1) {
          const streamId = caseIds[writer % caseIds.length] as string;
          const startedAt = Date.now();
          try {
            const { entryHash } = await person.append(
              streamId,
              { type: 'minutes', content: meetingMinutes(`Writer ${writer}, turn ${turn}`) },
              {
                maxAttempts: 50,
                onResend: (_send, error) => {
                  const kind = failureKind(error);
                  resentByKind[kind] = (resentByKind[kind] ?? 0) + 1;
                },
              },
            );
            acknowledged.set(entryHash, { streamId, startedAt, at: Date.now() });
          } catch (error) {
            const kind = failureKind(error);
            failedByKind[kind] = (failedByKind[kind] ?? 0) + 1;
            await sleep(200);
          }
        }
      }),
    );
    await sleep(8_000);
    const acknowledgedBeforeKill = acknowledged.size;
    const killedAt = Date.now();
    const killed = await cluster.killPrimary();
    const gone = Date.now();
    let promotedAfterMs: number | null = null;
    let timeToRecoverMs = Number.POSITIVE_INFINITY;
    while (
      Date.now() - killedAt < 90_000 &&
      (promotedAfterMs === null || timeToRecoverMs === Number.POSITIVE_INFINITY)
    ) {
      if (promotedAfterMs === null && (await cluster.primaryIndex().catch(() => undefined)) === 1 - killed) {
        promotedAfterMs = Date.now() - killedAt;
      }
      // Writes have resumed once an append begun after the kill is acknowledged: a receipt that
      // arrives just after the kill for an append sent before it says nothing about recovery.
      const resumed = [...acknowledged.values()].filter((entry) => entry.startedAt > gone).map((entry) => entry.at);
      if (resumed.length > 0) {
        timeToRecoverMs = Math.min(...resumed) - killedAt;
      }
      await sleep(100);
    }
    await sleep(3_000);
    done = true;
    await writing;

    const stored = new Set<string>();
    let readsRepeated = 0;
    for (const streamId of caseIds) {
      // A read may be repeated freely: while HAProxy still counts both servers down it answers 503.
      const entries = await sendUntilAnswered(
        () => (writers[1] as ParleyPerson).readStream(streamId),
        sleep,
        20,
        () => {
          readsRepeated += 1;
        },
      );
      expect(entries.map((entry) => entry.header.seq)).toEqual(entries.map((_entry, index) => index + 1));
      for (const entry of entries) {
        stored.add(entry.entryHash);
      }
    }
    const lost = [...acknowledged.keys()].filter((hash) => !stored.has(hash));
    const fsck = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/audit.ts', 'fsck'], {
      env: {
        PATH: process.env['PATH'] ?? '',
        DATABASE_URL: cluster.nodeUrl(1 - killed),
        LOG_SIGNING_KEY: logSigningKey,
        LOG_ORIGIN: servers[0]?.config.logOrigin ?? '',
        LOG_LEVEL: 'silent',
      },
      encoding: 'utf8',
      timeout: 120_000,
    });
    const fsckClean =
      fsck.status === 0 &&
      fsck.stdout.includes('OK: every leaf, node, checkpoint root, signature and chain link verifies.');
    const result = {
      date: new Date().toISOString(),
      writers: WRITERS,
      synchronousStandbyNames,
      acknowledgedBeforeKill,
      acknowledged: acknowledged.size,
      acknowledgedLost: lost.length,
      failedRequests: Object.values(failedByKind).reduce((sum, count) => sum + count, 0),
      failedByKind,
      resentByKind,
      readsRepeated,
      promotedAfterMs,
      timeToRecoverMs,
      fsckClean,
    };
    writeFailoverReport(result);
    process.stdout.write(`failover: ${JSON.stringify(result)}\n`);

    expect(acknowledgedBeforeKill).toBeGreaterThan(0);
    expect(acknowledged.size).toBeGreaterThan(acknowledgedBeforeKill);
    expect(promotedAfterMs).not.toBeNull();
    expect(timeToRecoverMs).toBeLessThanOrEqual(RECOVERY_BOUND_MS);
    expect(lost).toEqual([]);
    expect(fsck.status, fsck.stderr).toBe(0);
    expect(fsckClean).toBe(true);
  });
});
