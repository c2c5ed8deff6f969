import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { challenges, rateWindows } from '../../db/schema/index';
import { driversUnderTest } from '../helpers/databases';
import { startTestServer, type TestServer } from '../helpers/test-server';

describe('passkey ceremonies are rate-limited', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.shutdown());

  const post = (path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { origin: server.origin, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('per address: the 31st attempt in a minute gets 429 with Retry-After, and no challenge is issued for it', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 30; attempt++) {
      statuses.push((await post('/api/session/options')).status);
    }
    expect(statuses.every((status) => status === 200)).toBe(true);
    const issued = (await server.database.db.select().from(challenges)).length;
    const refused = await post('/api/session/options');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { type: string }).type).toBe('/problems/rate-limited');
    // Enrolment shares the address budget.
    expect((await post('/api/enrolment/options', { token: 'A'.repeat(43) })).status).toBe(429);
    expect((await server.database.db.select().from(challenges)).length).toBe(issued);
  });

  it('counts in the database without storing who tried: each key is an HMAC, never the address', async () => {
    const windows = await server.database.db.select().from(rateWindows);
    expect(windows.length).toBeGreaterThanOrEqual(2);
    for (const window of windows) {
      expect(window.key).toMatch(/^ceremony:[A-Za-z0-9_-]{43}$/);
      expect(window.key).not.toContain('127.0.0.1');
    }
    // The 31st attempt was refused by the server's own counter, before the shared one.
    expect(Math.max(...windows.map((window) => window.count))).toBe(30);
  });
});

const postgres = driversUnderTest().find((driver) => driver.name === 'postgres');

describe.skipIf(!postgres)('ceremony limits are shared by every server on one PostgreSQL (issue 15)', () => {
  let database: Awaited<ReturnType<NonNullable<typeof postgres>['create']>>;
  let servers: TestServer[] = [];
  beforeAll(async () => {
    database = await (postgres as NonNullable<typeof postgres>).create();
    // Every server of one database has the same log key (docs/DEPLOYMENT.md), and so the same secret.
    const logSigningKey = randomBytes(32).toString('base64url');
    const first = await startTestServer({
      databaseUrl: database.options.databaseUrl,
      env: { LOG_SIGNING_KEY: logSigningKey },
    });
    const second = await startTestServer({
      databaseUrl: database.options.databaseUrl,
      env: { LOG_SIGNING_KEY: logSigningKey, PUBLIC_ORIGIN: first.origin },
    });
    servers = [first, second];
  });
  afterAll(async () => {
    for (const server of servers) {
      await server.shutdown();
    }
    await database?.cleanup();
  });

  it('30 attempts from one address spread over two servers use up the budget on both', async () => {
    const [first, second] = servers as [TestServer, TestServer];
    const post = (server: TestServer) =>
      fetch(`${server.url}/api/session/options`, { method: 'POST', headers: { origin: first.origin } });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 30; attempt++) {
      statuses.push((await post(attempt % 2 === 0 ? first : second)).status);
    }
    expect(statuses.every((status) => status === 200)).toBe(true);
    const issued = (await first.database.db.select().from(challenges)).length;
    for (const server of [first, second]) {
      const refused = await post(server);
      expect(refused.status).toBe(429);
      expect(((await refused.json()) as { type: string }).type).toBe('/problems/rate-limited');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect((await first.database.db.select().from(challenges)).length).toBe(issued);
  });
});
