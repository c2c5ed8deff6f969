/**
 * What the verification page shows, derived from a bundle and the verifier's outcome: the
 * summary, a row per entry and per checkpoint, the consistency between checkpoints, and every
 * other failure (statements, streams, the leaf list, the bundle itself) by the verifier's subject.
 */
import { parseAuditBundle } from '../../../shared/audit/bundle';
import type { BundleFailure } from '../../../shared/audit/failures';
import type { BundleSummary, BundleVerification } from '../../../shared/audit/verify-bundle';
import { SignedKeyStatement } from '../../../shared/schemas/key-statement';
import { type EntryRow, entryRows } from './entry-rows';

export type ProofState = 'valid' | 'invalid' | 'unchecked';

export type CheckpointRow = {
  readonly subject: string;
  /** The size the note's body states, as text: display only, the verifier parsed it for real. */
  readonly size: string;
  readonly state: ProofState;
  readonly reasons: readonly string[];
};

export type ConsistencyRow = {
  readonly subject: string;
  readonly from: string;
  readonly to: string;
  readonly state: ProofState;
  readonly reasons: readonly string[];
};

export type VerifyReport = {
  readonly ok: boolean;
  readonly summary: BundleSummary;
  readonly notes: readonly string[];
  readonly entries: readonly EntryRow[];
  readonly failingEntries: number;
  readonly checkpoints: readonly CheckpointRow[];
  readonly consistency: readonly ConsistencyRow[];
  /** Failures not shown in an entry, checkpoint or consistency row: statements, streams, leaves, the bundle. */
  readonly otherFailures: readonly BundleFailure[];
  /** Display names by person id, as the bundle's key statements give them. */
  readonly names: ReadonlyMap<string, string>;
};

/** The size line of a checkpoint note, and the subject the verifier names it by. */
const checkpointSubject = (note: string, index: number): { size: string; subject: string } => {
  const size = note.split('\n')[1] ?? '';
  return /^(?:0|[1-9][0-9]{0,15})$/.test(size)
    ? { size, subject: `checkpoint ${size}` }
    : { size: '?', subject: `checkpoint #${index + 1}` };
};

const reasonsFor = (failures: readonly BundleFailure[], subject: string) =>
  failures.filter((failure) => failure.subject === subject).map((failure) => failure.reason);

const namesOf = (statements: readonly { readonly signed: unknown }[]): Map<string, string> => {
  const names = new Map<string, string>();
  for (const { signed } of statements) {
    const parsed = SignedKeyStatement.safeParse(signed);
    if (parsed.success) {
      names.set(parsed.data.statement.person, parsed.data.statement.name);
    }
  }
  return names;
};

/** Builds the page's report from the bundle as parsed JSON and what `verifyBundle` said about it. */
export const buildVerifyReport = (json: unknown, verification: BundleVerification): VerifyReport => {
  const { failures } = verification;
  const parsed = parseAuditBundle(json);
  const bundle = parsed.ok ? parsed.bundle : null;
  const entries = entryRows(bundle?.entries ?? [], failures);
  const checkpoints = (bundle?.checkpoints ?? []).map((note, index): CheckpointRow => {
    const { size, subject } = checkpointSubject(note, index);
    const reasons = reasonsFor(failures, subject);
    return { subject, size, reasons, state: reasons.length > 0 ? 'invalid' : 'valid' };
  });
  const consistency = checkpoints.slice(1).map((to, index): ConsistencyRow => {
    const from = checkpoints[index] as CheckpointRow;
    const subject = `consistency ${from.size} -> ${to.size}`;
    const reasons = reasonsFor(failures, subject);
    // The verifier checks a proof only between two checkpoints that verified.
    const state =
      from.state === 'invalid' || to.state === 'invalid' ? 'unchecked' : reasons.length > 0 ? 'invalid' : 'valid';
    return { subject, from: from.size, to: to.size, state, reasons };
  });
  const shown = new Set(entries.flatMap((row) => row.failures));
  const named = new Set([...checkpoints, ...consistency].map((row) => row.subject));
  return {
    ok: verification.ok,
    summary: verification.summary,
    notes: verification.notes,
    entries,
    failingEntries: entries.filter((row) => row.failures.length > 0).length,
    checkpoints,
    consistency,
    otherFailures: failures.filter((failure) => !shown.has(failure) && !named.has(failure.subject)),
    names: namesOf(bundle?.statements ?? []),
  };
};
