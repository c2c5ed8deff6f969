/**
 * The body of a C2SP checkpoint (https://c2sp.org/tlog-checkpoint), the log's signed tree head:
 *
 *     <origin>\n<tree size in decimal>\n<base64 of the 32-byte root>\n[key-statements <n>\n]
 *
 * Parley writes at most one extension line, `key-statements <n>`: how many of the tree's leaves
 * are key-directory statements. With it a client that fetches the statements, each with its
 * inclusion proof, knows none was withheld (docs/PROTOCOL.md §9.1). Checkpoints signed before
 * party roots carry no extension line; any other extension line is refused, so there is one body
 * per (origin, size, root, count) and two signed bodies that differ are always evidence.
 */
import { decodeCanonicalBase64, encodeBase64 } from './canonical-base64';
import { HASH_SIZE, type Hash, isHash } from './merkle';
import { findNoteTextProblem } from './signed-note';
import { isTreeIndex } from './tree-math';

/**
 * A tree head: the log's origin line, its size in leaves and its RFC 6962 root; and, when the
 * body carries the extension line, how many of its leaves are key statements.
 */
export type Checkpoint = {
  readonly origin: string;
  readonly treeSize: number;
  readonly rootHash: Hash;
  readonly keyStatements?: number;
};

const KEY_STATEMENTS_LINE = /^key-statements (0|[1-9][0-9]*)$/;

/** The outcome of {@link parseCheckpointBody}. */
export type ParsedCheckpoint =
  | { readonly ok: true; readonly checkpoint: Checkpoint }
  | { readonly ok: false; readonly reason: string };

/** Why `origin` cannot be a checkpoint origin, or undefined if it can. */
const findOriginProblem = (origin: string): string | undefined => {
  if (origin === '') {
    return 'origin is empty';
  }
  const problem = findNoteTextProblem(origin);
  if (problem !== undefined) {
    return `origin contains ${problem}`;
  }
  return origin.includes('\n') ? 'origin contains a newline' : undefined;
};

/** The checkpoint body for a tree head; throws on an invalid origin, size or root. */
export const formatCheckpointBody = ({ origin, treeSize, rootHash, keyStatements }: Checkpoint): string => {
  const problem = findOriginProblem(origin);
  if (problem !== undefined) {
    throw new TypeError(problem);
  }
  if (!isTreeIndex(treeSize)) {
    throw new RangeError(`tree size ${String(treeSize)} is not a safe non-negative integer`);
  }
  if (!isHash(rootHash)) {
    throw new RangeError(`a root hash must be ${HASH_SIZE} bytes`);
  }
  if (keyStatements !== undefined && !(isTreeIndex(keyStatements) && keyStatements <= treeSize)) {
    throw new RangeError(`key statement count ${String(keyStatements)} is not between 0 and the tree size`);
  }
  const extension = keyStatements === undefined ? '' : `key-statements ${keyStatements}\n`;
  return `${origin}\n${treeSize}\n${encodeBase64(rootHash)}\n${extension}`;
};

const fail = (reason: string): ParsedCheckpoint => ({ ok: false, reason });

/**
 * Parses a checkpoint body strictly: exactly three lines, each ending in a newline; a non-empty
 * origin; the tree size in canonical decimal (no sign, no leading zero) and at most 2^53 - 1;
 * the root as canonical standard base64 of exactly 32 bytes. Parse only a body whose signature
 * has been verified (`verifyCheckpoint` does both).
 */
export const parseCheckpointBody = (body: string): ParsedCheckpoint => {
  if (!body.endsWith('\n')) {
    return fail('checkpoint does not end with a newline');
  }
  const lines = body.slice(0, -1).split('\n');
  if (lines.length < 3) {
    return fail('checkpoint needs an origin, a tree size and a root hash line');
  }
  if (lines.length > 4) {
    return fail('checkpoint has more than one extension line, which Parley never signs');
  }
  const [origin = '', sizeText = '', rootText = '', extension] = lines;
  const counted = extension === undefined ? undefined : KEY_STATEMENTS_LINE.exec(extension);
  if (counted === null) {
    return fail('checkpoint has an extension line other than "key-statements <n>", which Parley never signs');
  }
  const originProblem = findOriginProblem(origin);
  if (originProblem !== undefined) {
    return fail(originProblem);
  }
  if (!/^(?:0|[1-9][0-9]*)$/.test(sizeText)) {
    return fail('tree size is not a decimal number without leading zeros');
  }
  const treeSize = Number(sizeText);
  if (!Number.isSafeInteger(treeSize)) {
    return fail('tree size is larger than 2^53 - 1');
  }
  const rootHash = decodeCanonicalBase64(rootText);
  if (rootHash === undefined) {
    return fail('root hash is not canonical standard base64');
  }
  if (rootHash.length !== HASH_SIZE) {
    return fail(`root hash is ${rootHash.length} bytes, not ${HASH_SIZE}`);
  }
  if (counted === undefined) {
    return { ok: true, checkpoint: { origin, treeSize, rootHash } };
  }
  const keyStatements = Number(counted[1]);
  if (keyStatements > treeSize) {
    return fail(`key-statements ${keyStatements} is larger than the tree size ${treeSize}`);
  }
  return { ok: true, checkpoint: { origin, treeSize, rootHash, keyStatements } };
};
