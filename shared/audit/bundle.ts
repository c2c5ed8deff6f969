/**
 * The audit bundle: a JSON file a reviewer exports and anyone verifies offline, trusting only the
 * pinned log key. Spec: docs/AUDIT-BUNDLE.md.
 *
 * Two schemas describe it. {@link AuditBundle} is the exact format an exporter writes. A verifier
 * parses untrusted input with {@link AuditBundleEnvelope}, which checks only the structure
 * (members, arrays, leaf indexes, strings), so that a record with a tampered field, of any JSON
 * type or size, is reported by name as a failing entry, statement or checkpoint instead of
 * refusing the whole file (docs/AUDIT-BUNDLE.md §4, step 1).
 */
import { z } from 'zod';
import { countCodePoints } from '../encoding/unicode';
import { Base64url, Count, FixedBase64url, Hash32, Uuid } from '../schemas/common';
import { EntryHeader, MAX_ENTRY_CIPHERTEXT_BYTES } from '../schemas/entry';
import { SignedKeyStatement } from '../schemas/key-statement';

/** The `format` member of every version-1 bundle. */
export const AUDIT_BUNDLE_FORMAT = 'parley-audit-bundle/v1';

/** The longest checkpoint note a bundle may carry, in characters (code points). */
export const MAX_NOTE_CHARS = 16_384;
/** RFC 6962 proofs for trees of up to 2^53 leaves are at most 53 (inclusion) and 106 (consistency) hashes. */
export const MAX_INCLUSION_HASHES = 64;
export const MAX_CONSISTENCY_HASHES = 128;

/** Why a checkpoint note is too long for a bundle, or undefined. */
export const findNoteLengthProblem = (note: string): string | undefined =>
  note.length > MAX_NOTE_CHARS && countCodePoints(note) > MAX_NOTE_CHARS
    ? `note is longer than ${MAX_NOTE_CHARS} characters`
    : undefined;

/** What the exporter meant to export. Informational: the verifier reports it and checks what is there. */
export const BundleScope = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('case'), id: Uuid }),
  z.strictObject({ kind: z.literal('thread'), id: Uuid }),
  z.strictObject({ kind: z.literal('party'), id: Uuid }),
  z.strictObject({ kind: z.literal('log') }),
]);
export type BundleScope = z.infer<typeof BundleScope>;

// Record contents are any JSON value here: a record of the wrong type or size fails by name in
// its own step. `z.unknown()` passes the parsed value on as it is, own `__proto__` member and all,
// where `z.record` would silently drop that member.
const ConsistencyShape = z.strictObject({
  from: Count,
  to: Count,
  proof: z.unknown(),
});

const StatementShape = z.strictObject({
  leafIndex: Count,
  signed: z.unknown(),
  inclusion: z.unknown(),
});

const EntryShape = z.strictObject({
  leafIndex: Count,
  header: z.unknown(),
  signature: z.unknown(),
  ciphertext: z.unknown().optional(),
  inclusion: z.unknown(),
});

const StreamShape = z.strictObject({
  stream: z.string(),
  streamKind: z.string(),
  firstSeq: Count,
  prevHash: z.string(),
  lastSeq: Count,
});

/** A string of `min` to `max` chars (code points); whether it is well-formed is a JSON rule, charged to `bundle`. */
const chars = (min: number, max: number) =>
  z
    .string()
    .max(max * 2, `must be at most ${max} characters`)
    .refine((text) => {
      const count = countCodePoints(text);
      return count >= min && count <= max;
    }, `must be ${min} to ${max} characters`);

const envelopeMembers = {
  format: z.literal(AUDIT_BUNDLE_FORMAT),
  origin: chars(1, 1024),
  logKey: chars(1, 2048),
  scope: BundleScope,
  checkpoints: z.array(z.string()).min(1).max(100_000),
  consistency: z.array(ConsistencyShape).max(100_000),
  statements: z.array(StatementShape),
  entries: z.array(EntryShape),
  streams: z.array(StreamShape),
  leaves: z.array(z.string()).optional(),
};

/**
 * The structure of a bundle, as a verifier parses untrusted input: every member present with
 * the right JSON type, record contents not yet checked. A file that does not match is not an
 * audit bundle at all (the CLI's exit code 2).
 */
export const AuditBundleEnvelope = z.strictObject(envelopeMembers);
export type AuditBundleEnvelope = z.infer<typeof AuditBundleEnvelope>;

/** A consistency proof between two consecutive checkpoints (RFC 6962 PROOF, base64url hashes). */
export const BundleConsistency = ConsistencyShape.extend({ proof: z.array(Hash32).max(MAX_CONSISTENCY_HASHES) });
export type BundleConsistency = z.infer<typeof BundleConsistency>;

/** A key-directory statement, its leaf index and its inclusion proof under the last checkpoint. */
export const BundleStatement = StatementShape.extend({
  signed: SignedKeyStatement,
  inclusion: z.array(Hash32).max(MAX_INCLUSION_HASHES),
});
export type BundleStatement = z.infer<typeof BundleStatement>;

/** An entry as signed (header, signature), its ciphertext if exported, leaf index and inclusion proof. */
export const BundleEntry = EntryShape.extend({
  header: EntryHeader,
  signature: FixedBase64url(64),
  ciphertext: Base64url(MAX_ENTRY_CIPHERTEXT_BYTES + 16).optional(),
  inclusion: z.array(Hash32).max(MAX_INCLUSION_HASHES),
});
export type BundleEntry = z.infer<typeof BundleEntry>;

/**
 * The seqs `firstSeq`..`lastSeq` of one stream, all of which the bundle carries. `prevHash` is
 * the entry hash of seq `firstSeq - 1`, or `""` when the range starts at seq 1.
 */
export const BundleStream = StreamShape.extend({
  stream: Uuid,
  streamKind: z.enum(['case', 'thread']),
  firstSeq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  prevHash: z.union([Hash32, z.literal('')]),
  lastSeq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
});
export type BundleStream = z.infer<typeof BundleStream>;

/** The exact version-1 format (docs/AUDIT-BUNDLE.md §2). */
export const AuditBundle = z.strictObject({
  ...envelopeMembers,
  checkpoints: z
    .array(z.string().refine((note) => findNoteLengthProblem(note) === undefined, 'note is too long'))
    .min(1)
    .max(100_000),
  consistency: z.array(BundleConsistency).max(100_000),
  statements: z.array(BundleStatement),
  entries: z.array(BundleEntry),
  streams: z.array(BundleStream),
  /** Every leaf input of the log, base64url of 34 bytes each: proves the key directory complete. */
  leaves: z.array(FixedBase64url(34)).optional(),
});
export type AuditBundle = z.infer<typeof AuditBundle>;

/** The outcome of {@link parseAuditBundle}. */
export type ParsedAuditBundle =
  | { readonly ok: true; readonly bundle: AuditBundleEnvelope }
  | { readonly ok: false; readonly reason: string };

/** Parses untrusted JSON as a bundle envelope, with the first problem as one line (path: message). */
export const parseAuditBundle = (value: unknown): ParsedAuditBundle => {
  const parsed = AuditBundleEnvelope.safeParse(value);
  if (parsed.success) {
    return { ok: true, bundle: parsed.data };
  }
  const issue = parsed.error.issues[0];
  const path = issue?.path.length ? issue.path.join('.') : '(top level)';
  return { ok: false, reason: `${path}: ${issue?.message ?? 'does not match the audit bundle format'}` };
};
