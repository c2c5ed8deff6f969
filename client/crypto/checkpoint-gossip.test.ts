import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initCrypto } from '../../shared/crypto/sodium';
import { toBase64url } from '../../shared/encoding/bytes';
import { testLog, treeOf } from '../../test/helpers/witness-fixtures';
import { CarriedSplitViewError, checkCarriedCheckpoints } from './checkpoint-gossip';
import { storedLogStatus } from './log-pin';
import { offerPin } from './log-pin-source';
import { useMemoryLocalStorage } from './memory-local-storage';

useMemoryLocalStorage();
afterEach(() => {
  vi.unstubAllGlobals();
});

/** The server's side of `GET /api/log/consistency`: one reply (or a failure to reply) per request. */
const serverAnswers = (answer: () => Promise<Response>) => {
  const asked: string[] = [];
  vi.stubGlobal('fetch', (path: string) => {
    asked.push(path);
    return answer();
  });
  return asked;
};

const problem = (status: number, type: string, title: string) =>
  new Response(JSON.stringify({ type, title, status }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });
beforeAll(async () => {
  await initCrypto();
});

describe('checkpoints carried in entries, checked by the browser (gossip)', () => {
  const pinned = () => {
    const log = testLog('parley.test/gossip-browser/log', 'gossip browser');
    offerPin({ verifierKey: log.verifierKey, origin: log.origin, legacyBefore: 0 }, 'invitation');
    return log;
  };

  it('records the blocking split-view failure with both notes, and stops the read', async () => {
    const log = pinned();
    const trusted = log.checkpoint(treeOf(6, 'a'));
    const carried = log.checkpoint(treeOf(6, 'b'));
    const error = await checkCarriedCheckpoints(trusted, [carried]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CarriedSplitViewError);
    expect((error as CarriedSplitViewError).notes).toEqual([trusted, carried]);
    expect(storedLogStatus().failure).toMatchObject({
      kind: 'split-view',
      reason: expect.stringContaining('two trees of size 6 with different roots'),
      evidence: { trusted, offered: carried },
    });
  });

  it('accepts the trusted note itself and ignores a note the pinned log did not sign', async () => {
    const log = pinned();
    const trusted = log.checkpoint(treeOf(6, 'a'));
    const stranger = testLog('parley.test/gossip-browser/log', 'another key').checkpoint(treeOf(6, 'b'));
    await expect(checkCarriedCheckpoints(trusted, [trusted, stranger, 'not a note'])).resolves.toBeUndefined();
    expect(storedLogStatus().failure).toBeNull();
  });

  describe("a carried checkpoint of another size, which needs the server's consistency proof", () => {
    // One tree per test: proven pairs are remembered for the tab, so a tree reused would not be asked about.
    const smallerCarried = (branch: string) => {
      const log = pinned();
      const tree = treeOf(10, branch);
      return { tree, trusted: log.checkpoint(tree, 10), carried: log.checkpoint(tree, 8) };
    };

    it('accepts it when the server proves the smaller tree a prefix of the trusted one', async () => {
      const { tree, trusted, carried } = smallerCarried('proved');
      const asked = serverAnswers(async () =>
        Response.json({ from: 8, to: 10, proof: tree.consistencyProof(8, 10).map(toBase64url) }),
      );
      await expect(checkCarriedCheckpoints(trusted, [carried])).resolves.toBeUndefined();
      expect(asked).toEqual(['/api/log/consistency?from=8&to=10']);
      expect(storedLogStatus().failure).toBeNull();
    });

    it('records the split view when the server refuses the proof (it shows no tree that large)', async () => {
      const { trusted, carried } = smallerCarried('refused');
      serverAnswers(async () => problem(400, '/problems/validation', 'The log has no tree of size 10 yet'));
      const error = await checkCarriedCheckpoints(trusted, [carried]).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(CarriedSplitViewError);
      expect(storedLogStatus().failure).toMatchObject({
        kind: 'split-view',
        reason: expect.stringContaining('the server cannot prove the tree of size 8 a prefix of 10'),
        evidence: { trusted, offered: carried },
      });
    });

    it.each([
      ['no connection', () => Promise.reject(new TypeError('Failed to fetch'))],
      ['a request aborted by leaving the page', () => Promise.reject(new DOMException('aborted', 'AbortError'))],
      ['503', async () => problem(503, '/problems/database-unavailable', 'The database cannot be reached')],
      ['429', async () => problem(429, '/problems/rate-limited', 'Too many requests')],
      ['401', async () => problem(401, '/problems/unauthenticated', 'Sign in first')],
      ['a 404 that is no problem of the server', async () => new Response('<html>Not found</html>', { status: 404 })],
    ])('records nothing on %s: the read fails, and the next one asks again', async (what, answer) => {
      const { trusted, carried } = smallerCarried(`no answer: ${what}`);
      const asked = serverAnswers(answer);
      const error = await checkCarriedCheckpoints(trusted, [carried]).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(CarriedSplitViewError);
      expect(storedLogStatus().failure).toBeNull();
      await checkCarriedCheckpoints(trusted, [carried]).catch(() => undefined);
      expect(asked).toHaveLength(2);
    });
  });
});
