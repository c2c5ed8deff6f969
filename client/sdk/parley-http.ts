import { type CallInput, callRoute, replyText, type Transport } from '../../shared/api/client';
import type { RouteContract, RouteOutput } from '../../shared/api/route';
import type { SessionView } from '../../shared/schemas/identity';
import { CookieJar } from './cookie-jar';

/** Name of the session cookie on a plain-HTTP origin; `https:` origins use the `__Host-` prefix. */
const sessionCookieName = (origin: string): string =>
  origin.startsWith('https:') ? '__Host-parley_session' : 'parley_session';

/** Constructor options of {@link ParleyHttp}. */
export type ParleyHttpOptions = {
  /** Where requests go, e.g. `http://127.0.0.1:8080`. */
  baseUrl: string;
  /**
   * The server's public origin, sent as `Origin` on writes and bound into passkeys; defaults to
   * the origin of `baseUrl`. Differs when the server listens on another address than it is known by.
   */
  origin?: string;
  /** The `fetch` to use; the global one by default. */
  fetch?: typeof fetch;
};

/**
 * One browser tab's worth of HTTP to a Parley server, from Node: a cookie jar for the session
 * cookie, `Origin` on every write, the session's anti-forgery token in `x-parley-csrf` on writes
 * once signed in. Replies are parsed with the shared route schemas; non-2xx replies throw
 * `ApiProblem` (shared/api/client).
 */
export class ParleyHttp {
  readonly baseUrl: string;
  readonly origin: string;
  readonly cookies = new CookieJar();
  readonly #fetch: typeof fetch;
  #csrfToken: string | null = null;

  constructor({ baseUrl, origin, fetch: fetchImpl = fetch }: ParleyHttpOptions) {
    this.baseUrl = new URL(baseUrl).origin;
    this.origin = origin === undefined ? this.baseUrl : new URL(origin).origin;
    this.#fetch = fetchImpl;
  }

  /** Whether the jar holds a session cookie (the server may still have ended that session). */
  get hasSessionCookie(): boolean {
    return this.cookies.get(sessionCookieName(this.origin)) !== undefined;
  }

  /** Remembers (or, with null, forgets) the session whose anti-forgery token writes carry. */
  useSession(session: SessionView | null): void {
    this.#csrfToken = session?.csrfToken ?? null;
  }

  /** Forgets the session cookie and token, as closing the browser would. */
  forgetSession(): void {
    this.cookies.clear();
    this.#csrfToken = null;
  }

  /** The {@link Transport} for `callRoute`. */
  readonly transport: Transport = async ({ method, path, body }) => {
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
    }
    const cookie = this.cookies.header();
    if (cookie !== undefined) {
      headers['cookie'] = cookie;
    }
    if (method !== 'GET') {
      headers['origin'] = this.origin;
      if (this.#csrfToken !== null && this.hasSessionCookie) {
        headers['x-parley-csrf'] = this.#csrfToken;
      }
    }
    const response = await this.#fetch(new URL(path, this.baseUrl), {
      method,
      headers,
      redirect: 'manual',
      ...(body === undefined ? {} : { body }),
    });
    this.cookies.store(response.headers.getSetCookie());
    if (!this.hasSessionCookie) {
      this.#csrfToken = null;
    }
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      text: async () => replyText(new Uint8Array(await response.arrayBuffer())),
    };
  };

  /** Calls a contract route; throws `ApiProblem` for a non-2xx reply. */
  api<R extends RouteContract>(route: R, input?: CallInput<R>): Promise<RouteOutput<R>> {
    return callRoute(this.transport, route, input);
  }
}
