/**
 * One table row per entry of a verified bundle: what its header says and, for each check, the
 * reasons the verifier gave. The verifier (shared/audit) names every failure by subject; this
 * finds each entry's subject exactly as the verifier builds it and sorts its reasons by check.
 */
import { BundleEntry } from '../../../shared/audit/bundle';
import type { BundleFailure } from '../../../shared/audit/failures';
import { computeEntryHash } from '../../../shared/crypto/entry-bytes';
import type { EntryType, StreamKind } from '../../../shared/schemas/entry-type';

/** The checks a row shows; `record` is everything else (schema, recipients, padding, type rules, ciphertext). */
export const ENTRY_CHECKS = ['signature', 'key', 'chain', 'inclusion', 'record'] as const;
export type EntryCheckName = (typeof ENTRY_CHECKS)[number];

/** One check of one entry: valid, failed with reasons, or not checked because the header does not parse. */
export type RowCheck =
  | { readonly state: 'valid' }
  | { readonly state: 'invalid'; readonly reasons: readonly string[] }
  | { readonly state: 'unchecked' };

export type EntryRow = {
  readonly leafIndex: number;
  /** The verifier's name for this entry; failures are listed under it. */
  readonly subject: string;
  readonly header: {
    readonly stream: string;
    readonly streamKind: StreamKind;
    readonly seq: number;
    readonly type: EntryType;
    readonly author: { readonly person: string; readonly party: string; readonly keyId: string };
    /** A case's clear code, as the signed header of its opening entry gives it. */
    readonly reference?: string;
  } | null;
  readonly checks: Readonly<Record<EntryCheckName, RowCheck>>;
  /** The verifier's failures about this entry: its own, and its stream's about its place in the chain. */
  readonly failures: readonly BundleFailure[];
};

/** The members of a bundle entry as they arrived: nothing trusted yet. */
type RawEntry = {
  readonly leafIndex: number;
  readonly header: unknown;
  readonly signature: unknown;
};

const SignedPart = BundleEntry.pick({ header: true, signature: true });

// Reasons as shared/audit/verify-entries.ts and verify-streams.ts word them, by the check they belong to.
const REASON_PATTERNS: readonly [EntryCheckName, RegExp][] = [
  ['inclusion', /^(not proven in the log|not included at leaf|inclusion(\[| is not| has))/],
  ['signature', /^the signature does not verify/],
  [
    'key',
    /^(the author's key \S+ is not in the verified key directory|key \S+ (belongs to|was not valid)|an? \w+ may not write)/,
  ],
  [
    'chain',
    /^(seq \d+ (is missing|appears)|prevHash |is at leaf |its stream is not listed|seq \d+ is outside|is an? \w+ entry but its stream|only the first entry of a stream|seq 1 must be an opening entry|an? \w+ opens a stream at seq 1)/,
  ],
];

/** Which check a verifier reason belongs to; anything unrecognised counts against the record itself. */
export const checkOfReason = (reason: string): EntryCheckName =>
  REASON_PATTERNS.find(([, pattern]) => pattern.test(reason))?.[0] ?? 'record';

/** The verifier checks no signature against a key it does not know. */
const UNKNOWN_KEY = /is not in the verified key directory/;

const checksOf = (failures: readonly BundleFailure[], parsed: boolean): Record<EntryCheckName, RowCheck> => {
  const reasons = failures.map((failure) => failure.reason);
  const checks = {} as Record<EntryCheckName, RowCheck>;
  for (const check of ENTRY_CHECKS) {
    const mine = reasons.filter((reason) => checkOfReason(reason) === check);
    checks[check] =
      mine.length > 0 ? { state: 'invalid', reasons: mine } : parsed ? { state: 'valid' } : { state: 'unchecked' };
  }
  if (checks.signature.state === 'valid' && reasons.some((reason) => UNKNOWN_KEY.test(reason))) {
    checks.signature = { state: 'unchecked' };
  }
  return checks;
};

/**
 * The stream's failures that concern this entry's link: "seq n is missing" breaks the link of
 * seq n + 1 (whose prevHash names the missing entry), "seq n appears k times" every copy of n.
 */
const streamFailuresOf = (failures: readonly BundleFailure[], stream: string, seq: number): BundleFailure[] =>
  failures.filter(({ subject, reason }) => {
    if (subject !== `stream ${stream}`) {
      return false;
    }
    const missing = /^seq (\d+) is missing/.exec(reason);
    const forked = /^seq (\d+) appears \d+ times/.exec(reason);
    return (missing !== null && Number(missing[1]) + 1 === seq) || (forked !== null && Number(forked[1]) === seq);
  });

/** The rows of a bundle's entries, in leaf order, each with the failures the verifier named for it. */
export const entryRows = (entries: readonly RawEntry[], failures: readonly BundleFailure[]): EntryRow[] => {
  const bySubject = new Map<string, BundleFailure[]>();
  for (const failure of failures) {
    bySubject.set(failure.subject, [...(bySubject.get(failure.subject) ?? []), failure]);
  }
  const rows = entries.map((entry): EntryRow => {
    const parsed = SignedPart.safeParse({ header: entry.header, signature: entry.signature });
    if (!parsed.success) {
      const subject = `entry at leaf ${entry.leafIndex}`;
      const reasons = bySubject.get(subject) ?? [];
      return {
        leafIndex: entry.leafIndex,
        subject,
        header: null,
        checks: checksOf(reasons, false),
        failures: reasons,
      };
    }
    const { header, signature } = parsed.data;
    const hash = computeEntryHash(header, signature);
    const subject = `entry ${hash} (leaf ${entry.leafIndex}, ${header.streamKind} ${header.stream} seq ${header.seq})`;
    const reasons = [...(bySubject.get(subject) ?? []), ...streamFailuresOf(failures, header.stream, header.seq)];
    return {
      leafIndex: entry.leafIndex,
      subject,
      header: {
        stream: header.stream,
        streamKind: header.streamKind,
        seq: header.seq,
        type: header.type,
        author: header.author,
        ...(header.meta.reference === undefined ? {} : { reference: header.meta.reference }),
      },
      checks: checksOf(reasons, true),
      failures: reasons,
    };
  });
  return rows.sort((a, b) => a.leafIndex - b.leafIndex);
};

/**
 * The codes of the case streams of the rows: the code each case's opening entry gives in its signed
 * header, when the bundle holds that entry. Other streams go by the start of their id. The screen
 * puts the word "case" before it in the reader's language.
 */
export const streamLabels = (rows: readonly EntryRow[]): ReadonlyMap<string, string> => {
  const labels = new Map<string, string>();
  for (const { header } of rows) {
    if (header?.streamKind === 'case' && header.seq === 1 && header.reference !== undefined) {
      labels.set(header.stream, header.reference);
    }
  }
  return labels;
};
