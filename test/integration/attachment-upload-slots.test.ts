import { request } from 'node:http';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { streamingHeaders } from '../../client/sdk/raw-http';
import { selectRows } from '../../db/client';
import { driversUnderTest } from '../helpers/databases';
import { generousCeremonyLimits } from '../helpers/log-capture';
import { enrolMember } from '../helpers/sdk-entries';
import { enrolBootstrapAdmin } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';

const postgres = driversUnderTest().find((driver) => driver.name === 'postgres');

/** An upload whose body starts and then stalls until `finish` sends the rest. */
const stalledUpload = (server: TestServer, headers: Record<string, string>) => {
  const url = new URL(`${server.url}/api/attachments`);
  const sent = request(url, { method: 'PUT', headers: { ...headers, 'content-type': 'application/octet-stream' } });
  const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
    sent.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (text: string) => {
        body += text;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    sent.on('error', reject);
  });
  sent.write(Buffer.alloc(64 * 1024, 1));
  return { answered, finish: () => sent.end(Buffer.alloc(64 * 1024, 2)) };
};

describe.skipIf(!postgres)('uploads holding PostgreSQL connections', () => {
  let server: TestServer;
  let cleanup: (() => Promise<void>) | undefined;
  let staff: ParleyPerson;

  beforeAll(async () => {
    const created = await (postgres as NonNullable<typeof postgres>).create();
    cleanup = created.cleanup;
    server = await startTestServer({ ...created.options, limits: generousCeremonyLimits() });
    const { admin, partyId } = await enrolBootstrapAdmin(server, 'Office', 'Ada Admin');
    staff = await enrolMember(server, admin, { partyId, role: 'staff', name: 'Sam Staff' });
  });
  afterAll(async () => {
    await server?.shutdown();
    await cleanup?.();
  });

  const headers = () => streamingHeaders(staff.http, staff.currentSession, true, {});
  const stored = async () =>
    (await selectRows<{ n: number }>(server.database.db, sql`select count(*)::int as n from attachments`))[0]?.n;

  it('refuses an upload beyond its slots with 429 and Retry-After, while the rest of the server answers', async () => {
    const before = await stored();
    const slow = [stalledUpload(server, headers()), stalledUpload(server, headers())];
    // Both slow uploads hold their connection once their first bytes are being written.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const refused = await fetch(`${server.url}/api/attachments`, {
      method: 'PUT',
      headers: { ...headers(), 'content-type': 'application/octet-stream' },
      body: new Uint8Array(1024),
    });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(((await refused.json()) as { type: string }).type).toBe('/problems/rate-limited');
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect(await stored()).toBe(before);
    for (const upload of slow) {
      upload.finish();
    }
    expect((await Promise.all(slow.map((upload) => upload.answered))).map((answer) => answer.status)).toEqual([
      201, 201,
    ]);
    expect(await stored()).toBe((before ?? 0) + 2);
    const later = await fetch(`${server.url}/api/attachments`, {
      method: 'PUT',
      headers: { ...headers(), 'content-type': 'application/octet-stream' },
      body: new Uint8Array(1024),
    });
    expect(later.status).toBe(201);
  });
});
