import type { ParleyPerson } from '../../client/sdk/parley-person';
import { buildPath, type RouteContract } from '../../shared/api/route';
import { PROBLEMS, type ProblemCode } from '../../shared/schemas/problem';
import type { Role } from '../../shared/schemas/role';
import type { TestServer } from './test-server';

/** Who calls: signed out, with an ended session's cookie, or a signed-in person of party A or B. */
export type RouteCaller = {
  readonly label: string;
  readonly person?: ParleyPerson;
  /** A cookie presented without a live session behind it. */
  readonly staleCookie?: string;
  readonly role?: Role;
  readonly party?: 'A' | 'B';
  readonly pending?: boolean;
};

/** How a request departs from what an honest client of the caller sends. */
export type Variant = 'as sent' | 'without the anti-forgery token' | 'from a foreign origin';

/** One request to a route: the path, query and body every caller sends. */
export type RouteRequest = {
  readonly params?: Record<string, string>;
  readonly query?: Record<string, string>;
  /** JSON, or raw bytes with their content type (streamed uploads). */
  readonly body?: unknown;
  readonly bytes?: { readonly contentType: string; readonly data: Uint8Array };
};

/** What a reply was: its status, content type and (problem or JSON) body. */
export type RouteReply = {
  readonly status: number;
  readonly contentType: string;
  readonly body: Record<string, unknown>;
};

/** An expected refusal: the problem, and for a 403 `forbidden` the gate's reason. */
export type Refusal = { readonly code: ProblemCode; readonly detail?: RegExp };

export const isWrite = (route: RouteContract): boolean => route.method !== 'GET';

/**
 * Sends a route's request as the caller would, with the variant's departure. Event streams are
 * cut as soon as their headers arrive.
 */
export const callRoute = async (
  server: TestServer,
  route: RouteContract,
  caller: RouteCaller,
  variant: Variant,
  request: RouteRequest,
): Promise<RouteReply> => {
  const url = new URL(buildPath(route.path, request.params ?? {}), server.url);
  for (const [name, value] of Object.entries(request.query ?? {})) {
    url.searchParams.set(name, value);
  }
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  const cookie = caller.person?.http.cookies.header() ?? caller.staleCookie;
  if (cookie !== undefined) {
    headers['cookie'] = cookie;
  }
  if (isWrite(route)) {
    headers['origin'] = variant === 'from a foreign origin' ? 'https://parley.example.net' : server.origin;
    const csrf = caller.person?.currentSession?.csrfToken;
    if (csrf !== undefined && variant !== 'without the anti-forgery token') {
      headers['x-parley-csrf'] = csrf;
    }
  }
  let body: string | Uint8Array<ArrayBuffer> | undefined;
  if (request.bytes) {
    headers['content-type'] = request.bytes.contentType;
    body = new Uint8Array(request.bytes.data);
  } else if (request.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(request.body);
  }
  const abort = new AbortController();
  const response = await fetch(url, {
    method: route.method,
    headers,
    signal: abort.signal,
    ...(body === undefined ? {} : { body }),
  });
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType.startsWith('text/event-stream')) {
    abort.abort();
    return { status: response.status, contentType, body: {} };
  }
  const text = await response.text();
  const isJson = /json/.test(contentType) && text !== '';
  return { status: response.status, contentType, body: isJson ? (JSON.parse(text) as Record<string, unknown>) : {} };
};

/** Whether a reply is the refusal expected: problem+json with its type, status and gate reason. */
export const matchesRefusal = (reply: RouteReply, refusal: Refusal): boolean =>
  reply.contentType.startsWith('application/problem+json') &&
  reply.status === PROBLEMS[refusal.code].status &&
  reply.body['type'] === PROBLEMS[refusal.code].type &&
  (refusal.detail === undefined || refusal.detail.test(String(reply.body['detail'])));

/** The problems by which the gatekeeper and the route scopes refuse access. */
export const ACCESS_PROBLEMS: readonly ProblemCode[] = [
  'unauthenticated',
  'forbidden',
  'csrf',
  'badOrigin',
  'notStreamMember',
];
