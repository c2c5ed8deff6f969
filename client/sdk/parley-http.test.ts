import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../shared/api/client';
import { sessionRoutes } from '../../shared/api/identity';
import { ParleyHttp } from './parley-http';

type Sent = { url: string; method: string; headers: Record<string, string>; body: string | undefined };

const SESSION = {
  person: {
    id: '11111111-1111-4111-8111-111111111111',
    name: 'Eve Envoy',
    role: 'envoy',
    party: { id: '22222222-2222-4222-8222-222222222222', name: 'Lyonesse' },
    status: 'active',
  },
  csrfToken: 'csrf-token-1',
  credentialId: 'cred',
  expiresAt: '2026-11-28T15:20:56.123Z',
} as const;

/** A fake server: answers each request with the next reply and records what was sent. */
const fakeServer = (replies: { status: number; body?: unknown; setCookie?: string[] }[]) => {
  const sent: Sent[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    sent.push({
      url: String(input),
      method: init?.method ?? 'GET',
      headers: { ...(init?.headers as Record<string, string>) },
      body: init?.body as string | undefined,
    });
    const reply = replies.shift() ?? { status: 500 };
    const headers = new Headers({ 'content-type': 'application/json' });
    for (const line of reply.setCookie ?? []) {
      headers.append('set-cookie', line);
    }
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers,
    });
  };
  return { sent, fetchImpl };
};

describe('ParleyHttp', () => {
  it('sends Origin on writes, the session cookie back, and the anti-forgery token once signed in', async () => {
    const { sent, fetchImpl } = fakeServer([
      { status: 200, body: { options: { challenge: 'abc' } } },
      { status: 200, body: SESSION, setCookie: ['parley_session=tok; Path=/; HttpOnly; SameSite=Strict'] },
      { status: 200, body: { session: SESSION } },
      { status: 204, setCookie: ['parley_session=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT'] },
      { status: 200, body: { options: { challenge: 'def' } } },
    ]);
    const http = new ParleyHttp({
      baseUrl: 'http://127.0.0.1:9999/ignored',
      origin: 'http://localhost:9999',
      fetch: fetchImpl,
    });
    await http.api(sessionRoutes.signInOptions);
    http.useSession(await http.api(sessionRoutes.signInVerify, { body: { response: {} as never } }));
    await http.api(sessionRoutes.getSession);
    await http.api(sessionRoutes.signOut);
    await http.api(sessionRoutes.signInOptions);

    expect(sent.map((request) => `${request.method} ${request.url}`)).toEqual([
      'POST http://127.0.0.1:9999/api/session/options',
      'POST http://127.0.0.1:9999/api/session/verify',
      'GET http://127.0.0.1:9999/api/session',
      'DELETE http://127.0.0.1:9999/api/session',
      'POST http://127.0.0.1:9999/api/session/options',
    ]);
    expect(sent[0]?.headers).toMatchObject({ origin: 'http://localhost:9999' });
    expect(sent[0]?.headers['x-parley-csrf']).toBeUndefined();
    expect(sent[2]?.headers).toMatchObject({ cookie: 'parley_session=tok' });
    expect(sent[2]?.headers['origin']).toBeUndefined();
    expect(sent[3]?.headers).toMatchObject({ cookie: 'parley_session=tok', 'x-parley-csrf': 'csrf-token-1' });
    // The server cleared the cookie: no cookie and no token follow.
    expect(sent[4]?.headers['cookie']).toBeUndefined();
    expect(sent[4]?.headers['x-parley-csrf']).toBeUndefined();
    expect(http.hasSessionCookie).toBe(false);
  });

  it('turns a non-2xx reply into an ApiProblem', async () => {
    const problem = { type: '/problems/unauthenticated', title: 'Sign-in required', status: 401 };
    const { fetchImpl } = fakeServer([{ status: 401, body: problem }]);
    const http = new ParleyHttp({ baseUrl: 'http://localhost:9999', fetch: fetchImpl });
    const error = await http.api(sessionRoutes.signOutEverywhere).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiProblem);
    expect((error as ApiProblem).is('unauthenticated')).toBe(true);
  });
});
