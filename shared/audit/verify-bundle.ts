/**
 * Offline verification of an audit bundle, trusting only the pinned log key: the algorithm of
 * docs/AUDIT-BUNDLE.md §4. Every failing checkpoint, proof, statement, entry and stream is named
 * with its reason; nothing stops at the first failure. libsodium must be ready (`initCrypto()`).
 */
import { parseVerifierKey } from '../log/verifier-key';
import { type BundleScope, parseAuditBundle } from './bundle';
import type { BundleFailure } from './failures';
import { verifyCheckpointChain } from './verify-checkpoints';
import { verifyEntries } from './verify-entries';
import { verifyLeaves } from './verify-leaves';
import { verifyMembership } from './verify-membership';
import { verifyStatementCount } from './verify-statement-count';
import { verifyStatements } from './verify-statements';
import { verifyStreams } from './verify-streams';
import { verifyTrustedCheckpoints } from './verify-trusted';

/** What a bundle holds and what was proven about it. */
export type BundleSummary = {
  readonly scope: BundleScope | null;
  /** The origin the checkpoints were verified for, and the pinned key they were verified with. */
  readonly origin: string;
  readonly logKey: string;
  /** The size of the last checkpoint, if it verified: every inclusion proof is against it. */
  readonly treeSize: number | null;
  readonly checkpoints: number;
  readonly statements: number;
  readonly entries: number;
  readonly ciphertexts: number;
  readonly streams: number;
  /** The number of leaves listed, or null when the bundle has no leaf list. */
  readonly leaves: number | null;
  /** True only when the bundle is proven to carry every key-directory statement. */
  readonly directoryComplete: boolean;
  /** What proves it: the leaf list, the anchor's `key-statements` count, or both; empty when nothing does. */
  readonly directoryProvenBy: readonly ('leaves' | 'count')[];
  /** Log positions below this were judged by the rules before party roots and consent (PROTOCOL.md §7.8). */
  readonly legacyBefore: number;
};

/** The outcome of {@link verifyBundle}; `notes` are observations that are not failures. */
export type BundleVerification = {
  readonly ok: boolean;
  readonly summary: BundleSummary;
  readonly failures: readonly BundleFailure[];
  readonly notes: readonly string[];
};

/** What the verifier is told out of band, besides the pinned key and origin. */
export type BundleOptions = {
  /** Checkpoint notes seen elsewhere, which the bundle's log must extend. */
  readonly trusted?: readonly string[];
  /** The deployment's legacy boundary (PROTOCOL.md §7.8), pinned with the log key; 0 by default. */
  readonly legacyBefore?: number;
};

/**
 * Verifies a parsed JSON bundle (`unknown`: it is checked against the envelope first) against
 * the pinned log key (verifier key text) and the expected origin, by default the key's name.
 */
export const verifyBundle = (
  input: unknown,
  pinnedVerifierKey: string,
  expectedOrigin?: string,
  options: BundleOptions = {},
): BundleVerification => {
  const failures: BundleFailure[] = [];
  const notes: string[] = [];
  const fail = (subject: string, reason: string) => failures.push({ subject, reason });
  const key = parseVerifierKey(pinnedVerifierKey);
  const origin = expectedOrigin ?? (key.ok ? key.key.name : '');
  const summary: BundleSummary = {
    scope: null,
    origin,
    logKey: pinnedVerifierKey,
    treeSize: null,
    checkpoints: 0,
    statements: 0,
    entries: 0,
    ciphertexts: 0,
    streams: 0,
    leaves: null,
    directoryComplete: false,
    directoryProvenBy: [],
    legacyBefore: options.legacyBefore ?? 0,
  };
  if (!Number.isSafeInteger(summary.legacyBefore) || summary.legacyBefore < 0) {
    fail('legacy boundary', `must be a non-negative integer, not ${String(summary.legacyBefore)}`);
    return { ok: false, summary, failures, notes };
  }
  if (!key.ok) {
    fail('log key', key.reason);
    return { ok: false, summary, failures, notes };
  }
  const parsed = parseAuditBundle(input);
  if (!parsed.ok) {
    fail('bundle', `not an audit bundle: ${parsed.reason}`);
    return { ok: false, summary, failures, notes };
  }
  const { bundle } = parsed;
  if (bundle.origin !== origin) {
    fail('bundle', `origin is ${JSON.stringify(bundle.origin)}, expected ${JSON.stringify(origin)}`);
  }
  if (bundle.logKey !== pinnedVerifierKey) {
    notes.push(`the bundle names log key ${bundle.logKey}; only the pinned key ${pinnedVerifierKey} was trusted`);
  }
  const chain = verifyCheckpointChain(bundle, key.key, origin, fail);
  const { anchor } = chain;
  const { legacyBefore } = summary;
  const { directory, provenLeaves } = verifyStatements(bundle.statements, anchor, fail, { legacyBefore });
  // Of the whole log, the bundle carries every entry: the leaf list shows any it leaves out.
  const entryLeaves = bundle.scope.kind === 'log' ? new Set(bundle.entries.map((entry) => entry.leafIndex)) : undefined;
  const listed = verifyLeaves(bundle.leaves, anchor, provenLeaves, fail, entryLeaves);
  const { verified } = listed;
  const isCounted = verifyStatementCount(chain.verified, anchor, provenLeaves, verified?.statementLeaves, fail);
  const directoryProvenBy = [
    ...(listed.directoryComplete ? (['leaves'] as const) : []),
    ...(isCounted ? (['count'] as const) : []),
  ];
  verifyTrustedCheckpoints(options.trusted ?? [], chain, bundle.leaves, key.key, origin, fail);
  if (bundle.leaves === undefined && anchor?.keyStatements === undefined) {
    notes.push(
      'no leaf list, and the last checkpoint does not count its key statements: ' +
        'that the bundle carries every key-directory statement is not proven',
    );
  }
  const entries = verifyEntries(bundle.entries, { anchor, directory, ...(verified ? { leaves: verified } : {}) }, fail);
  const streams = verifyStreams(bundle.streams, entries, fail);
  verifyMembership(entries, directory, fail, (text) => notes.push(text));
  return {
    ok: failures.length === 0,
    summary: {
      ...summary,
      scope: bundle.scope,
      treeSize: anchor?.treeSize ?? null,
      checkpoints: bundle.checkpoints.length,
      statements: bundle.statements.length,
      entries: bundle.entries.length,
      ciphertexts: bundle.entries.filter((entry) => entry.ciphertext !== undefined).length,
      streams,
      leaves: bundle.leaves?.length ?? null,
      directoryComplete: directoryProvenBy.length > 0,
      directoryProvenBy,
    },
    failures,
    notes,
  };
};
