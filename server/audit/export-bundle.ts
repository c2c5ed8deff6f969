/**
 * Exports an audit bundle (docs/AUDIT-BUNDLE.md) from the database, as JSON text in chunks: one
 * page of rows at a time, so memory stays bounded however large the log. What is stored is
 * exported as stored; nothing is checked here, so a tampered record reaches the verifier, which
 * names it.
 */

import { and, asc, gt, gte, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { keyStatements, logLeaves } from '../../db/schema/index';
import { AUDIT_BUNDLE_FORMAT, type AuditBundle, type BundleScope, type BundleStream } from '../../shared/audit/bundle';
import { describeStreams } from '../../shared/audit/stream-ranges';
import { concatBytes, toBase64url } from '../../shared/encoding/bytes';
import type { EntryHeader } from '../../shared/schemas/entry';
import type { TransparencyLog } from '../log/transparency-log';
import { chooseCheckpoints, type StoredCheckpoint } from './checkpoint-history';
import { LogProofs, type MissingNode } from './log-proofs';
import { resolveScopeStreams, type ScopeStreams, scopeEntryPages } from './scope-entries';

/** Up to this many leaves, the leaf list is included unless the caller declines it. */
export const MAX_AUTO_LEAVES = 1_000_000;

const PAGE = 500;
/** Entries carry up to 1 MiB of ciphertext each: fewer per page when they are exported. */
const CIPHERTEXT_PAGE = 50;
const LEAF_PAGE = 10_000;

/** What to export. `leaves`: `auto` includes the leaf list for logs of up to {@link MAX_AUTO_LEAVES}. */
export type BundleRequest = {
  readonly scope: BundleScope;
  readonly ciphertext: boolean;
  /**
   * Whose ciphertext the export may carry: only entries whose key the caller may hold, as the read
   * API gives them out. The operator's own export (the CLI) carries every ciphertext.
   */
  readonly mayHoldKey?: (header: EntryHeader, signature: string) => boolean;
  readonly leaves?: 'auto' | 'always' | 'never';
  /** Earlier checkpoint sizes to carry; a power-of-two history when none is named. */
  readonly checkpoints?: readonly number[];
};

/** What an export wrote, counted as it goes. */
export type BundleCounts = { statements: number; entries: number; ciphertexts: number; leaves: number };

/** An export whose scope and checkpoints are settled: write it with {@link bundleChunks}. */
export type BundlePlan = {
  readonly request: BundleRequest;
  readonly origin: string;
  readonly logKey: string;
  readonly streams: ScopeStreams;
  /** Ascending; the last is the anchor. */
  readonly checkpoints: readonly StoredCheckpoint[];
  readonly withLeaves: boolean;
};

/** The anchor's tree size: every record below it is proven under it. */
export const anchorSizeOf = (plan: BundlePlan): number => plan.checkpoints.at(-1)?.treeSize ?? 0;

/**
 * Settles an export before any byte is written: the scope's streams (refusing an unknown case,
 * thread or party with `notFound`) and the checkpoints. Access is the caller's business
 * (`assertBundleAccess`).
 */
export const planBundle = async (db: Db, log: TransparencyLog, request: BundleRequest): Promise<BundlePlan> => {
  const streams = await resolveScopeStreams(db, request.scope);
  const checkpoints = await chooseCheckpoints(db, log, request.checkpoints);
  const treeSize = checkpoints.at(-1)?.treeSize ?? 0;
  const leaves = request.leaves ?? 'auto';
  return {
    request,
    origin: log.signer.name,
    logKey: log.signer.verifierKey,
    streams,
    checkpoints,
    withLeaves: leaves === 'always' || (leaves === 'auto' && treeSize <= MAX_AUTO_LEAVES),
  };
};

type ChunkOptions = { readonly onMissing?: MissingNode; readonly counts?: BundleCounts };

const json = (value: unknown): string => JSON.stringify(value);

/** `[` + the items, one per line, + `]`, as chunks: one per page. */
async function* jsonArray(pages: AsyncIterable<readonly string[]>): AsyncGenerator<string> {
  let separator = '[\n';
  for await (const items of pages) {
    if (items.length > 0) {
      yield separator + items.join(',\n');
      separator = ',\n';
    }
  }
  yield separator === '[\n' ? '[]' : '\n]';
}

async function* consistencyPages(plan: BundlePlan, proofs: LogProofs): AsyncGenerator<string[]> {
  const items: string[] = [];
  for (let index = 1; index < plan.checkpoints.length; index += 1) {
    const from = plan.checkpoints[index - 1]?.treeSize ?? 0;
    const to = plan.checkpoints[index]?.treeSize ?? 0;
    items.push(json({ from, to, proof: await proofs.consistencyProof(from, to) }));
  }
  yield items;
}

async function* statementPages(db: Db, proofs: LogProofs, counts: BundleCounts): AsyncGenerator<string[]> {
  for (let after = -1; ; ) {
    const rows = await db
      .select({ position: keyStatements.position, signed: keyStatements.signed })
      .from(keyStatements)
      .where(and(gt(keyStatements.position, after), lt(keyStatements.position, proofs.treeSize)))
      .orderBy(asc(keyStatements.position))
      .limit(PAGE);
    const inclusion = await proofs.inclusionProofs(rows.map((row) => row.position));
    counts.statements += rows.length;
    yield rows.map(({ position, signed }) =>
      json({ leafIndex: position, signed, inclusion: inclusion.get(position) ?? [] }),
    );
    const last = rows.at(-1);
    if (last === undefined || rows.length < PAGE) {
      return;
    }
    after = last.position;
  }
}

/** Folds one page's ranges into the ranges so far: the lowest start, the highest end. */
const mergeRanges = (ranges: Map<string, BundleStream>, page: readonly BundleStream[]): void => {
  for (const range of page) {
    const known = ranges.get(range.stream);
    const first = known === undefined || range.firstSeq < known.firstSeq ? range : known;
    ranges.set(range.stream, { ...first, lastSeq: Math.max(range.lastSeq, known?.lastSeq ?? 0) });
  }
};

async function* entryPages(
  db: Db,
  plan: BundlePlan,
  proofs: LogProofs,
  ranges: Map<string, BundleStream>,
  counts: BundleCounts,
): AsyncGenerator<string[]> {
  const withCiphertext = plan.request.ciphertext;
  const pages = scopeEntryPages(db, plan.streams, {
    below: proofs.treeSize,
    withCiphertext,
    pageSize: withCiphertext ? CIPHERTEXT_PAGE : PAGE,
  });
  for await (const rows of pages) {
    const inclusion = await proofs.inclusionProofs(rows.map((row) => row.leafIndex));
    mergeRanges(ranges, describeStreams(rows.map((row) => row.header)));
    counts.entries += rows.length;
    const mayHoldKey = plan.request.mayHoldKey ?? (() => true);
    const readable = rows.map((row) => ({
      ...row,
      ciphertext: row.ciphertext !== null && mayHoldKey(row.header, row.signature) ? row.ciphertext : null,
    }));
    counts.ciphertexts += readable.filter((row) => row.ciphertext !== null).length;
    yield readable.map(({ leafIndex, header, signature, ciphertext }) =>
      json({
        leafIndex,
        header,
        signature,
        ...(ciphertext === null ? {} : { ciphertext: toBase64url(ciphertext) }),
        inclusion: inclusion.get(leafIndex) ?? [],
      }),
    );
  }
}

/** Every stored leaf input below the anchor's size, as stored (a gap shows as a short list). */
async function* leafPages(db: Db, treeSize: number, counts: BundleCounts): AsyncGenerator<string[]> {
  for (let start = 0; start < treeSize; start += LEAF_PAGE) {
    const rows = await db
      .select({ kind: logLeaves.kind, recordHash: logLeaves.recordHash })
      .from(logLeaves)
      .where(and(gte(logLeaves.index, start), lt(logLeaves.index, Math.min(start + LEAF_PAGE, treeSize))))
      .orderBy(asc(logLeaves.index));
    counts.leaves += rows.length;
    yield rows.map((row) => json(toBase64url(concatBytes(Uint8Array.of(0x01, row.kind), row.recordHash))));
  }
}

/**
 * The bundle as JSON text, in chunks. `onMissing` hears of every proof the stored tree cannot
 * assemble (the record is exported with an empty proof, which the verifier refuses by name);
 * `counts` is filled in as records are written.
 */
export async function* bundleChunks(
  db: Db,
  plan: BundlePlan,
  { onMissing, counts = { statements: 0, entries: 0, ciphertexts: 0, leaves: 0 } }: ChunkOptions = {},
): AsyncGenerator<string> {
  const proofs = new LogProofs(db, anchorSizeOf(plan), onMissing);
  const { origin, logKey, request } = plan;
  yield `{"format":${json(AUDIT_BUNDLE_FORMAT)},"origin":${json(origin)},"logKey":${json(logKey)},"scope":${json(request.scope)},\n`;
  yield `"checkpoints":${json(plan.checkpoints.map((checkpoint) => checkpoint.note))},\n"consistency":`;
  yield* jsonArray(consistencyPages(plan, proofs));
  yield ',\n"statements":';
  yield* jsonArray(statementPages(db, proofs, counts));
  yield ',\n"entries":';
  const ranges = new Map<string, BundleStream>();
  yield* jsonArray(entryPages(db, plan, proofs, ranges, counts));
  yield `,\n"streams":${json([...ranges.values()])}`;
  if (plan.withLeaves) {
    yield ',\n"leaves":';
    yield* jsonArray(leafPages(db, proofs.treeSize, counts));
  }
  yield '}\n';
}

/** Plans and writes a whole bundle in memory: for tests and small scopes. */
export const exportBundle = async (db: Db, log: TransparencyLog, request: BundleRequest): Promise<AuditBundle> => {
  const chunks: string[] = [];
  for await (const chunk of bundleChunks(db, await planBundle(db, log, request))) {
    chunks.push(chunk);
  }
  return JSON.parse(chunks.join('')) as AuditBundle;
};
