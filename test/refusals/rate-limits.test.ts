import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { challenges } from '../../db/schema/index';
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
});
