/**
 * The key directory taken from the log alone (docs/PROTOCOL.md §9.1): a statement counts only
 * with a valid inclusion proof at its position under a checkpoint the reader's log monitor
 * accepted, and the statements must be exactly as many as that checkpoint counts, so a server
 * cannot forge a statement, move one, or withhold one (a revocation) the log contains.
 * Pure: the browser and the Node SDK fetch, this decides.
 */
import { keyStatementHash } from '../crypto/key-statement';
import { fromBase64url } from '../encoding/bytes';
import type { Checkpoint } from '../log/checkpoint';
import { checkEntryInclusion } from '../log/log-monitor';
import type { SignedKeyStatement } from '../schemas/key-statement';
import { type DirectoryOptions, type DirectoryState, emptyDirectory } from './directory-state';

/** A statement as the server lists it: where it says it sits, and its inclusion proof there. */
export type ListedStatement = {
  readonly position: number;
  readonly signed: SignedKeyStatement;
  /** RFC 6962 PATH of its leaf in the tree of the checkpoint, base64url hashes. */
  readonly proof: readonly string[];
};

/** A directory proven complete under one checkpoint: what the next, larger one extends. */
export type ProvenDirectory = {
  readonly treeSize: number;
  /** How many statements the tree holds, as its checkpoint counts them. */
  readonly count: number;
  readonly state: DirectoryState;
};

/** Why the listing cannot be trusted, naming the person a statement is about where there is one. */
export type DirectoryProblem = {
  readonly kind: 'uncounted' | 'withheld' | 'not-in-log' | 'out-of-order' | 'refused' | 'stale';
  readonly position?: number;
  readonly person?: { readonly id: string; readonly name: string; readonly party: string; readonly role: string };
  readonly reason: string;
};

export type DirectoryProof =
  | { readonly ok: true; readonly directory: ProvenDirectory }
  | { readonly ok: false; readonly problems: readonly DirectoryProblem[] };

const aboutWhom = ({ statement }: SignedKeyStatement) => ({
  id: statement.person,
  name: statement.name,
  party: statement.party,
  role: statement.role,
});

/** Whether one listed statement is the leaf at its position in the checkpoint's tree. */
const inclusionProblem = (checkpoint: Checkpoint, listed: ListedStatement): string | null => {
  let proof: Uint8Array[];
  let hash: Uint8Array;
  try {
    proof = listed.proof.map(fromBase64url);
    hash = fromBase64url(keyStatementHash(listed.signed));
  } catch {
    return 'its proof or statement cannot be decoded';
  }
  const check = checkEntryInclusion(checkpoint, listed.position, hash, 'key-statement', proof);
  return check.ok ? null : check.reason;
};

/**
 * Extends `previous` (null for a first read) with the statements listed after it, under
 * `checkpoint`, which the caller's log monitor has accepted (signature by the pinned key, and
 * consistent with the tree `previous` was proven under). Every problem is reported, each naming
 * the person the statement is about, and any problem means the listing is not to be trusted.
 */
export const proveDirectory = (
  previous: ProvenDirectory | null,
  checkpoint: Checkpoint,
  listed: readonly ListedStatement[],
  options: DirectoryOptions = {},
): DirectoryProof => {
  const problems: DirectoryProblem[] = [];
  if (checkpoint.keyStatements === undefined) {
    return fail([{ kind: 'uncounted', reason: 'the checkpoint does not count its key statements' }]);
  }
  if (previous && previous.treeSize > checkpoint.treeSize) {
    return fail([{ kind: 'stale', reason: `checkpoint ${checkpoint.treeSize} is older than ${previous.treeSize}` }]);
  }
  const state = previous ? previous.state.copy() : emptyDirectory(options);
  let last = state.lastPosition;
  for (const item of listed) {
    const person = aboutWhom(item.signed);
    if (!Number.isSafeInteger(item.position) || item.position <= last || item.position >= checkpoint.treeSize) {
      problems.push({
        kind: 'out-of-order',
        position: item.position,
        person,
        reason: `listed at position ${item.position}, not after ${last} and inside the tree of ${checkpoint.treeSize}`,
      });
      continue;
    }
    const missing = inclusionProblem(checkpoint, item);
    if (missing) {
      problems.push({
        kind: 'not-in-log',
        position: item.position,
        person,
        reason: `not in the log there: ${missing}`,
      });
      continue;
    }
    last = item.position;
    const applied = state.apply(item.signed, item.position);
    if (!applied.ok) {
      problems.push({ kind: 'refused', position: item.position, person, reason: applied.reason });
    }
  }
  const count = (previous?.count ?? 0) + listed.length;
  if (count !== checkpoint.keyStatements) {
    problems.push({
      kind: 'withheld',
      reason:
        count < checkpoint.keyStatements
          ? `the server withholds ${checkpoint.keyStatements - count} of the ${checkpoint.keyStatements} key statements the log holds`
          : `the server lists ${count} key statements where the log holds ${checkpoint.keyStatements}`,
    });
  }
  return problems.length > 0
    ? fail(problems)
    : { ok: true, directory: { treeSize: checkpoint.treeSize, count, state } };
};

const fail = (problems: DirectoryProblem[]): DirectoryProof => ({ ok: false, problems });
