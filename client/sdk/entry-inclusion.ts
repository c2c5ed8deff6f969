import { logRoutes } from '../../shared/api/log';
import { fromBase64url } from '../../shared/encoding/bytes';
import { decodeCanonicalBase64 } from '../../shared/log/canonical-base64';
import { checkEntryInclusion } from '../../shared/log/log-monitor';
import { verifyCheckpoint } from '../../shared/log/verify-checkpoint';
import { checkConsistency } from '../../shared/log/verify-consistency';
import type { AppendReceipt } from '../../shared/schemas/log';
import type { StoredEntry } from '../../shared/schemas/stream';
import { EntryVerificationError, ReceiptVerificationError } from './entry-errors';
import type { LogCheckResult } from './log-checker';
import type { ParleyHttp } from './parley-http';

/** How many inclusion proofs are fetched at once. */
const PARALLEL_PROOFS = 8;

/**
 * Checks that every entry is the leaf the server says, under the checkpoint the person's log
 * monitor trusts: an RFC 6962 inclusion proof per entry (`GET /api/log/inclusion?hash=&treeSize=`)
 * over the entry hash the client computed. A server that shows an entry outside its log, or at
 * another leaf, is caught here.
 *
 * @throws {EntryVerificationError} ('inclusion') naming the first entry that is not proven.
 */
export const verifyInclusions = async (
  http: ParleyHttp,
  trusted: Pick<LogCheckResult, 'treeSize' | 'rootHash'>,
  entries: readonly StoredEntry[],
): Promise<void> => {
  const verifyOne = async (entry: StoredEntry) => {
    const place = { streamId: entry.header.stream, seq: entry.header.seq, entryHash: entry.entryHash };
    if (entry.leafIndex >= trusted.treeSize) {
      throw new EntryVerificationError('inclusion', place, `leaf ${entry.leafIndex} is beyond the trusted tree`);
    }
    const proof = await http.api(logRoutes.inclusionProof, {
      query: { hash: entry.entryHash, treeSize: trusted.treeSize },
    });
    const checked = checkEntryInclusion(
      trusted,
      entry.leafIndex,
      fromBase64url(entry.entryHash),
      'entry',
      proof.proof.map(fromBase64url),
    );
    if (proof.leafIndex !== entry.leafIndex || !checked.ok) {
      const why = checked.ok ? `the log puts it at leaf ${proof.leafIndex}` : checked.reason;
      throw new EntryVerificationError('inclusion', place, `not in the tree of size ${trusted.treeSize}: ${why}`);
    }
  };
  for (let start = 0; start < entries.length; start += PARALLEL_PROOFS) {
    await Promise.all(entries.slice(start, start + PARALLEL_PROOFS).map(verifyOne));
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
