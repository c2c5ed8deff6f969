/**
 * Checking the server's answer to an append (docs/PROTOCOL.md §9): the checkpoint is signed by the
 * pinned log key and consistent with the one this browser accepted last (in whichever order the
 * two come), and the entry is included under it at the leaf the server names.
 */
import { API } from '../../shared/api/index';
import { fromBase64url } from '../../shared/encoding/bytes';
import { checkEntryInclusion, type LogTrust, observeCheckpoint } from '../../shared/log/log-monitor';
import type { AppendReceipt } from '../../shared/schemas/log';
import { api } from '../api/transport';
import { storedLogStatus } from '../crypto/log-pin';

/** The server's receipt for an append does not prove what it should. */
export class ReceiptError extends Error {
  constructor(reason: string) {
    super(`The server's receipt for this entry does not verify: ${reason}`);
    this.name = 'ReceiptError';
  }
}

const consistency = async (from: number, to: number): Promise<Uint8Array[]> =>
  from > 0 && to > from ? (await api(API.consistencyProof, { query: { from, to } })).proof.map(fromBase64url) : [];

/**
 * Verifies an append receipt for the entry whose recomputed hash is `entryHash`; throws a
 * {@link ReceiptError} naming the first thing that fails. Does not advance the stored checkpoint:
 * the log monitor does that on its next check.
 */
export const verifyAppendReceipt = async (
  receipt: AppendReceipt & { readonly entryHash: string },
  entryHash: string,
): Promise<void> => {
  if (receipt.entryHash !== entryHash) {
    throw new ReceiptError('it names another entry hash than the one signed here');
  }
  if (receipt.inclusion.leafIndex !== receipt.leafIndex || receipt.inclusion.treeSize !== receipt.checkpoint.treeSize) {
    throw new ReceiptError('its inclusion proof is for another leaf or tree than its checkpoint');
  }
  const { pin, checkpoint: stored } = storedLogStatus();
  if (pin === null) {
    throw new ReceiptError('this browser has not pinned the log yet: sign in again');
  }
  const trust: LogTrust = { pinnedKey: pin.verifierKey, expectedOrigin: pin.origin };
  const opened = observeCheckpoint(null, trust, receipt.checkpoint.note, []);
  if (!opened.ok) {
    throw new ReceiptError(opened.failure.reason);
  }
  const offered = opened.state.checkpoint;
  if (stored !== null) {
    const storedState = { origin: pin.origin, verifierKey: pin.verifierKey, checkpoint: stored };
    // Another check may already have moved past the receipt's tree: prove the older one extends into the newer.
    const isNewer = offered.treeSize >= stored.treeSize;
    const proof = isNewer
      ? await consistency(stored.treeSize, offered.treeSize)
      : await consistency(offered.treeSize, stored.treeSize);
    const observed = isNewer
      ? observeCheckpoint(storedState, trust, offered.note, proof)
      : observeCheckpoint(opened.state, trust, stored.note, proof);
    if (!observed.ok) {
      throw new ReceiptError(observed.failure.reason);
    }
  }
  const included = checkEntryInclusion(
    offered,
    receipt.leafIndex,
    fromBase64url(entryHash),
    'entry',
    receipt.inclusion.proof.map(fromBase64url),
  );
  if (!included.ok) {
    throw new ReceiptError(`the entry is not included at leaf ${receipt.leafIndex}: ${included.reason}`);
  }
};
