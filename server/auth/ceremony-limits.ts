import type { Request } from 'express';
import type { Database } from '../../db/client';
import { enrolmentRoutes, passkeyRoutes, sessionRoutes } from '../../shared/api/identity';
import type { RouteContract } from '../../shared/api/route';
import { ProblemError } from '../problems';
import { clientKey } from './client-key';
import { type AttemptCounter, SharedRateLimiter } from './shared-rate-limit';

/** The passkey ceremonies: public or nearly so, each one costing a challenge row and a signature check. */
export const CEREMONY_ROUTES: ReadonlySet<RouteContract> = new Set<RouteContract>([
  enrolmentRoutes.enrolmentOptions,
  enrolmentRoutes.enrolmentVerify,
  sessionRoutes.signInOptions,
  sessionRoutes.signInVerify,
  passkeyRoutes.passkeyOptions,
  passkeyRoutes.passkeyVerify,
  passkeyRoutes.passkeyRemovalChallenge,
  passkeyRoutes.removePasskey,
]);

/** Largest JSON body a ceremony route reads: a WebAuthn response, a key statement and a vault. */
export const CEREMONY_BODY_LIMIT = '64kb';

/**
 * Limits on passkey ceremonies (enrolment, sign-in, adding a passkey): per client (by address, an
 * IPv6 address by its /64, behind the trusted proxy the client's own), for all clients together,
 * and per credential so that one passkey cannot be hammered from many addresses. Counted in the
 * database, so that every server on it shares them.
 */
export class CeremonyLimits {
  constructor(
    readonly perAddress: AttemptCounter,
    readonly perCredential: AttemptCounter,
    readonly overall: AttemptCounter,
  ) {}

  /** Shared limits: 30 per address and 10 per credential a minute, and the configured global budget. */
  static fromConfig(
    config: { readonly ceremonyGlobalPerMinute: number },
    database: Database,
    keySecret: Uint8Array,
  ): CeremonyLimits {
    return new CeremonyLimits(
      new SharedRateLimiter(database, keySecret, 'ceremony', 30, 60_000),
      new SharedRateLimiter(database, keySecret, 'ceremony', 10, 60_000),
      new SharedRateLimiter(database, keySecret, 'ceremony', config.ceremonyGlobalPerMinute, 60_000),
    );
  }

  /**
   * Counts an attempt from this request's client before its body is read, so that a body that
   * fails to parse or to match its schema counts too; refuses with 429 over a limit.
   */
  async admit(req: Request): Promise<void> {
    const perAddress = await this.perAddress.hit(`addr:${clientKey(req.ip)}`);
    refuseAfter(Math.max(perAddress, perAddress > 0 ? 0 : await this.overall.hit('all')));
  }

  /** Counts an attempt with this credential, once the body names it. */
  async checkCredential(credentialId: string): Promise<void> {
    refuseAfter(await this.perCredential.hit(`cred:${credentialId}`));
  }
}

const refuseAfter = (wait: number): void => {
  if (wait > 0) {
    throw new ProblemError('rateLimited', `Try again in ${wait} seconds`, {
      headers: { 'Retry-After': String(wait) },
    });
  }
};
