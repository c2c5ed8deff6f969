import { parseStrictJson } from '../encoding/json-text';
import { decodeStrictUtf8 } from '../encoding/strict-utf8';
import { PROBLEMS, Problem } from '../schemas/problem';
import { buildPath, type RouteContract, type RouteInput, type RouteOutput } from './route';

/** One HTTP exchange. The browser and the Node SDK each supply one (cookies, CSRF header, base URL). */
export type Transport = (request: {
  readonly method: RouteContract['method'];
  readonly path: string;
  readonly body?: string;
}) => Promise<{ readonly status: number; readonly contentType: string | null; text(): Promise<string> }>;

/** A non-2xx reply, always carrying a problem+json body. */
export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ''}`);
  }
  /** Whether this is the given problem from the shared registry. */
  is(code: keyof typeof PROBLEMS): boolean {
    return this.problem.type === PROBLEMS[code].type;
  }
}

// Answers about the asker or the moment (no session, not allowed, too slow, too many), not about the request.
const NOT_ABOUT_THE_REQUEST = new Set([401, 403, 408, 429]);

/**
 * Whether `error` is the server's considered refusal of the request itself: a 4xx problem of the
 * server's own kind. Anything else (no connection, an aborted request, a session that ended, a
 * rate limit, the server's own fault, a reply that is not a problem) says nothing about what the
 * server holds, so it may never count as evidence against the server.
 */
export const isServerRefusal = (error: unknown): error is ApiProblem =>
  error instanceof ApiProblem &&
  error.problem.type !== 'about:blank' &&
  error.problem.status < 500 &&
  !NOT_ABOUT_THE_REQUEST.has(error.problem.status);

/**
 * A reply the client will not read: its bytes are not UTF-8, or its text is not JSON or breaks a
 * JSON rule (docs/PROTOCOL.md §1.5), such as a duplicate member or an own `__proto__` member.
 */
export class UnreadableReply extends Error {}

/** The text of a reply body, refusing bytes that are not UTF-8 rather than repairing them. */
export const replyText = (bytes: Uint8Array): string => {
  const text = decodeStrictUtf8(bytes);
  if (!text.ok) {
    throw new UnreadableReply(`The server's reply ${text.reason}`);
  }
  return text.text;
};

/** The JSON value of a reply's text, under the JSON rules every reader applies. */
export const replyJson = (text: string): unknown => {
  const parsed = parseStrictJson(text);
  if (!parsed.ok) {
    throw new UnreadableReply(`The server's reply is refused: ${parsed.reason}`);
  }
  return parsed.value;
};

export type CallInput<R extends RouteContract> = Partial<RouteInput<R>>;

const queryString = (query: Record<string, unknown> | undefined): string => {
  const pairs = Object.entries(query ?? {}).filter(([, value]) => value !== undefined);
  return pairs.length === 0
    ? ''
    : `?${pairs.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`).join('&')}`;
};

const toProblem = (status: number, text: string): Problem => {
  try {
    return Problem.parse(replyJson(text));
  } catch {
    return { type: 'about:blank', title: 'Unexpected reply', status: status >= 400 ? status : 502 };
  }
};

/** Calls a contract route and parses the reply with the route's own schema. */
export const callRoute = async <R extends RouteContract>(
  transport: Transport,
  route: R,
  input: CallInput<R> = {},
): Promise<RouteOutput<R>> => {
  const path = buildPath(route.path, (input.params ?? {}) as Record<string, string>) + queryString(input.query);
  const reply = await transport({
    method: route.method,
    path,
    ...(input.body === undefined ? {} : { body: JSON.stringify(input.body) }),
  });
  let text: string;
  try {
    text = await reply.text();
  } catch (error) {
    if (reply.status >= 200 && reply.status <= 299) {
      throw error;
    }
    text = '';
  }
  if (reply.status < 200 || reply.status > 299) {
    throw new ApiProblem(toProblem(reply.status, text));
  }
  if (route.response === null || text === '') {
    return undefined as RouteOutput<R>;
  }
  return route.response.parse(replyJson(text)) as RouteOutput<R>;
};
