/**
 * Fetches an audit bundle and verifies it in this browser against the log key and origin this
 * browser pinned (client/crypto/log-pin.ts): never against a key the server names in the reply,
 * which the bundle's own `logKey` member is. The exact text verified is kept for the download.
 */

import { ApiProblem, callRoute, type Transport } from '../../../shared/api/client';
import { API } from '../../../shared/api/index';
import { type BundleVerification, verifyBundleReading } from '../../../shared/audit/verify-bundle';
import { initCrypto } from '../../../shared/crypto/sodium';
import { readJsonText } from '../../../shared/encoding/json-text';
import { sessionTransport } from '../../api/transport';
import { type LogPin, storedLogStatus } from '../../crypto/log-pin';
import type { VerifyScope } from './verify-scope';

/** The reply is no audit bundle at all; `problem` says why, for the page to word it. */
export class BundleReplyError extends Error {
  constructor(
    readonly problem: 'no-bundle' | 'not-json',
    message: string,
  ) {
    super(message);
    this.name = 'BundleReplyError';
  }
}

/** A verified bundle: the text as received, its parsed JSON, and what the verifier found. */
export type VerifiedBundle = {
  readonly text: string;
  readonly json: unknown;
  readonly verification: BundleVerification;
};

const queryOf = (scope: VerifyScope) =>
  scope.kind === 'all'
    ? { scope: 'all' as const, ciphertext: 'yes' as const }
    : { scope: scope.kind, id: scope.id, ciphertext: 'yes' as const };

/**
 * Downloads the bundle of `scope` (with ciphertexts, so they are checked too) and verifies it,
 * including that its log extends the checkpoint this browser last verified: a bundle alone cannot
 * show that the log was truncated or forked since.
 */
export const fetchVerifiedBundle = async (scope: VerifyScope, pin: LogPin): Promise<VerifiedBundle> => {
  const trusted = storedLogStatus().checkpoint?.note;
  await initCrypto();
  let text: string | null = null;
  const keepText: Transport = async (request) => {
    const reply = await sessionTransport(request);
    return { ...reply, text: async () => (text = await reply.text()) };
  };
  try {
    await callRoute(keepText, API.auditBundle, { query: queryOf(scope) });
  } catch (error) {
    // A reply that is not even a bundle's structure is still verified: the verifier names why.
    if (error instanceof ApiProblem || text === null) {
      throw error;
    }
  }
  const received = text as string | null;
  if (received === null) {
    throw new BundleReplyError('no-bundle', 'The server sent no bundle');
  }
  // Read under the JSON rules, so a record with a duplicate member or an own __proto__ is named.
  const reading = readJsonText(received);
  if (!reading.ok) {
    throw new BundleReplyError('not-json', 'The server’s reply is not JSON, so it is not an audit bundle');
  }
  return {
    text: received,
    json: reading.value,
    verification: verifyBundleReading(reading, pin.verifierKey, pin.origin, { trusted: trusted ? [trusted] : [] }),
  };
};
