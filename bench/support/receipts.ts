import type { PinnedLog } from '../../client/sdk/log-checker';
import { fromBase64url } from '../../shared/encoding/bytes';
import { checkEntryInclusion } from '../../shared/log/log-monitor';
import { verifyCheckpoint } from '../../shared/log/verify-checkpoint';
import type { AppendReceipt } from '../../shared/schemas/log';

/**
 * Checks an append receipt as a client must before trusting it: the checkpoint is signed by the
 * pinned log key and the entry hash computed locally is the receipt's leaf under it. A benchmark
 * that counted unverifiable receipts would measure nothing; any failure stops the run.
 */
export const verifyReceipt = (pin: PinnedLog, receipt: AppendReceipt & { entryHash: string }, entryHash: string) => {
  const checkpoint = verifyCheckpoint(receipt.checkpoint.note, pin.verifierKey, pin.origin);
  const included =
    checkpoint.ok &&
    receipt.entryHash === entryHash &&
    receipt.inclusion.treeSize === checkpoint.checkpoint.treeSize &&
    checkEntryInclusion(
      checkpoint.checkpoint,
      receipt.leafIndex,
      fromBase64url(entryHash),
      'entry',
      receipt.inclusion.proof.map(fromBase64url),
    ).ok;
  if (!included) {
    throw new Error(`the receipt of ${entryHash} does not verify`);
  }
};
