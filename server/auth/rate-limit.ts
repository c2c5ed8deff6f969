/**
 * Fixed-window attempt counter per key (an address, a credential). In memory: it protects one
 * server process; several processes would each allow the limit.
 */
export class RateLimiter {
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts an attempt; returns the seconds to wait when the key is over its limit, else 0. */
  hit(key: string): number {
    const now = this.now();
    const window = this.#windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      this.#windows.set(key, { start: now, count: 1 });
      this.#sweep(now);
      return 0;
    }
    window.count += 1;
    return window.count > this.limit ? Math.ceil((window.start + this.windowMs - now) / 1000) : 0;
  }

  #sweep(now: number): void {
    if (this.#windows.size < 10_000) {
      return;
    }
    for (const [key, window] of this.#windows) {
      if (now - window.start >= this.windowMs) {
        this.#windows.delete(key);
      }
    }
  }
}
