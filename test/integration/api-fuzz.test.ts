import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { API } from '../../shared/api/index';
import type { RouteContract } from '../../shared/api/route';
import { Problem } from '../../shared/schemas/problem';
import type { Role } from '../../shared/schemas/role';
import { generousCeremonyLimits } from '../helpers/log-capture';
import { type RawExchange, rawExchange } from '../helpers/raw-exchange';
import { childRecord, enrolMember, meetingMinutes } from '../helpers/sdk-entries';
import { enrolBootstrapAdmin, startParty } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';

const RUNS_PER_ROUTE = 12;

/** Path segments a router or a schema may choke on: bad escapes, NUL, traversal, huge, odd Unicode. */
const NASTY_SEGMENTS = [
  '%zz',
  '%',
  '%E0%A4%A',
  '%C0%AF',
  '%00',
  '%ED%A0%80',
  '..',
  '%2e%2e%2f',
  'a'.repeat(8_000),
  '%F0%9F%92%A9',
  '-1',
  '1e309',
];

const segment = fc.oneof(
  fc.constantFrom(...NASTY_SEGMENTS),
  fc.uuid(),
  fc.string({ unit: 'binary', maxLength: 40 }).map(encodeURIComponent),
);

/** Values as a query string carries them, some with bad escapes left raw. */
const queryValue = fc.oneof(
  fc.constantFrom('%zz', '-1', '1e309', 'NaN', '0', '99999999999999999999', '%00', ''),
  fc.string({ unit: 'binary', maxLength: 30 }).map(encodeURIComponent),
);

const schemaKeys = (schema: unknown): string[] => {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
};

/** Bodies that are not what the route wants: wrong types, missing and extra fields, huge, deep, broken. */
const bodyFor = (route: RouteContract) => {
  const keys = schemaKeys(route.body);
  const field = fc.constantFrom(...keys, 'extra', '__proto__', 'constructor');
  const wrongValue = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.constantFrom('!!not base64!!', 'A'.repeat(10_000), '\u0000', 'a\u0000b', '\ud800', -1, 1e308, null, true, []),
  );
  return fc.oneof(
    fc.dictionary(field, wrongValue, { maxKeys: keys.length + 2 }).map((value) => JSON.stringify(value)),
    fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value) ?? 'null'),
    fc.constantFrom(
      '',
      '{',
      '{"a":',
      '[]',
      'null',
      '"\\u0000"',
      '{"name":"a\\u0000b","reference":"R\\u0000"}',
      '\u0000\u0001\u0002',
      '\\x',
      `${'['.repeat(200_000)}${']'.repeat(200_000)}`,
      `{"a":"${'x'.repeat(3 * 1024 * 1024)}"}`,
    ),
    fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  );
};

const contentType = fc.constantFrom(
  'application/json',
  'application/json',
  'application/octet-stream',
  'text/plain',
  'application/json; charset=latin1',
  undefined,
);

type Identity = { readonly cookie: string; readonly csrf: string } | null;

/** One HTTP/1.1 request as bytes: whatever path, query, headers and body the generators chose. */
const requestBytes = (
  server: TestServer,
  route: RouteContract,
  path: string,
  query: string,
  body: string | undefined,
  type: string | undefined,
  identity: Identity,
): Buffer => {
  const bodyBytes =
    body === undefined ? Buffer.alloc(0) : Buffer.from(body, body.startsWith('\u0000') ? 'latin1' : 'utf8');
  const head = [
    `${route.method} ${path}${query} HTTP/1.1`,
    `Host: 127.0.0.1`,
    'Connection: close',
    `Origin: ${server.origin}`,
    'Accept: application/json, application/problem+json',
    ...(type ? [`Content-Type: ${type}`] : []),
    ...(body === undefined ? [] : [`Content-Length: ${bodyBytes.length}`]),
    ...(identity ? [`Cookie: ${identity.cookie}`, `X-Parley-Csrf: ${identity.csrf}`] : []),
  ];
  return Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'), bodyBytes]);
};

/** Every refusal is problem+json that parses; nothing is a 5xx. */
const expectWellRefused = (reply: RawExchange, what: string): void => {
  expect(reply.status, `${what}: ${reply.status === undefined ? reply.error : ''}`).toBeDefined();
  if (reply.status === undefined) {
    return;
  }
  expect(reply.status, `${what} answered ${reply.status}: ${reply.body.slice(0, 300)}`).toBeLessThan(500);
  if (reply.status >= 400) {
    expect(reply.headers['content-type'], what).toContain('application/problem+json');
    const problem = Problem.safeParse(JSON.parse(reply.body));
    expect(problem.success, `${what}: ${reply.body.slice(0, 300)}`).toBe(true);
    expect(problem.data?.status).toBe(reply.status);
  }
};

