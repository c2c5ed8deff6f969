import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { API } from '../../shared/api/index';
import type { RouteContract } from '../../shared/api/route';
import { PartyName } from '../../shared/schemas/identity';
import { databaseDigest } from '../helpers/db-digest';
import { generousCeremonyLimits } from '../helpers/log-capture';
import { rawExchange } from '../helpers/raw-exchange';
import { childRecord, enrolMember } from '../helpers/sdk-entries';
import { enrolBootstrapAdmin, expectProblem } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';

describe('issue 12: bad input that reached a 500 is a 4xx problem and changes nothing', () => {
  let server: TestServer;
  let admin: ParleyPerson;
  let staff: ParleyPerson;
  let partyId: string;

  beforeAll(async () => {
    server = await startTestServer({ limits: generousCeremonyLimits() });
    ({ admin, partyId } = await enrolBootstrapAdmin(server, 'Office of the Commissioner', 'Ada Admin'));
    staff = await enrolMember(server, admin, { partyId, role: 'staff', name: 'Sam Staff' });
  });
  afterAll(async () => server?.shutdown());

  const routesWithParams = (Object.values(API) as RouteContract[]).filter((route) => route.path.includes('/:'));

  it('a malformed percent-escape in any path parameter is a 400 validation problem, anonymous or not', async () => {
    expect(routesWithParams.length).toBeGreaterThanOrEqual(7);
    const port = Number(new URL(server.url).port);
    for (const route of routesWithParams) {
      for (const badEscape of ['%zz', '%', '%E0%A4%A']) {
        const path = route.path.replace(/:[A-Za-z]+/g, badEscape);
        const reply = await rawExchange(
          port,
          `${route.method} ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nOrigin: ${server.origin}\r\n\r\n`,
        );
        expect(reply.status, `${route.method} ${path}`).toBe(400);
        if (reply.status !== undefined) {
          expect(reply.headers['content-type']).toContain('application/problem+json');
          expect(JSON.parse(reply.body)).toMatchObject({ type: '/problems/validation', status: 400 });
        }
      }
    }
  });

  it('U+0000 in a party name, an invitation name or a case reference is refused with a 4xx problem, never a 500', async () => {
    // Parties are started from the command line, which reads the name with this schema.
    expect(PartyName.safeParse('Delegation\u0000B').success).toBe(false);
    const before = await databaseDigest(server.database);
    await expectProblem(admin.invite({ partyId, role: 'staff', name: 'Nul\u0000Person' }), 'validation');
    // Since issue 16 any case reference but a drawn case code is refused before it could reach the database.
    await expectProblem(
      staff.openCase({ reference: 'CASE\u0000NUL', parties: [partyId], record: childRecord('Nil') }),
      'entryInvalid',
    );
    expect(await databaseDigest(server.database)).toEqual(before);
  });

  it('a JSON body nested 200,000 levels deep is a 400 malformed-json problem, not a 500 (found by the fuzz test)', async () => {
    const before = await databaseDigest(server.database);
    const body = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const cookie = staff.http.cookies.header() ?? '';
    const csrf = staff.currentSession?.csrfToken ?? '';
    const reply = await rawExchange(
      Number(new URL(server.url).port),
      `PUT /api/vault HTTP/1.1\r\nHost: x\r\nConnection: close\r\nOrigin: ${server.origin}\r\n` +
        `Cookie: ${cookie}\r\nx-parley-csrf: ${csrf}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${body.length}\r\n\r\n${body}`,
    );
    expect(reply.status).toBe(400);
    expect(JSON.parse('body' in reply ? reply.body : '{}')).toMatchObject({
      type: '/problems/malformed-json',
      status: 400,
    });
    expect(await databaseDigest(server.database)).toEqual(before);
  });
});
