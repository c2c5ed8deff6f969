import { type CallInput, callRoute, replyText, type Transport } from '../../shared/api/client';
import type { RouteContract, RouteOutput } from '../../shared/api/route';

let csrfToken: string | null = null;
const unauthenticatedListeners = new Set<() => void>();

/**
 * Calls `listener` whenever the server answers 401 (the session ended, expired or was revoked),
 * so the app can forget it and drop the unlocked keys. Returns the unsubscribe function.
 */
export const onUnauthenticated = (listener: () => void): (() => void) => {
  unauthenticatedListeners.add(listener);
  return () => {
    unauthenticatedListeners.delete(listener);
  };
};

/** Remembers the anti-forgery token of the current session; sent on every write. */
export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

/** One exchange from the browser: the session cookie, the anti-forgery token on writes, 401 reported. */
export const browserTransport: Transport = async ({ method, path, body }) => {
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
  if (response.status === 401) {
    for (const listener of unauthenticatedListeners) {
      listener();
    }
  }
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    text: async () => replyText(new Uint8Array(await response.arrayBuffer())),
  };
};

/** Calls an API route from the browser, parsing the reply with the shared schema. */
export const api = <R extends RouteContract>(route: R, input?: CallInput<R>): Promise<RouteOutput<R>> =>
  callRoute(browserTransport, route, input);
