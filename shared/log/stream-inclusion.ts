/**
 * Proving a page of a stream's entries with one request (`GET /api/streams/:id/proofs`) instead
 * of one per entry. The server only supplies the proofs: each is checked here against the
 * checkpoint the reader's log monitor accepted, over the entry hash the reader computed.
 */
import { fromBase64url } from '../encoding/bytes';
import type { StreamInclusionProof } from '../schemas/log';
import { checkEntryInclusion } from './log-monitor';
import type { ProofCheck } from './merkle';

/** The largest page of proofs the server answers with. */
export const STREAM_PROOFS_PAGE = 1000;

/**
 * The proofs of every entry after seq `after`, by seq, fetched page by page until a short page,
 * or until a page reaches seq `through` when the caller needs none beyond it (a full last page
 * then costs no request for the empty page after it). `fetchPage` asks the server for the page
 * after a seq. Nothing returned is trusted yet.
 */
export const collectStreamProofs = async (
  fetchPage: (after: number) => Promise<readonly StreamInclusionProof[]>,
  after: number,
  through = Number.POSITIVE_INFINITY,
): Promise<Map<number, StreamInclusionProof>> => {
  const bySeq = new Map<number, StreamInclusionProof>();
  for (let cursor = after; ; ) {
    const page = await fetchPage(cursor);
    for (const proof of page) {
      bySeq.set(proof.seq, proof);
    }
    const last = page.at(-1)?.seq;
    if (page.length < STREAM_PROOFS_PAGE || last === undefined || last <= cursor || last >= through) {
      return bySeq;
    }
    cursor = last;
  }
};

/** Whether one entry (its seq, the leaf it claims, the hash the reader computed) is proven in the checkpoint's tree. */
export const checkStreamEntryInclusion = (
  checkpoint: Parameters<typeof checkEntryInclusion>[0],
  entry: { readonly seq: number; readonly leafIndex: number; readonly entryHash: string },
  proofs: ReadonlyMap<number, StreamInclusionProof>,
): ProofCheck => {
  const proof = proofs.get(entry.seq);
  if (proof === undefined) {
    return { ok: false, reason: `the log gave no proof for seq ${entry.seq}` };
  }
  if (proof.leafIndex !== entry.leafIndex) {
    return { ok: false, reason: `the log puts it at leaf ${proof.leafIndex}, the stream at ${entry.leafIndex}` };
  }
  return checkEntryInclusion(
    checkpoint,
    entry.leafIndex,
    fromBase64url(entry.entryHash),
    'entry',
    proof.proof.map(fromBase64url),
  );
};
