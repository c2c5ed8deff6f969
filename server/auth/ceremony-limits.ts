import type { Request } from 'express';
import { ProblemError } from '../problems';
import { RateLimiter } from './rate-limit';

/**
 * Limits on passkey ceremonies (enrolment, sign-in, adding a passkey): per client address, and
 * per credential so that one passkey cannot be hammered from many addresses.
 */
export class CeremonyLimits {
  constructor(
    readonly perAddress = new RateLimiter(30, 60_000),
    readonly perCredential = new RateLimiter(10, 60_000),
  ) {}

  /** Counts an attempt from this request (and this credential); refuses with 429 over the limit. */
  check(req: Request, credentialId?: string): void {
    const waits = [
      this.perAddress.hit(`addr:${req.socket.remoteAddress ?? 'unknown'}`),
      credentialId ? this.perCredential.hit(`cred:${credentialId}`) : 0,
    ];
    const wait = Math.max(...waits);
    if (wait > 0) {
      throw new ProblemError('rateLimited', `Try again in ${wait} seconds`, {
        headers: { 'Retry-After': String(wait) },
      });
    }
  }
}
