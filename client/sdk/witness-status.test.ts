import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../../shared/crypto/sodium';
import { toBase64url } from '../../shared/encoding/bytes';
import { testLog, treeOf } from '../../test/helpers/witness-fixtures';
import { ParleyHttp } from './parley-http';
import { compareNotes, SplitViewError } from './witness-status';

beforeAll(async () => {
  await initCrypto();
});

const problem = (status: number, type: string, title: string) =>
  new Response(JSON.stringify({ type, title, status }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });

/** A trusted note of size 10 and a carried one of size 8 of the same tree, and a server that answers `reply`. */
const setUp = (reply: () => Promise<Response>) => {
  const log = testLog('parley.test/sdk-compare/log', 'sdk compare');
  const tree = treeOf(10, 'sdk');
  const asked: string[] = [];
  const http = new ParleyHttp({
    baseUrl: 'http://parley.test',
    fetch: async (input) => {
      asked.push(String(input));
      return reply();
    },
  });
  const trusted = { verifierKey: log.verifierKey, origin: log.origin, note: log.checkpoint(tree, 10) };
  return { http, tree, trusted, carried: log.checkpoint(tree, 8), asked };
};

describe('comparing a note met elsewhere with the trusted one, in the SDK', () => {
  it('accepts a smaller tree the server proves a prefix', async () => {
    const tree = treeOf(10, 'sdk');
    const { http, trusted, carried, asked } = setUp(async () =>
      Response.json({ from: 8, to: 10, proof: tree.consistencyProof(8, 10).map(toBase64url) }),
    );
    await expect(compareNotes(http, trusted, carried)).resolves.toBeUndefined();
    expect(asked).toEqual(['http://parley.test/api/log/consistency?from=8&to=10']);
  });

  it('raises the split view, with both notes, when the server refuses the proof', async () => {
    const { http, trusted, carried } = setUp(async () =>
      problem(400, '/problems/validation', 'The log has no tree of size 10 yet'),
    );
    const error = await compareNotes(http, trusted, carried).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SplitViewError);
    expect((error as SplitViewError).notes).toEqual([carried, trusted.note]);
  });

  it.each([
    ['no connection', () => Promise.reject(new TypeError('fetch failed'))],
    ['503', async () => problem(503, '/problems/database-unavailable', 'The database cannot be reached')],
    ['429', async () => problem(429, '/problems/rate-limited', 'Too many requests')],
    ['a 502 page from a proxy', async () => new Response('<html>Bad gateway</html>', { status: 502 })],
  ])('raises no split view on %s, only the failure to get an answer', async (_what, reply) => {
    const { http, trusted, carried } = setUp(reply);
    const error = await compareNotes(http, trusted, carried).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(SplitViewError);
  });
});
