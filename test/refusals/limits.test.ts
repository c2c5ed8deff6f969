import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { streamingHeaders } from '../../client/sdk/raw-http';
import { challenges } from '../../db/schema/index';
import { digestBesidesAttempts } from '../helpers/db-digest';
import { generousCeremonyLimits } from '../helpers/log-capture';
import { rawExchange } from '../helpers/raw-exchange';
import { enrolMember } from '../helpers/sdk-entries';
import { enrolBootstrapAdmin } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';

const MIB = 1024 * 1024;
const portOf = (server: TestServer) => Number(new URL(server.url).port);

const postJson = (server: TestServer, path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { origin: server.origin, 'content-type': 'application/json', ...headers },
    body,
  });

const expectProblemReply = async (reply: Response, status: number, type: string) => {
  expect(reply.status).toBe(status);
  expect(reply.headers.get('content-type')).toContain('application/problem+json');
  expect(((await reply.json()) as { type: string }).type).toBe(type);
};

describe('ceremony limits: small bodies, counted before parsing, keyed on the client behind a trusted proxy', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { TRUST_PROXY: 'loopback', CEREMONY_GLOBAL_PER_MINUTE: '70' } });
  });
  afterAll(async () => server?.shutdown());

  it('refuses a ceremony body over 64 KiB with 413 before parsing it', async () => {
    const before = await digestBesidesAttempts(server.database);
    const body = JSON.stringify({ token: 'A'.repeat(43), padding: 'x'.repeat(100_000) });
    await expectProblemReply(
      await postJson(server, '/api/enrolment/options', body, { 'x-forwarded-for': '198.51.100.1' }),
      413,
      '/problems/payload-too-large',
    );
    expect(await digestBesidesAttempts(server.database)).toEqual(before);
  });

  it('counts bodies that fail to parse: the 31st attempt from one client is 429, and no challenge was issued', async () => {
    const client = { 'x-forwarded-for': '198.51.100.2' };
    const issued = (await server.database.db.select().from(challenges)).length;
    for (let attempt = 0; attempt < 30; attempt += 1) {
      expect((await postJson(server, '/api/enrolment/options', '{"token": [', client)).status).toBe(400);
    }
    const refused = await postJson(server, '/api/enrolment/options', '{"token": [', client);
    await expectProblemReply(refused, 429, '/problems/rate-limited');
    // Another client behind the same proxy is not locked out.
    expect((await postJson(server, '/api/session/options', '', { 'x-forwarded-for': '198.51.100.3' })).status).toBe(
      200,
    );
    expect((await server.database.db.select().from(challenges)).length).toBe(issued + 1);
  });

  it('keys an IPv6 client by its /64: two addresses of one /64 share a budget', async () => {
    for (let attempt = 0; attempt < 30; attempt += 1) {
      const address = `2001:db8:7:7::${(attempt % 2) + 1}`;
      expect((await postJson(server, '/api/session/options', '', { 'x-forwarded-for': address })).status).toBe(200);
    }
    const refused = await postJson(server, '/api/session/options', '', { 'x-forwarded-for': '2001:db8:7:7::99' });
    expect(refused.status).toBe(429);
    expect((await postJson(server, '/api/session/options', '', { 'x-forwarded-for': '2001:db8:7:8::1' })).status).toBe(
      200,
    );
  });

  it('has a global bucket: many clients together are limited too', async () => {
    const statuses: number[] = [];
    for (let client = 0; client < 20; client += 1) {
      const reply = await postJson(server, '/api/session/options', '', { 'x-forwarded-for': `192.0.2.${client + 1}` });
      statuses.push(reply.status);
    }
    // 70 per minute for everyone: the earlier tests spent 64 of them.
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(10);
  });
});

describe('without TRUST_PROXY, X-Forwarded-For is ignored: one socket address, one budget', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.shutdown());

  it('a client cannot dodge the limit by inventing forwarded addresses', async () => {
    for (let attempt = 0; attempt < 30; attempt += 1) {
      await postJson(server, '/api/session/options', '', { 'x-forwarded-for': `203.0.113.${attempt}` });
    }
    const refused = await postJson(server, '/api/session/options', '', { 'x-forwarded-for': '203.0.113.200' });
    expect(refused.status).toBe(429);
  });

  it('answers /api with Cache-Control: no-store (the session reply carries the anti-forgery token)', async () => {
    for (const path of ['/api/health', '/api/session', '/api/nothing-here']) {
      expect((await fetch(`${server.url}${path}`)).headers.get('cache-control')).toBe('no-store');
    }
  });

  it('answers a refused 10 MiB upload with its problem before closing, not with a reset', async () => {
    const body = randomBytes(10 * MIB);
    const head =
      'PUT /api/attachments HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n' +
      `Origin: ${server.origin}\r\nContent-Length: ${body.length}\r\n\r\n`;
    const reply = await rawExchange(portOf(server), Buffer.concat([Buffer.from(head), body]));
    expect(reply.status).toBe(401);
    if (reply.status !== undefined) {
      expect(reply.headers['content-type']).toContain('application/problem+json');
      expect(reply.headers['connection']).toBe('close');
      expect(JSON.parse(reply.body)).toMatchObject({ type: '/problems/unauthenticated' });
    }
  });

  it('answers a client that sends its headers too slowly with 408 problem+json', {
    timeout: 60_000,
  }, async () => {
    const slow = await startTestServer({ env: { HEADERS_TIMEOUT_S: '1', REQUEST_TIMEOUT_S: '2' } });
    try {
      const reply = await rawExchange(portOf(slow), 'GET /api/health HTTP/1.1\r\nHost: x\r\n', 20_000);
      expect(reply.status).toBe(408);
      if (reply.status !== undefined) {
        expect(reply.headers['content-type']).toContain('application/problem+json');
        expect(JSON.parse(reply.body)).toMatchObject({ type: '/problems/request-timeout' });
      }
    } finally {
      await slow.shutdown();
    }
  });
});

describe('attachment quota and upload rate', () => {
  let server: TestServer;
  let staff: ParleyPerson;
  beforeAll(async () => {
    server = await startTestServer({
      limits: generousCeremonyLimits(),
      env: { ATTACHMENT_QUOTA_MB: '1', ATTACHMENT_UPLOADS_PER_HOUR: '3' },
    });
    const { admin, partyId } = await enrolBootstrapAdmin(server, 'Office', 'Ada Admin');
    staff = await enrolMember(server, admin, { partyId, role: 'staff', name: 'Sam Staff' });
  });
  afterAll(async () => server?.shutdown());

  const upload = (bytes: number) =>
    fetch(`${server.url}/api/attachments`, {
      method: 'PUT',
      headers: streamingHeaders(staff.http, staff.currentSession, true, { 'content-type': 'application/octet-stream' }),
      body: randomBytes(bytes),
    });

  it('refuses an upload past the per-person quota with 413 quota-exceeded, storing nothing', async () => {
    expect((await upload(600 * 1024)).status).toBe(201);
    const before = await digestBesidesAttempts(server.database);
    await expectProblemReply(await upload(600 * 1024), 413, '/problems/quota-exceeded');
    expect(await digestBesidesAttempts(server.database)).toEqual(before);
  });

  it('refuses uploads past the hourly rate with 429 and Retry-After', async () => {
    expect((await upload(1024)).status).toBe(201); // the third of three this hour
    const refused = await upload(1024);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    await expectProblemReply(refused, 429, '/problems/rate-limited');
  });
});
