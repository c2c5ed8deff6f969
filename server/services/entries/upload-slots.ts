import { ProblemError } from '../../problems';

/** Seconds a refused upload is told to wait before it tries again. */
const RETRY_AFTER_S = 5;

/**
 * Bounds how many uploads hold a database connection at once. On PostgreSQL an upload writes its
 * rows inside one transaction, so its connection is taken for as long as the client takes to send
 * the body (up to REQUEST_TIMEOUT_S): without a bound, a few slow uploads would take the whole pool
 * and every other request would wait. Beyond the bound an upload is refused at once with 429 and
 * Retry-After, before it reads its body or touches the database.
 */
export class UploadSlots {
  #taken = 0;

  constructor(readonly limit: number) {}

  /** Runs `upload` in a slot, or refuses it when every slot is taken. */
  async within<T>(upload: () => Promise<T>): Promise<T> {
    if (this.#taken >= this.limit) {
      throw new ProblemError(
        'rateLimited',
        `This server takes ${this.limit} uploads at once: try again in ${RETRY_AFTER_S} seconds`,
        { headers: { 'Retry-After': String(RETRY_AFTER_S) } },
      );
    }
    this.#taken += 1;
    try {
      return await upload();
    } finally {
      this.#taken -= 1;
    }
  }
}
