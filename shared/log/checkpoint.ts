/**
 * The body of a C2SP checkpoint (https://c2sp.org/tlog-checkpoint), the log's signed tree head:
 *
 *     <origin>\n<tree size in decimal>\n<base64 of the 32-byte root>\n
 *
 * Parley writes no extension lines and its parser refuses them. The spec allows opaque extension
 * lines but recommends against them because monitors cannot audit them; our log is their only
 * producer and never signs one, and refusing them keeps one body per (origin, size, root), so
 * two checkpoints that differ are always evidence of a fork and never a formatting variant.
 */
import { decodeCanonicalBase64, encodeBase64 } from './canonical-base64';
import { HASH_SIZE, type Hash, isHash } from './merkle';
import { findNoteTextProblem } from './signed-note';
import { isTreeIndex } from './tree-math';

/** A tree head: the log's origin line, its size in leaves and its RFC 6962 root. */
export type Checkpoint = { readonly origin: string; readonly treeSize: number; readonly rootHash: Hash };

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
export const formatCheckpointBody = ({ origin, treeSize, rootHash }: Checkpoint): string => {
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
  return `${origin}\n${treeSize}\n${encodeBase64(rootHash)}\n`;
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
  if (lines.length > 3) {
    return fail('checkpoint has extension lines, which Parley never signs');
  }
  const [origin = '', sizeText = '', rootText = ''] = lines;
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
  return { ok: true, checkpoint: { origin, treeSize, rootHash } };
};
