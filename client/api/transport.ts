import { type CallInput, callRoute, replyText, type Transport } from '../../shared/api/client';
import type { RouteContract, RouteOutput } from '../../shared/api/route';
import { SessionView } from '../../shared/schemas/identity';

let csrfToken: string | null = null;
const unauthenticatedListeners = new Set<() => void>();
let sessionEnded = false;
const sessionRequests = new Map<AbortController, Promise<unknown>>();
let sessionSwitch: Promise<void> | null = null;
/** How long a sign-in waits for the requests of the session it ends before going ahead anyway. */
const SWITCH_SETTLE_MS = 5_000;

/** A signed-in request asked for after this tab's session ended; it never reached the server. */
export class SessionEndedError extends Error {
  constructor() {
    super('This session has ended: sign in again');
  }
}

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

/**
 * Ends the signed-in requests of this tab: those in flight are aborted, and later ones are refused
 * here until a new session starts, rather than sent for the server to answer 401. Work that was
 * under way when the person signed out (a directory being proven, a timeline being read) stops.
 */
export const endSessionRequests = (): void => {
  sessionEnded = true;
  for (const controller of sessionRequests.keys()) {
    controller.abort();
  }
  sessionRequests.clear();
};

/**
 * Runs `start`, a ceremony's last call that ends this tab's session and starts the next (the server
 * ends the session a sign-in replaces), once the signed-in requests in flight have settled, and holds
 * new ones until it is done. Otherwise a request sent with the old cookie (a timeline read while an
 * idle lock is undone) could reach the server after its session ended and be refused with 401.
 */
export const switchingSession = async <T>(start: () => Promise<T>): Promise<T> => {
  const earlier = sessionSwitch;
  let release = () => {};
  const mine = new Promise<void>((resolve) => {
    release = resolve;
  });
  sessionSwitch = mine;
  try {
    await earlier;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      Promise.allSettled(sessionRequests.values()),
      new Promise((resolve) => {
        timer = setTimeout(resolve, SWITCH_SETTLE_MS);
      }),
    ]);
    clearTimeout(timer);
    return await start();
  } finally {
    if (sessionSwitch === mine) {
      sessionSwitch = null;
    }
    release();
  }
};

/** A new session started (sign-in, enrolment, or one found on load): signed-in requests go out again. */
export const startSessionRequests = (): void => {
  sessionEnded = false;
};

const exchange = async (
  { method, path, body }: Parameters<Transport>[0],
  signal?: AbortSignal,
): ReturnType<Transport> => {
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
    ...(signal === undefined ? {} : { signal }),
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

/** One exchange from the browser: the session cookie, the anti-forgery token on writes, 401 reported. */
export const browserTransport: Transport = (request) => exchange(request);

/** {@link browserTransport} for routes that need a session: refused once it ended, aborted when it ends. */
export const sessionTransport: Transport = async (request) => {
  while (sessionSwitch) {
    await sessionSwitch;
  }
  if (sessionEnded) {
    throw new SessionEndedError();
  }
  const controller = new AbortController();
  const reply = exchange(request, controller.signal);
  sessionRequests.set(controller, reply);
  try {
    return await reply;
  } finally {
    sessionRequests.delete(controller);
  }
};

/** Calls an API route from the browser, parsing the reply with the shared schema. */
export const api = async <R extends RouteContract>(route: R, input?: CallInput<R>): Promise<RouteOutput<R>> => {
  const output = await callRoute(route.access.kind === 'person' ? sessionTransport : browserTransport, route, input);
  // A route that answers with a session (a sign-in or enrolment ceremony) has started one.
  if (route.response === SessionView) {
    startSessionRequests();
  }
  return output;
};
