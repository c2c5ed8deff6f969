/**
 * The request and response bodies of C2SP tlog-witness `POST <prefix>/add-checkpoint`
 * (https://c2sp.org/tlog-witness): `old <size>\n`, zero to 63 base64 consistency proof lines, an
 * empty line, then the signed checkpoint; a 200 answers cosignature lines, a 409 answers the
 * witness's size as `<decimal>\n` with Content-Type `text/x.tlog.size`.
 */
import { utf8 } from '@scure/base';
import { decodeCanonicalBase64, encodeBase64 } from '../log/canonical-base64';
import { HASH_SIZE, type Hash } from '../log/merkle';
import { MAX_NOTE_BYTES, parseSignedNote } from '../log/signed-note';
import { isTreeIndex } from '../log/tree-math';

/** The media type of a 409 answer's body. */
export const TREE_SIZE_CONTENT_TYPE = 'text/x.tlog.size';
/** The spec's limit on consistency proof lines. */
export const MAX_PROOF_LINES = 63;

/** A parsed add-checkpoint request. */
export type AddCheckpointRequest = {
  readonly oldSize: number;
  readonly proof: readonly Hash[];
  /** The signed checkpoint note, signatures included, byte for byte as sent. */
  readonly checkpoint: string;
};

/** The outcome of {@link parseAddCheckpointRequest}. */
export type ParsedAddCheckpointRequest =
  | { readonly ok: true; readonly request: AddCheckpointRequest }
  | { readonly ok: false; readonly reason: string };

const DECIMAL = /^(?:0|[1-9][0-9]*)$/;

const parseDecimal = (text: string): number | undefined =>
  DECIMAL.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : undefined;

/** The request body for a checkpoint note and the consistency proof from `oldSize` to its size. */
export const formatAddCheckpointRequest = ({ oldSize, proof, checkpoint }: AddCheckpointRequest): string => {
  if (!isTreeIndex(oldSize)) {
    throw new RangeError(`old size ${String(oldSize)} is not a safe non-negative integer`);
  }
  if (proof.length > MAX_PROOF_LINES || proof.some((hash) => hash.length !== HASH_SIZE)) {
    throw new RangeError(`a proof is at most ${MAX_PROOF_LINES} hashes of ${HASH_SIZE} bytes`);
  }
  return `old ${oldSize}\n${proof.map((hash) => `${encodeBase64(hash)}\n`).join('')}\n${checkpoint}`;
};

const fail = (reason: string): ParsedAddCheckpointRequest => ({ ok: false, reason });

/**
 * Parses an add-checkpoint request body strictly (canonical decimal, canonical base64 of exactly
 * 32 bytes per proof line, at most 63 lines, a well-formed signed note after the empty line). No
 * signature or proof is checked here.
 */
export const parseAddCheckpointRequest = (body: string | Uint8Array): ParsedAddCheckpointRequest => {
  if (body.length > MAX_NOTE_BYTES + 8_192) {
    return fail('request body is too large');
  }
  let text: string;
  try {
    text = typeof body === 'string' ? body : utf8.encode(body);
  } catch {
    return fail('request body is not valid UTF-8');
  }
  const blank = text.indexOf('\n\n');
  if (blank < 0) {
    return fail('request has no empty line before the checkpoint');
  }
  const [oldLine = '', ...proofLines] = text.slice(0, blank).split('\n');
  const oldSize = oldLine.startsWith('old ') ? parseDecimal(oldLine.slice(4)) : undefined;
  if (oldSize === undefined) {
    return fail('first line is not "old <size>" in decimal without leading zeros');
  }
  if (proofLines.length > MAX_PROOF_LINES) {
    return fail(`request has more than ${MAX_PROOF_LINES} consistency proof lines`);
  }
  const proof: Hash[] = [];
  for (const [index, line] of proofLines.entries()) {
    const hash = decodeCanonicalBase64(line);
    if (hash?.length !== HASH_SIZE) {
      return fail(`proof line ${index + 1} is not the canonical base64 of a ${HASH_SIZE}-byte hash`);
    }
    proof.push(hash);
  }
  const checkpoint = text.slice(blank + 2);
  const note = parseSignedNote(checkpoint);
  if (!note.ok) {
    return fail(`checkpoint is not a signed note: ${note.reason}`);
  }
  return { ok: true, request: { oldSize, proof, checkpoint } };
};

/** The body of a 409 answer: the witness's latest cosigned size. */
export const formatTreeSizeBody = (treeSize: number): string => `${treeSize}\n`;

/** The size in a 409 answer's body, or undefined if the body is not exactly `<decimal>\n`. */
export const parseTreeSizeBody = (body: string): number | undefined =>
  body.endsWith('\n') ? parseDecimal(body.slice(0, -1)) : undefined;

/**
 * The signature lines of a 200 answer, each with its final newline, or undefined if the body is
 * not one or more well-formed note signature lines. Which of them verify is for
 * `verifyCosignatures` to say, once they are appended to the checkpoint.
 */
export const parseCosignatureResponse = (body: string): string[] | undefined => {
  if (body === '' || !body.endsWith('\n')) {
    return undefined;
  }
  // Parsing them as the signature block of a minimal note reuses the strict line rules.
  const parsed = parseSignedNote(`x\n\n${body}`);
  return parsed.ok
    ? body
        .slice(0, -1)
        .split('\n')
        .map((line) => `${line}\n`)
    : undefined;
};
