import type { Page, Request, Route } from 'playwright-core';
import { expect } from 'vitest';
import { generateIdentityKeys, type IdentityKeys } from '../../shared/crypto/identity-keys';
import { signKeyStatement } from '../../shared/crypto/key-statement';
import { toBase64url } from '../../shared/encoding/bytes';
import type { KeyStatement, SignedKeyStatement } from '../../shared/schemas/key-statement';
import type { PersonBrowser } from './e2e-browser';

/** A key statement as `GET /api/keys/statements` lists it. */
export type Listed = { position: number; hash: string; signed: SignedKeyStatement; proof: string[] };

/** The headers the page posted to `POST /api/entries`: what it sealed, and to whom. */
export type PostedHeader = { type: string; recipients: { person: string; keyId: string }[] };

/** Records every entry the page posts (its header), from the request body the browser sends. */
export const recordPostedEntries = (page: Page): PostedHeader[] => {
  const posted: PostedHeader[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/entries') {
      posted.push((JSON.parse(request.postData() ?? '{}') as { header: PostedHeader }).header);
    }
  });
  return posted;
};

/**
 * Has the server rewrite the JSON reply of the requests `pattern` matches (Playwright's route); a
 * refusal (not 2xx) passes as it came.
 */
export const rewriteReplies = async <T>(page: Page, pattern: string, rewrite: (reply: T) => T): Promise<void> => {
  await page.route(pattern, async (route: Route) => {
    const response = await route.fetch();
    if (!response.ok()) {
      await route.fulfill({ response });
      return;
    }
    await route.fulfill({ response, json: rewrite((await response.json()) as T) });
  });
};

/**
 * Has the server rewrite the key-directory pages: the statements listed (the checkpoint that
 * counts them is the log's, which the server cannot re-sign without the log key).
 */
export const rewriteDirectory = (page: Page, list: (statements: Listed[]) => Listed[]) =>
  rewriteReplies<{ checkpoint: string; statements: Listed[] }>(page, '**/api/keys/statements?*', (reply) => ({
    ...reply,
    statements: list(reply.statements),
  }));

/**
 * A bootstrap admin the server invents for `party`, and an envoy that admin "endorsed", signed with
 * fresh keys: the rules alone would take the pair for a party's root and one of its people.
 */
export const forgedPair = (party: string): SignedKeyStatement[] => {
  const [rootKeys, envoyKeys] = [generateIdentityKeys(), generateIdentityKeys()];
  const [root, envoy] = [crypto.randomUUID(), crypto.randomUUID()];
  const statement = (person: string, name: string, role: 'admin' | 'envoy', keys: IdentityKeys, authority: string) =>
    ({
      v: 1,
      kind: 'enrol',
      person,
      party,
      role,
      name,
      seq: 1,
      prevHash: '',
      keyId: keys.keyId,
      signKey: toBase64url(keys.signPublicKey),
      boxKey: toBase64url(keys.boxPublicKey),
      issuedAt: new Date().toISOString(),
      authority,
      invitation: crypto.randomUUID(),
    }) satisfies KeyStatement;
  const sign = (body: KeyStatement, person: string, keys: IdentityKeys) => signKeyStatement(body, { person, ...keys });
  const rootStatement = statement(root, 'Mallory Root', 'admin', rootKeys, 'bootstrap');
  const envoyStatement = statement(envoy, 'Mallory Envoy', 'envoy', envoyKeys, root);
  return [
    { statement: rootStatement, signatures: [sign(rootStatement, root, rootKeys)] },
    {
      statement: envoyStatement,
      signatures: [sign(envoyStatement, envoy, envoyKeys), sign(envoyStatement, root, rootKeys)],
    },
  ];
};

/**
 * Loads `path` afresh (the page's memory, its proven directory and its unlocked keys with it, is
 * gone) and unlocks the keys again with the passkey.
 */
export const reopenUnlocked = async (person: PersonBrowser, origin: string): Promise<void> => {
  const { page } = person;
  // The passkey signs in afresh, which ends the session the page's own reads went out under: one
  // still unanswered then gets a 401 (a console error the tests count). Wait until they are answered.
  const reads = new Set<Request>();
  const onRequest = (request: Request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/api/') && pathname !== '/api/events') {
      reads.add(request);
    }
  };
  const onDone = (request: Request) => reads.delete(request);
  page.on('request', onRequest);
  page.on('requestfinished', onDone);
  page.on('requestfailed', onDone);
  try {
    await page.goto(`${origin}/unlock`);
    await page.getByTestId('unlock-passkey').waitFor();
    await expect.poll(() => reads.size, { timeout: 30_000 }).toBe(0);
    await page.getByTestId('unlock-passkey').click();
    await page.getByTestId('unlocked').waitFor();
  } finally {
    page.off('request', onRequest);
    page.off('requestfinished', onDone);
    page.off('requestfailed', onDone);
  }
};

/** Waits until `testId` shows, then checks no entry was posted meanwhile. */
export const expectBlockedWithout = async (page: Page, testId: string, posted: readonly PostedHeader[]) => {
  await page.getByTestId(testId).first().waitFor({ timeout: 60_000 });
  expect(posted).toEqual([]);
};
