import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Database, selectRows } from '../../db/client';
import { RateLimiter } from './rate-limit';

/** Something that counts attempts per key: the seconds to wait when over its limit, else 0. */
export type AttemptCounter = { hit(key: string): number | Promise<number> };

/** The label of the secret (derived from the log key) under which counted keys are stored. */
export const RATE_WINDOWS_SECRET_LABEL = 'parley/rate-windows/v1';

/** One in this many counted attempts also removes windows that ended over a day ago. */
const SWEEP_EVERY = 1_000;

/**
 * A fixed-window limit shared by every server on the database: the count lives in `rate_windows`,
 * on the database's clock, so two servers behind one load balancer allow together what one would.
 * An in-process counter with the same limit answers first: it can only refuse what the shared
 * count would refuse too, and a flood is refused without a database write per attempt. What is
 * counted (a client's address, a credential, a person) is stored only as an HMAC under a secret
 * derived from the log key, so neither the database nor its backups list who tried to sign in.
 */
export class SharedRateLimiter implements AttemptCounter {
  readonly #local: RateLimiter;
  #hits = 0;

  constructor(
    private readonly database: Database,
    private readonly keySecret: Uint8Array,
    readonly name: string,
    readonly limit: number,
    readonly windowMs: number,
  ) {
    this.#local = new RateLimiter(limit, windowMs);
  }

  async hit(key: string): Promise<number> {
    const localWait = this.#local.hit(key);
    if (localWait > 0) {
      return localWait;
    }
    const seconds = this.windowMs / 1000;
    const [row] = await selectRows<{ count: number; remaining: string }>(
      this.database.db,
      sql`insert into rate_windows as w (key, window_start, count)
          values (${this.#storedKey(key)}, now(), 1)
          on conflict (key) do update set
            window_start = case when w.window_start <= now() - make_interval(secs => ${seconds})
                                then now() else w.window_start end,
            count = case when w.window_start <= now() - make_interval(secs => ${seconds})
                         then 1 else w.count + 1 end
          returning count, extract(epoch from w.window_start + make_interval(secs => ${seconds}) - now())::text as remaining`,
    );
    this.#hits += 1;
    if (this.#hits % SWEEP_EVERY === 0) {
      await this.database.db.execute(sql`delete from rate_windows where window_start < now() - interval '1 day'`);
    }
    const count = Number(row?.count ?? 0);
    return count > this.limit ? Math.max(1, Math.ceil(Number(row?.remaining ?? seconds))) : 0;
  }

  #storedKey(key: string): string {
    return `${this.name}:${createHmac('sha256', this.keySecret).update(key).digest('base64url')}`;
  }
}