describe('fuzzing every route of the API contract: never a 5xx, every refusal problem+json', () => {
  let server: TestServer;
  let port: number;
  const people = new Map<Role, ParleyPerson>();
  /** Signed in only to be signed out by the fuzzed sign-out routes. */
  let leaving: ParleyPerson;
  let healthyAppend: () => Promise<unknown>;

  beforeAll(async () => {
    server = await startTestServer({ limits: generousCeremonyLimits() });
    port = Number(new URL(server.url).port);
    const { admin, partyId } = await enrolBootstrapAdmin(server, 'Office of the Commissioner', 'Ada Admin');
    people.set('admin', admin);
    const staff = await enrolMember(server, admin, { partyId, role: 'staff', name: 'Sam Staff' });
    people.set('staff', staff);
    people.set('envoy', await enrolMember(server, admin, { partyId, role: 'envoy', name: 'Eve Envoy' }));
    leaving = await enrolMember(server, admin, { partyId, role: 'staff', name: 'Lee Leaving' });
    const ombudsman = await startParty(server, 'Ombudsman');
    people.set(
      'reviewer',
      await enrolMember(server, ombudsman.admin, { partyId: ombudsman.partyId, role: 'reviewer', name: 'Rae' }),
    );
    const { streamId } = await staff.openCase({
      parties: [partyId],
      record: childRecord('Ivo'),
    });
    healthyAppend = () => staff.append(streamId, { type: 'minutes', content: meetingMinutes('after the fuzz') });
  }, 180_000);

  afterAll(async () => server?.shutdown());

  /** A signed-in person whose role the route admits, as cookie and anti-forgery token. */
  const identityFor = (route: RouteContract): Identity => {
    const role = route.access.kind === 'person' ? (route.access.roles[0] as Role) : 'staff';
    const isSignOut = route === API.signOut || route === API.signOutEverywhere;
    const person = isSignOut ? leaving : (people.get(role) as ParleyPerson);
    return { cookie: person.http.cookies.header() ?? '', csrf: person.currentSession?.csrfToken ?? '' };
  };

  // Sign-out routes end the session they are called with: they go last.
  const routes = Object.entries(API).sort(
    ([a], [b]) => Number(a.startsWith('signOut')) - Number(b.startsWith('signOut')),
  );

  for (const signedIn of [false, true]) {
    it(`${signedIn ? 'signed in' : 'anonymous'}: ${RUNS_PER_ROUTE} generated requests per route`, {
      timeout: 600_000,
    }, async () => {
      let requests = 0;
      for (const [name, route] of routes as [string, RouteContract][]) {
        const identity = signedIn ? identityFor(route) : null;
        await fc.assert(
          fc.asyncProperty(
            fc.array(segment, { minLength: 3, maxLength: 3 }),
            fc.dictionary(fc.constantFrom(...schemaKeys(route.query), 'x', 'after', 'limit'), queryValue, {
              maxKeys: 3,
            }),
            route.method === 'GET' ? fc.constant(undefined) : fc.option(bodyFor(route), { nil: undefined }),
            contentType,
            async (segments, query, body, type) => {
              let index = 0;
              const path = route.path.replace(/:[A-Za-z]+/g, () => segments[index++] ?? 'x');
              const search = Object.entries(query)
                .map(([key, value]) => `${encodeURIComponent(key)}=${value}`)
                .join('&');
              const bytes = requestBytes(server, route, path, search ? `?${search}` : '', body, type, identity);
              // An event stream stays open: its first bytes are the reply.
              const reply = await rawExchange(port, bytes, route === API.events ? 1_000 : 15_000);
              requests += 1;
              expectWellRefused(reply, `${name} ${route.method} ${path.slice(0, 80)}`);
            },
          ),
          { numRuns: RUNS_PER_ROUTE, endOnFailure: true },
        );
      }
      process.stdout.write(
        `fuzz (${signedIn ? 'signed in' : 'anonymous'}): ${requests} requests over ${routes.length} routes\n`,
      );
      expect(requests).toBeGreaterThanOrEqual(routes.length * RUNS_PER_ROUTE);
    });
  }

  it('parser-level garbage on a raw socket gets a 4xx problem+json, never a bare status or a 5xx', async () => {
    const garbage: (string | Buffer)[] = [
      'GARBAGE\r\n\r\n',
      '\u0000\u0001\u0002\u0003 binary\r\n\r\n',
      'GET /api/health HTTP/9.9\r\nHost: x\r\n\r\n',
      'GET /api/h\u007fealth HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n',
      'GET /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab',
      'POST /api/entries HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
      'POST /api/session/options HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n\r\n',
      `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      `GET /api/health HTTP/1.1\r\n${Array.from({ length: 3_000 }, (_, i) => `X-${i}: y`).join('\r\n')}\r\n\r\n`,
      'GET /api/health HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n',
      'GET /api/health HTTP/1.1\nHost: x\n\n\u0000',
      Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03]),
    ];
    for (const request of garbage) {
      const reply = await rawExchange(port, request);
      const what = JSON.stringify(request.toString().slice(0, 60));
      expectWellRefused(reply, what);
      expect(reply.status, what).toBeGreaterThanOrEqual(400);
    }
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 300 }), async (bytes) => {
        const reply = await rawExchange(port, Buffer.concat([Buffer.from(bytes), Buffer.from('\r\n\r\n')]));
        if (reply.status !== undefined) {
          expectWellRefused(reply, 'random bytes');
        }
      }),
      { numRuns: 50 },
    );
  });

  it('leaves the server healthy: health answers ok and a real append succeeds', async () => {
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { status: string }).status).toBe('ok');
    await expect(healthyAppend()).resolves.toBeDefined();
  });
});
