import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { selectRows } from '../../db/client';
import { fromBase64url, toBase64url } from '../../shared/encoding/bytes';
import { PROBLEMS } from '../../shared/schemas/problem';
import { databaseDigest } from './db-digest';
import type { LogCapture, LogLine } from './log-capture';
import type { TestServer } from './test-server';

/** What a raw request answered. */
export type RawReply = {
  readonly status: number;
  readonly contentType: string | null;
  readonly setCookie: string[];
  readonly body: Record<string, unknown>;
};

/** POSTs `body` as JSON from the server's own origin, with the headers given (a cookie, a CSRF token). */
export const rawPost = async (
  server: TestServer,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<RawReply> => {
  const response = await fetch(new URL(path, server.url), {
    method: 'POST',
    headers: { origin: server.origin, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    setCookie: response.headers.getSetCookie(),
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
};

/**
 * What a refused ceremony must leave as it was: every row of every table, except that the
 * challenge it answered may be spent (`used_at` set) — by design, a challenge is consumed by its
 * first use, successful or not — and that a caller's session may record the request
 * (`last_seen_at`, the idle timeout).
 */
export type CeremonySnapshot = { readonly digest: Record<string, string>; readonly used: ReadonlySet<string> };

export const ceremonySnapshot = async (server: TestServer): Promise<CeremonySnapshot> => {
  const digest = await databaseDigest(server.database, { challenges: ['used_at'], sessions: ['last_seen_at'] });
  const rows = await selectRows<{ hash: string }>(
    server.database.db,
    sql`select encode(challenge_hash, 'hex') as hash from challenges where used_at is not null`,
  );
  return { digest, used: new Set(rows.map(({ hash }) => hash)) };
};

/** The hex SHA-256 of a challenge: its key in the `challenges` table. */
export const challengeKey = (challenge: string): string => createHash('sha256').update(challenge).digest('hex');

/** The challenge a response's `clientDataJSON` answers. */
export const answeredChallenge = (clientDataJSON: string): string =>
  (JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')) as { challenge: string }).challenge;

/**
 * Checks a refused ceremony: a 400 `passkey-rejected` problem+json without a cookie, the database
 * as it was (the answered challenge spent only when `spends` says so), and one `passkey.rejected`
 * log line whose reason matches, with none of the response's bytes in any line of the request.
 */
export const expectCeremonyRefused = async (
  server: TestServer,
  logs: LogCapture,
  attempt: { before: CeremonySnapshot; mark: number; reply: RawReply; response: unknown },
  expected: { purpose: 'authentication' | 'registration'; reason: RegExp; spends?: string },
): Promise<LogLine> => {
  const { before, mark, reply, response } = attempt;
  expect(reply.status).toBe(PROBLEMS.passkeyRejected.status);
  expect(reply.contentType).toMatch(/^application\/problem\+json/);
  expect(reply.body['type']).toBe(PROBLEMS.passkeyRejected.type);
  expect(reply.setCookie).toEqual([]);

  const after = await ceremonySnapshot(server);
  expect(after.digest).toEqual(before.digest);
  const spent = expected.spends === undefined ? [] : [challengeKey(expected.spends)];
  for (const key of spent) {
    expect(before.used.has(key)).toBe(false);
  }
  expect([...after.used].sort()).toEqual([...before.used, ...spent].sort());

  const lines = logs.since(mark);
  const refusals = lines.filter((line) => line['event'] === 'passkey.rejected');
  expect(refusals).toHaveLength(1);
  const [refusal] = refusals as [LogLine];
  expect(refusal).toMatchObject({ purpose: expected.purpose, level: 40 });
  expect(String(refusal['reason'])).toMatch(expected.reason);
  const text = JSON.stringify(lines);
  for (const value of responseBytes(response)) {
    expect(text).not.toContain(value);
  }
  return refusal;
};

/** The byte fields of a WebAuthn response (base64url), which no log line may carry. */
const responseBytes = (response: unknown): string[] => {
  const fields = (response as { response?: Record<string, unknown> }).response ?? {};
  return ['clientDataJSON', 'authenticatorData', 'signature', 'attestationObject', 'publicKey']
    .map((name) => fields[name])
    .filter((value): value is string => typeof value === 'string' && value.length >= 16);
};

type RegistrationJSON = {
  response: { clientDataJSON: string; attestationObject: string; authenticatorData?: string };
};

/** A registration response with `clientDataJSON` members replaced, as a tampering client would send it. */
export const withClientData = <R extends RegistrationJSON>(body: R, patch: Record<string, string>): R => {
  const clientData = JSON.parse(Buffer.from(body.response.clientDataJSON, 'base64url').toString('utf8')) as object;
  const clientDataJSON = Buffer.from(JSON.stringify({ ...clientData, ...patch })).toString('base64url');
  return { ...body, response: { ...body.response, clientDataJSON } };
};

/**
 * A registration response with its authenticator data changed in place, inside the attestation
 * object too (`none` attestation signs nothing, so only the verifier's checks can notice).
 */
export const withAuthenticatorData = <R extends RegistrationJSON>(
  body: R,
  change: (authData: Uint8Array) => void,
): R => {
  const original = fromBase64url(body.response.authenticatorData ?? '');
  const attestation = fromBase64url(body.response.attestationObject);
  const at = Buffer.from(attestation).indexOf(Buffer.from(original));
  if (original.length < 37 || at < 0) {
    throw new Error('the attestation object does not carry the authenticator data');
  }
  const changed = original.slice();
  change(changed);
  attestation.set(changed, at);
  return {
    ...body,
    response: {
      ...body.response,
      authenticatorData: toBase64url(changed),
      attestationObject: toBase64url(attestation),
    },
  };
};

/** Authenticator-data changes: another RP ID's hash, the UV flag cleared. */
export const rpIdHashOf =
  (rpId: string) =>
  (authData: Uint8Array): void =>
    authData.set(createHash('sha256').update(rpId).digest(), 0);
export const clearUserVerified = (authData: Uint8Array): void => {
  authData[32] = (authData[32] ?? 0) & ~0x04;
};
