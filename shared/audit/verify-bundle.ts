/**
 * Offline verification of an audit bundle, trusting only the pinned log key: the algorithm of
 * docs/AUDIT-BUNDLE.md §4. Every failing checkpoint, proof, statement, entry and stream is named
 * with its reason; nothing stops at the first failure. libsodium must be ready (`initCrypto()`).
 */
import { type JsonTextReading, readJsonText } from '../encoding/json-text';
import { findJsonValueViolations } from '../encoding/json-value';
import { parseVerifierKey } from '../log/verifier-key';
import { type BundleScope, type ParsedAuditBundle, parseAuditBundle } from './bundle';
import type { BundleFailure } from './failures';
import { NO_BREACHES, type RecordBreaches, sortBreaches } from './record-breaches';
import type { SignatureVerdictSource } from './signature-verdicts';
import { verifyCheckpointChain } from './verify-checkpoints';
import { verifyEntries } from './verify-entries';
import { verifyLeaves } from './verify-leaves';
import { type StreamMembers, verifyMembership } from './verify-membership';
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
  /** Set when step 1 failed: the input is not an audit bundle at all (the CLI's exit code 2). */
  readonly notABundle?: string;
  /** Member parties of each stream carried from its opening entry, as its verified entries add them up. */
  readonly streamMembers?: ReadonlyMap<string, StreamMembers>;
};

/** What the verifier is told out of band, besides the pinned key and origin. */
export type VerifyBundleOptions = {
  /** Checkpoint notes seen elsewhere (text, or the bytes of a file), which the bundle's log must extend. */
  readonly trusted?: readonly (string | Uint8Array)[];
  /** The deployment's legacy boundary (PROTOCOL.md §7.8), pinned with the log key; 0 by default. */
  readonly legacyBefore?: number;
  /**
   * Entry signatures checked beforehand, e.g. on worker threads (`planEntrySignatureChecks`). Each
   * is used only for the exact header bytes, signature and key it was computed for.
   */
  readonly signatureVerdicts?: SignatureVerdictSource;
};

/**
 * Verifies a bundle already parsed into a value (`unknown`: it is checked against the envelope
 * first) against the pinned log key (verifier key text) and the expected origin, by default the
 * key's name. Own forbidden members and lone surrogates fail the record that holds them; duplicate
 * names and number forms left no trace in a value, so verify text with {@link verifyBundleText}.
 */
export const verifyBundle = (
  input: unknown,
  pinnedVerifierKey: string,
  expectedOrigin?: string,
  options: VerifyBundleOptions = {},
): BundleVerification =>
  verifyDocument(input, sortBreaches(findJsonValueViolations(input)), pinnedVerifierKey, expectedOrigin, options);

/**
 * Verifies a bundle from its JSON text, applying every JSON rule (docs/PROTOCOL.md §1.5) and
 * naming the record that breaks one: what `npm run verify` runs.
 */
export const verifyBundleText = (
  text: string,
  pinnedVerifierKey: string,
  expectedOrigin?: string,
  options: VerifyBundleOptions = {},
): BundleVerification => {
  const reading = readJsonText(text);
  if (reading.ok) {
    return verifyBundleReading(reading, pinnedVerifierKey, expectedOrigin, options);
  }
  const breaches = { ...NO_BREACHES, structure: `not JSON: ${reading.reason}` };
  return verifyDocument(undefined, breaches, pinnedVerifierKey, expectedOrigin, options);
};

/** {@link verifyBundleText} for a caller that read the text itself and keeps the parsed value. */
export const verifyBundleReading = (
  reading: Extract<JsonTextReading, { ok: true }>,
  pinnedVerifierKey: string,
  expectedOrigin?: string,
  options: VerifyBundleOptions = {},
): BundleVerification =>
  verifyDocument(reading.value, sortBreaches(reading.violations), pinnedVerifierKey, expectedOrigin, options);

const verifyDocument = (
  input: unknown,
  breaches: RecordBreaches,
  pinnedVerifierKey: string,
  expectedOrigin: string | undefined,
  options: VerifyBundleOptions,
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
  const parsed: ParsedAuditBundle =
    breaches.structure === undefined ? parseAuditBundle(input) : { ok: false, reason: breaches.structure };
  if (!parsed.ok) {
    fail('bundle', `not an audit bundle: ${parsed.reason}`);
    return { ok: false, summary, failures, notes, notABundle: parsed.reason };
  }
  const { bundle } = parsed;
  for (const breach of breaches.bundle) {
    fail('bundle', `breaks the JSON rules: ${breach}`);
  }
  if (bundle.origin !== origin) {
    fail('bundle', `origin is ${JSON.stringify(bundle.origin)}, expected ${JSON.stringify(origin)}`);
  }
  if (bundle.logKey !== pinnedVerifierKey) {
    notes.push(`the bundle names log key ${bundle.logKey}; only the pinned key ${pinnedVerifierKey} was trusted`);
  }
  const chain = verifyCheckpointChain(bundle, key.key, origin, fail, breaches);
  const { anchor } = chain;
  const { legacyBefore } = summary;
  const { directory, provenLeaves } = verifyStatements(bundle.statements, anchor, fail, breaches, { legacyBefore });
  // Of the whole log, the bundle carries every entry: the leaf list shows any it leaves out.
  const entryLeaves = bundle.scope.kind === 'log' ? new Set(bundle.entries.map((entry) => entry.leafIndex)) : undefined;
  const listed = verifyLeaves(bundle.leaves, anchor, provenLeaves, fail, {
    breaches,
    ...(entryLeaves ? { entryLeaves } : {}),
  });
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
  const context = {
    anchor,
    directory,
    breaches,
    ...(verified ? { leaves: verified } : {}),
    ...(options.signatureVerdicts ? { signatureVerdicts: options.signatureVerdicts } : {}),
  };
  const entries = verifyEntries(bundle.entries, context, fail);
  const streams = verifyStreams(bundle.streams, entries, fail, breaches);
  const streamMembers = verifyMembership(entries, directory, fail, (text) => notes.push(text));
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
    streamMembers,
  };
};
