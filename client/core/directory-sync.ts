/**
 * The key directory as a client must take it (docs/PROTOCOL.md §9.1): every statement proven in
 * the tree its log monitor accepted, and exactly as many as that tree counts, folded with the
 * shared rules. One implementation for the browser and the Node SDK; what the server adds (the
 * hash it reports, its people list) is never an input.
 */
import { type CallInput, callRoute, type Transport } from '../../shared/api/client';
import { keyRoutes } from '../../shared/api/identity';
import {
  type DirectoryProblem,
  emptyDirectory,
  type ListedStatement,
  type ProvenDirectory,
  proveDirectory,
} from '../../shared/directory/index';
import { decodeCanonicalBase64 } from '../../shared/log/canonical-base64';
import { equalHashes } from '../../shared/log/hash-checks';
import { verifyCheckpoint } from '../../shared/log/verify-checkpoint';

/** What the client pinned out of band: the log key and origin, and the deployment's legacy boundary (§7.8). */
export type DirectoryTrust = {
  readonly pinnedKey: string;
  readonly expectedOrigin: string;
  readonly legacyBefore: number;
};

/**
 * A tree head the client's log monitor accepted: its size, its root (standard base64, as in the
 * note) and the note it accepted, which for a log that counts its statements carries the count.
 */
export type AcceptedTree = { readonly treeSize: number; readonly rootHash: string; readonly note: string };

const PAGE = 1000;

/** The server's directory cannot be trusted: each problem names the person its statement is about, where there is one. */
export class DirectoryVerificationError extends Error {
  constructor(readonly problems: readonly DirectoryProblem[]) {
    const [first] = problems;
    const who = first?.person ? ` (${first.person.name}, ${first.person.role} of party ${first.person.party})` : '';
    super(
      `The key directory cannot be trusted: ${problems.length} problem(s)` +
        (first
          ? `, first${first.position === undefined ? '' : ` at log position ${first.position}`}${who}: ${first.reason}`
          : ''),
    );
    this.name = 'DirectoryVerificationError';
  }
}

const problem = (reason: string): DirectoryVerificationError =>
  new DirectoryVerificationError([{ kind: 'not-in-log', reason }]);

/** Every statement after `after` below the tree size, page by page, and the counted checkpoint the server signed. */
const fetchListing = async (transport: Transport, treeSize: number, after: number) => {
  const listed: ListedStatement[] = [];
  let note: string | undefined;
  for (let cursor = after; ; ) {
    const query: CallInput<typeof keyRoutes.listStatements>['query'] = { treeSize, after: cursor, limit: PAGE };
    const page = await callRoute(transport, keyRoutes.listStatements, { query });
    if (note !== undefined && page.checkpoint !== note) {
      throw problem('the server answered two different checkpoints for one tree size');
    }
    note = page.checkpoint;
    listed.push(...page.statements.map(({ position, signed, proof }) => ({ position, signed, proof })));
    const last = page.statements.at(-1)?.position;
    if (page.statements.length < PAGE || last === undefined || last <= cursor) {
      return { listed, note };
    }
    cursor = last;
  }
};

/**
 * Extends `previous` (null on a first read) to the accepted tree. libsodium must be ready.
 *
 * @throws {DirectoryVerificationError} naming every statement that is forged, moved, withheld or refused.
 */
export const syncDirectory = async (
  transport: Transport,
  accepted: AcceptedTree,
  trust: DirectoryTrust,
  previous: ProvenDirectory | null,
): Promise<ProvenDirectory> => {
  if (previous && previous.treeSize === accepted.treeSize) {
    return previous;
  }
  if (accepted.treeSize === 0) {
    return { treeSize: 0, count: 0, state: emptyDirectory({ legacyBefore: trust.legacyBefore }) };
  }
  const { listed, note } = await fetchListing(transport, accepted.treeSize, previous?.state.lastPosition ?? -1);
  const verified = verifyCheckpoint(note, trust.pinnedKey, trust.expectedOrigin);
  if (!verified.ok) {
    throw problem(`the checkpoint the directory comes with does not verify: ${verified.reason}`);
  }
  const root = decodeCanonicalBase64(accepted.rootHash);
  const { checkpoint } = verified;
  if (checkpoint.treeSize !== accepted.treeSize || !root || !equalHashes(checkpoint.rootHash, root)) {
    throw problem(
      `the directory comes with checkpoint ${checkpoint.treeSize}, not the accepted tree ${accepted.treeSize}`,
    );
  }
  // Two signed notes of one tree that count its statements differently are evidence of a lying log.
  const acceptedNote = verifyCheckpoint(accepted.note, trust.pinnedKey, trust.expectedOrigin);
  const counted = acceptedNote.ok ? acceptedNote.checkpoint.keyStatements : undefined;
  if (counted !== undefined && counted !== checkpoint.keyStatements) {
    throw problem(
      `the log signed two counts of key statements for tree ${checkpoint.treeSize}: ${counted} and ${checkpoint.keyStatements ?? 'none'}`,
    );
  }
  const proof = proveDirectory(previous, checkpoint, listed, { legacyBefore: trust.legacyBefore });
  if (!proof.ok) {
    throw new DirectoryVerificationError(proof.problems);
  }
  return proof.directory;
};
