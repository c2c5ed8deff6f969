/** How long the first queued item may wait for company, and how many items one batch may hold. */
export type GroupCommitLimits = { readonly maxBatch: number; readonly maxDelayMs: number };

/** One item's outcome inside a batch: its own result, or its own refusal. */
export type ItemOutcome<R> = { readonly ok: true; readonly value: R } | { readonly ok: false; readonly error: unknown };

type Pending<T, R> = {
  readonly item: T;
  readonly resolve: (value: R) => void;
  readonly reject: (error: unknown) => void;
};

/**
 * Group commit, as transparency-log integrators do it: items queue up and are handed to `integrate`
 * in batches, one batch at a time. A batch is flushed when it is full, `maxDelayMs` after its first
 * item arrived, or at once when the previous batch ends with items waiting (they waited already).
 * Each caller's promise settles with its own outcome only after the whole batch is committed; if
 * `integrate` itself fails, every item of that batch fails with it, so nothing is acknowledged that
 * was not stored.
 */
export class GroupCommit<T, R> {
  readonly #queue: Pending<T, R>[] = [];
  #timer: { readonly cancel: () => void } | undefined;
  #running = false;

  constructor(
    private readonly integrate: (items: readonly T[]) => Promise<readonly ItemOutcome<R>[]>,
    private readonly limits: GroupCommitLimits,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#running) {
      return;
    }
    if (this.#queue.length >= this.limits.maxBatch) {
      this.#flushNow();
    } else if (this.#timer === undefined) {
      this.#timer = this.#after(() => this.#flushNow());
    }
  }

  /**
   * With no delay, the batch still takes whatever arrived in the same turn of the event loop
   * (requests whose bodies were read together); it only does not wait for more.
   */
  #after(flush: () => void): { readonly cancel: () => void } {
    if (this.limits.maxDelayMs === 0) {
      const immediate = setImmediate(flush);
      return { cancel: () => clearImmediate(immediate) };
    }
    const timer = setTimeout(flush, this.limits.maxDelayMs);
    return { cancel: () => clearTimeout(timer) };
  }

  #flushNow(): void {
    this.#timer?.cancel();
    this.#timer = undefined;
    const batch = this.#queue.splice(0, this.limits.maxBatch);
    if (batch.length === 0) {
      return;
    }
    this.#running = true;
    void this.#run(batch).finally(() => {
      this.#running = false;
      if (this.#queue.length > 0) {
        this.#flushNow();
      }
    });
  }

  async #run(batch: readonly Pending<T, R>[]): Promise<void> {
    try {
      const outcomes = await this.integrate(batch.map((pending) => pending.item));
      batch.forEach((pending, index) => {
        const outcome = outcomes[index];
        if (!outcome) {
          pending.reject(new Error(`the batch integrator gave no outcome for item ${index}`));
        } else if (outcome.ok) {
          pending.resolve(outcome.value);
        } else {
          pending.reject(outcome.error);
        }
      });
    } catch (error) {
      for (const pending of batch) {
        pending.reject(error);
      }
    }
  }
}
