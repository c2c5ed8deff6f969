import { statfsSync } from 'node:fs';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { ProblemError } from '../problems';

/** Free bytes on the filesystem holding `dir`, as an unprivileged process may use them. */
export type FreeSpace = (dir: string) => number;

export const statfsFreeSpace: FreeSpace = (dir) => {
  const stats = statfsSync(dir);
  return Number(stats.bavail) * Number(stats.bsize);
};

const CHECK_INTERVAL_MS = 1_000;
const MIB = 1024 * 1024;

/**
 * Watches free space under the embedded database's directory. PGlite spins forever once
 * PostgreSQL cannot create a WAL segment (ENOSPC), so it must never be asked to: writes are
 * refused with 507 while free space, less what the write brings, is below the reserve (room for
 * the largest write plus its WAL segments). Space is measured at most once a second, and on every
 * write while low, so that writes resume as soon as space returns.
 */
export class StorageMonitor {
  #measuredAt = 0;
  #free = Number.POSITIVE_INFINITY;
  #isLow = false;

  constructor(
    private readonly dataDir: string,
    readonly reserveBytes: number,
    private readonly logger: Logger,
    private readonly freeSpace: FreeSpace = statfsFreeSpace,
  ) {}

  /** Throws the 507 problem unless `incomingBytes` more still leave the reserve free. */
  assertRoomFor(incomingBytes: number): void {
    const now = Date.now();
    if (this.#isLow || incomingBytes > 0 || now - this.#measuredAt >= CHECK_INTERVAL_MS) {
      this.#free = this.freeSpace(this.dataDir);
      this.#measuredAt = now;
    }
    const isLow = this.#free - incomingBytes < this.reserveBytes;
    if (isLow && !this.#isLow) {
      this.logger.warn({ freeBytes: this.#free, reserveBytes: this.reserveBytes }, 'disk space low: writes paused');
    } else if (!isLow && this.#isLow) {
      this.logger.info({ freeBytes: this.#free, reserveBytes: this.reserveBytes }, 'disk space back: writes resume');
    }
    this.#isLow = isLow;
    if (isLow) {
      throw new ProblemError(
        'insufficientStorage',
        `Writes are paused while free disk space is below the reserve of ${Math.round(this.reserveBytes / MIB)} MiB`,
        { headers: { 'Retry-After': '60' } },
      );
    }
  }
}

/** Small writes that keep people able to sign in and out while bulk writes are paused. */
const ALWAYS_ALLOWED = new Set([
  'POST /api/session/options',
  'POST /api/session/verify',
  'DELETE /api/session',
  'POST /api/session/sign-out-everywhere',
]);

/** Refuses API writes (not reads, not sign-in and sign-out) while the monitor reports low space. */
export const storageGuard =
  (monitor: StorageMonitor): RequestHandler =>
  (req, _res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || ALWAYS_ALLOWED.has(`${req.method} ${req.path}`)) {
      next();
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    monitor.assertRoomFor(Number.isFinite(declared) && declared > 0 ? declared : 0);
    next();
  };
