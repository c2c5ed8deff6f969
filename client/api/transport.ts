import { type CallInput, callRoute, type Transport } from '../../shared/api/client';
import type { RouteContract, RouteOutput } from '../../shared/api/route';

let csrfToken: string | null = null;

/** Remembers the anti-forgery token of the current session; sent on every write. */
export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

const browserTransport: Transport = async ({ method, path, body }) => {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  if (method !== 'GET' && csrfToken) {
    headers['x-parley-csrf'] = csrfToken;
  }
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    cache: 'no-store',
    ...(body === undefined ? {} : { body }),
  });
  return { status: response.status, contentType: response.headers.get('content-type'), text: () => response.text() };
};

/** Calls an API route from the browser, parsing the reply with the shared schema. */
export const api = <R extends RouteContract>(route: R, input?: CallInput<R>): Promise<RouteOutput<R>> =>
  callRoute(browserTransport, route, input);
