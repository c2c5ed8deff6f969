/**
 * Step 5 of bundle verification (docs/AUDIT-BUNDLE.md §4): every key-directory statement proven
 * in the log at its leaf index, then the directory rebuilt from the proven ones in leaf order.
 */
import { keyStatementHash } from '../crypto/key-statement';
import { type DirectoryOptions, type DirectoryState, verifyKeyDirectory } from '../directory/index';
import { fromBase64url } from '../encoding/bytes';
import type { Checkpoint } from '../log/checkpoint';
import { checkEntryInclusion } from '../log/log-monitor';
import { SignedKeyStatement } from '../schemas/key-statement';
import { type AuditBundleEnvelope, MAX_INCLUSION_HASHES } from './bundle';
import { decodeHashes, type Fail } from './failures';
import type { RecordBreaches } from './record-breaches';

/**
 * The directory the proven statements build (each key records from which position it counts as
 * endorsed along its party's chain, PROTOCOL.md §7.8), and the leaf indexes of those statements.
 */
export type VerifiedStatements = {
  readonly directory: DirectoryState;
  readonly provenLeaves: ReadonlySet<number>;
};

type Proven = { signed: SignedKeyStatement; position: number; subject: string };

/** Why a statement is not proven at its leaf, or undefined when it is. */
const inclusionProblem = (
  anchor: Checkpoint | null,
  item: AuditBundleEnvelope['statements'][number],
  hash: string,
): string | undefined => {
  if (anchor === null) {
    return 'not proven in the log: the last checkpoint does not verify';
  }
  const proof = decodeHashes(item.inclusion, 'inclusion', MAX_INCLUSION_HASHES);
  if (typeof proof === 'string') {
    return proof;
  }
  const check = checkEntryInclusion(anchor, item.leafIndex, fromBase64url(hash), 'key-statement', proof);
  return check.ok
    ? undefined
    : `not included at leaf ${item.leafIndex} under checkpoint ${anchor.treeSize}: ${check.reason}`;
};

/**
 * Checks each statement's schema and inclusion under `anchor` (every one is named on failure),
 * then applies the proven ones with the directory rules in leaf order, those below
 * `options.legacyBefore` by the rules of their time (PROTOCOL.md §7.8). A statement that is not
 * proven is not applied: a key it would publish counts as unknown.
 */
export const verifyStatements = (
  items: AuditBundleEnvelope['statements'],
  anchor: Checkpoint | null,
  fail: Fail,
  breaches: RecordBreaches,
  options: DirectoryOptions = {},
): VerifiedStatements => {
  const proven: Proven[] = [];
  const seen = new Set<number>();
  let previous = -1;
  for (const [index, item] of items.entries()) {
    // A breach of the JSON rules is a second byte form of the record, or no form at all.
    const breach = breaches.of('statements', index);
    if (breach !== undefined) {
      fail(`statement at leaf ${item.leafIndex}`, breach);
      continue;
    }
    const parsed = SignedKeyStatement.safeParse(item.signed);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      fail(
        `statement at leaf ${item.leafIndex}`,
        `does not match the SignedKeyStatement schema: ${issue?.path.join('.')}: ${issue?.message}`,
      );
      continue;
    }
    const { statement } = parsed.data;
    const hash = keyStatementHash(parsed.data);
    const subject = `statement ${hash} (leaf ${item.leafIndex}, person ${statement.person} seq ${statement.seq})`;
    if (seen.has(item.leafIndex)) {
      fail(subject, `leaf ${item.leafIndex} is listed twice`);
      continue;
    }
    seen.add(item.leafIndex);
    if (item.leafIndex < previous) {
      fail(subject, `statements must be in ascending leaf order: it follows leaf ${previous}`);
    }
    previous = Math.max(previous, item.leafIndex);
    const problem = inclusionProblem(anchor, item, hash);
    if (problem !== undefined) {
      fail(subject, problem);
      continue;
    }
    proven.push({ signed: parsed.data, position: item.leafIndex, subject });
  }
  proven.sort((a, b) => a.position - b.position);
  const { state, failures } = verifyKeyDirectory(proven, options);
  const subjects = new Map(proven.map((item) => [item.position, item.subject]));
  for (const failure of failures) {
    fail(subjects.get(failure.position) ?? `statement at leaf ${failure.position}`, failure.reason);
  }
  return { directory: state, provenLeaves: new Set(proven.map((item) => item.position)) };
};
