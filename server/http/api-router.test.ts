import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineRoute } from '../../shared/api/route';
import { PROBLEMS } from '../../shared/schemas/problem';
import { errorMiddleware, ProblemError } from '../problems';
import { apiRouter, implement } from './api-router';

const echo = defineRoute({
  method: 'POST',
  path: '/api/echo/:name',
  tag: 'test',
  summary: 'echo',
  access: { kind: 'public' },
  params: z.object({ name: z.string().max(8) }),
  body: z.strictObject({ words: z.array(z.string()) }),
  response: z.object({ name: z.string(), count: z.number() }),
});
const secret = defineRoute({
  method: 'GET',
  path: '/api/secret',
  tag: 'test',
  summary: 'needs a person',
  access: { kind: 'person', roles: ['admin'] },
  response: z.object({ leaked: z.string() }),
});
const crash = defineRoute({
  method: 'GET',
  path: '/api/crash',
  tag: 'test',
  summary: 'fails inside',
  access: { kind: 'public' },
  response: z.object({}),
});

describe('apiRouter', () => {
  let base: string;
  let close: () => void;
  beforeAll(async () => {
    const app = express();
    app.use(
      apiRouter({
        contract: { echo, secret, crash },
        implementations: [
          implement(echo, ({ params, body }) => ({ name: params.name, count: body.words.length, extra: 'dropped' })),
          implement(secret, () => ({ leaked: 'never' })),
          implement(crash, () => {
            throw new Error('database exploded at /var/lib/secret');
          }),
        ],
        gatekeeper: {
          admit: async (route) => {
            if (route.access.kind === 'public') {
              return null;
            }
            throw new ProblemError('unauthenticated');
          },
          checkScope: async () => {},
        },
        jsonLimitOf: () => '1kb',
      }),
    );
    app.use(errorMiddleware(pino({ level: 'silent' })));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  const post = (path: string, body: string, type = 'application/json') =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': type }, body });

  const expectProblem = async (response: Response, code: keyof typeof PROBLEMS) => {
    expect(response.status).toBe(PROBLEMS[code].status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const body = (await response.json()) as { type: string; status: number };
    expect(body.type).toBe(PROBLEMS[code].type);
    expect(body.status).toBe(PROBLEMS[code].status);
    return body;
  };

  it('parses input with the contract and strips undeclared reply fields', async () => {
    const response = await post('/api/echo/ana', JSON.stringify({ words: ['a', 'b'] }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ name: 'ana', count: 2 });
  });

  it('answers malformed JSON with 400 malformed-json', async () => {
    await expectProblem(await post('/api/echo/ana', '{"words": ['), 'malformedJson');
  });

  it('answers a body over the limit with 413', async () => {
    await expectProblem(await post('/api/echo/ana', JSON.stringify({ words: ['x'.repeat(2048)] })), 'payloadTooLarge');
  });

  it('answers a non-JSON body with 415', async () => {
    await expectProblem(
      await post('/api/echo/ana', 'words=a', 'application/x-www-form-urlencoded'),
      'unsupportedMediaType',
    );
  });

  it('names each failing path of a body that breaks the schema, including unknown fields', async () => {
    const body = (await expectProblem(
      await post('/api/echo/ana', JSON.stringify({ words: [1], admin: true })),
      'validation',
    )) as unknown as { errors: { path: string }[] };
    expect(body.errors.map((error) => error.path).sort()).toEqual(['body', 'body.words.0']);
  });

  it('validates path parameters', async () => {
    await expectProblem(await post('/api/echo/far-too-long-name', JSON.stringify({ words: [] })), 'validation');
  });

  it('answers a known path with the wrong method with 405 and Allow', async () => {
    const response = await fetch(`${base}/api/echo/ana`, { method: 'DELETE' });
    await expectProblem(response, 'methodNotAllowed');
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('answers an unknown API route with 404', async () => {
    await expectProblem(await fetch(`${base}/api/nothing-here`), 'notFound');
  });

  it('refuses a person-only route before running its handler', async () => {
    await expectProblem(await fetch(`${base}/api/secret`), 'unauthenticated');
  });

  it('turns a handler fault into a bare 500 without details', async () => {
    const body = await expectProblem(await fetch(`${base}/api/crash`), 'internal');
    expect(JSON.stringify(body)).not.toContain('exploded');
  });

  it('refuses to start when a contract route has no handler', () => {
    expect(() =>
      apiRouter({
        contract: { echo, secret },
        implementations: [],
        gatekeeper: { admit: async () => null, checkScope: async () => {} },
        jsonLimitOf: () => '1kb',
      }),
    ).toThrow('No handler for POST /api/echo/:name');
  });
});
