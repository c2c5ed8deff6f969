import { entryRoutes } from '../../shared/api/entries';
import { logRoutes } from '../../shared/api/log';
import { fromBase64url } from '../../shared/encoding/bytes';
import { decodeCanonicalBase64 } from '../../shared/log/canonical-base64';
import { checkEntryInclusion } from '../../shared/log/log-monitor';
import { checkStreamEntryInclusion, collectStreamProofs, STREAM_PROOFS_PAGE } from '../../shared/log/stream-inclusion';
import { verifyCheckpoint } from '../../shared/log/verify-checkpoint';
import { checkConsistency } from '../../shared/log/verify-consistency';
import type { AppendReceipt, StreamInclusionProof } from '../../shared/schemas/log';
import type { StoredEntry } from '../../shared/schemas/stream';
import { EntryVerificationError, ReceiptVerificationError } from './entry-errors';
import type { LogCheckResult } from './log-checker';
import type { ParleyHttp } from './parley-http';

/**
 * The inclusion proofs of a stream's entries after seq `after` (in seq order) in the tree of
 * `treeSize`, a page of them per request (`GET /api/streams/:streamId/proofs`). Nothing returned
 * is trusted yet: see {@link checkInclusions}.
 */
export const requestInclusionProofs = (
  http: ParleyHttp,
  treeSize: number,
  streamId: string,
  after = 0,
): Promise<ReadonlyMap<number, StreamInclusionProof>> =>
  collectStreamProofs(
    async (cursor) =>
      (
        await http.api(entryRoutes.streamProofs, {
          params: { streamId },
          query: { treeSize, after: cursor, limit: STREAM_PROOFS_PAGE },
        })
      ).proofs,
    after,
  );

/**
 * Checks that every entry is the leaf the server says, under the checkpoint the person's log
 * monitor trusts: its RFC 6962 proof from {@link requestInclusionProofs}, over the entry hash the
 * client computed. A server that shows an entry outside its log, or at another leaf, is caught here.
 *
 * @throws {EntryVerificationError} ('inclusion') naming the first entry that is not proven.
 */
export const checkInclusions = (
  trusted: Pick<LogCheckResult, 'treeSize' | 'rootHash'>,
  entries: readonly StoredEntry[],
  proofs: ReadonlyMap<number, StreamInclusionProof>,
): void => {
  const stream = entries[0]?.header.stream;
  for (const entry of entries) {
    const place = { streamId: entry.header.stream, seq: entry.header.seq, entryHash: entry.entryHash };
    if (entry.header.stream !== stream) {
      throw new EntryVerificationError('inclusion', place, 'entries of another stream were served with this one');
    }
    if (entry.leafIndex >= trusted.treeSize) {
      throw new EntryVerificationError('inclusion', place, `leaf ${entry.leafIndex} is beyond the trusted tree`);
    }
    const checked = checkStreamEntryInclusion(trusted, { ...entry, seq: entry.header.seq }, proofs);
    if (!checked.ok) {
      throw new EntryVerificationError(
        'inclusion',
        place,
        `not in the tree of size ${trusted.treeSize}: ${checked.reason}`,
      );
    }
  }
};

/**
 * Verifies an append receipt against the log monitor's state, which must have been advanced
 * (`checkLog`) after the append: the receipt's checkpoint is signed by the pinned key, its tree
 * is a prefix of the trusted one (consistency proof), and the entry hash the client computed
 * itself is the receipt's leaf in it (inclusion proof).
 *
 * @throws {ReceiptVerificationError} on any failure.
 */
export const verifyAppendReceipt = async (
  http: ParleyHttp,
  trusted: LogCheckResult,
  receipt: AppendReceipt & { entryHash: string },
  entryHash: string,
): Promise<void> => {
  const fail = (reason: string) => new ReceiptVerificationError(entryHash, reason);
  if (receipt.entryHash !== entryHash) {
    throw fail(`the server names it ${receipt.entryHash}`);
  }
  const verified = verifyCheckpoint(receipt.checkpoint.note, trusted.pinned.verifierKey, trusted.pinned.origin);
  if (!verified.ok) {
    throw fail(`its checkpoint is refused: ${verified.reason}`);
  }
  const { treeSize, rootHash } = verified.checkpoint;
  const trustedRoot = decodeCanonicalBase64(trusted.rootHash);
  if (!trustedRoot || treeSize > trusted.treeSize) {
    throw fail(`its tree of size ${treeSize} is not covered by the trusted size ${trusted.treeSize}`);
  }
  const proof =
    treeSize === trusted.treeSize
      ? []
      : (await http.api(logRoutes.consistencyProof, { query: { from: treeSize, to: trusted.treeSize } })).proof.map(
          fromBase64url,
        );
  const consistent = checkConsistency(treeSize, trusted.treeSize, proof, rootHash, trustedRoot);
  if (!consistent.ok) {
    throw fail(`its checkpoint is not consistent with the trusted one: ${consistent.reason}`);
  }
  const { inclusion } = receipt;
  if (inclusion.leafIndex !== receipt.leafIndex || inclusion.treeSize !== treeSize) {
    throw fail('the inclusion proof is for another leaf or tree');
  }
  const included = checkEntryInclusion(
    verified.checkpoint,
    receipt.leafIndex,
    fromBase64url(entryHash),
    'entry',
    inclusion.proof.map(fromBase64url),
  );
  if (!included.ok) {
    throw fail(`the entry is not leaf ${receipt.leafIndex}: ${included.reason}`);
  }
};
