import { parseSetCookie, stringifyCookie } from 'cookie';

type StoredCookie = { value: string; expiresAt: number | undefined };

/**
 * The cookies one origin set, as a browser keeps them for that origin: enough for a session
 * cookie (`parley_session`). Domain and path scoping are not modelled, since the SDK talks to
 * one origin and Parley's cookies use `Path=/`.
 */
export class CookieJar {
  readonly #cookies = new Map<string, StoredCookie>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Applies `Set-Cookie` header lines; an empty value or a past expiry deletes the cookie. */
  store(setCookieLines: readonly string[]): void {
    for (const line of setCookieLines) {
      const cookie = parseSetCookie(line);
      const expiresAt = cookie.maxAge !== undefined ? this.now() + cookie.maxAge * 1000 : cookie.expires?.getTime();
      if (cookie.value === undefined || cookie.value === '' || (expiresAt !== undefined && expiresAt <= this.now())) {
        this.#cookies.delete(cookie.name);
      } else {
        this.#cookies.set(cookie.name, { value: cookie.value, expiresAt });
      }
    }
  }

  /** The value of a live cookie, if any. */
  get(name: string): string | undefined {
    const cookie = this.#cookies.get(name);
    if (cookie?.expiresAt !== undefined && cookie.expiresAt <= this.now()) {
      this.#cookies.delete(name);
      return undefined;
    }
    return cookie?.value;
  }

  /** The `Cookie` request header for the live cookies, or undefined when there are none. */
  header(): string | undefined {
    const live: Record<string, string> = {};
    for (const name of [...this.#cookies.keys()]) {
      const value = this.get(name);
      if (value !== undefined) {
        live[name] = value;
      }
    }
    return Object.keys(live).length === 0 ? undefined : stringifyCookie(live);
  }

  /** Forgets every cookie. */
  clear(): void {
    this.#cookies.clear();
  }
}
